package org.xai4j.models;

import java.util.Map;
import org.xai4j.data.Shapes;
import org.xai4j.data.ShapesData;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Add;
import org.xai4j.op.Flatten;
import org.xai4j.train.Adam;
import org.xai4j.train.LearningRateSchedule;
import org.xai4j.train.Augmentation;
import org.xai4j.train.TrainingListener;

/**
 * {@code shapes-cnn}: classifies {@link Shapes} images (circle, square, triangle, cross).
 * Two blocks of stride-2 3x3 convolution, BatchNorm and ReLU ({@value #CHANNELS1} then
 * {@value #CHANNELS2} channels, 64 to 32 to 16 pixels), 2x2 max pooling (to 8 pixels), one
 * residual block ({@code relu(x + bn(conv(relu(bn(conv(x))))))}), global average pooling and a
 * dense layer to the 4 classes. Trained with Adam on {@value #TRAIN_COUNT} images of seed {@value #TRAIN_SEED}; the
 * bar is 95% accuracy on the {@link ShapesHeldOut} test set of {@value ShapesHeldOut#COUNT} images of seed
 * {@value ShapesHeldOut#SEED}.
 */
final class ShapesCnn implements ModelRecipe {
  static final int CHANNELS1 = 8;
  static final int CHANNELS2 = 16;
  static final int DOWNSAMPLING_STRIDE = 2;
  static final int KERNEL = 3;
  static final int PADDING = 1;
  static final int POOL = 2;
  static final int TRAIN_COUNT = 4000;
  static final long TRAIN_SEED = 1L;
  static final double LEARNING_RATE = 3e-3;
  static final int BATCH_SIZE = 32;
  static final int EPOCHS = 16;
  static final long INIT_SEED = 3L;
  static final long SHUFFLE_SEED = 3L;

  @Override
  public String name() {
    return "shapes-cnn";
  }

  @Override
  public String description() {
    return "CNN with BatchNorm and a residual block on shapes; accuracy (bar: 95%)";
  }

  @Override
  public Graph build() {
    GraphBuilder b = Graph.builder().seed(INIT_SEED);
    String x = b.input("input", -1, Shapes.CHANNELS, Shapes.SIDE, Shapes.SIDE);
    String h = convBnRelu(b, "1", x, Shapes.CHANNELS, CHANNELS1, DOWNSAMPLING_STRIDE);
    h = convBnRelu(b, "2", h, CHANNELS1, CHANNELS2, DOWNSAMPLING_STRIDE);
    String skip = b.maxPool2d("pool", h, POOL, POOL, 0);
    String r = convBnRelu(b, "3", skip, CHANNELS2, CHANNELS2, 1);
    r = b.batchNorm("bn4", b.conv2d("conv4", r, CHANNELS2, CHANNELS2, KERNEL, 1, PADDING), CHANNELS2);
    String sum = b.relu("relu4", b.add("residual", new Add(), skip, r));
    String pooled = b.add("flatten", new Flatten(), b.globalAvgPool("gap", sum));
    return b.output(b.linear("fc", pooled, CHANNELS2, Shapes.classes())).build();
  }

  private static String convBnRelu(GraphBuilder b, String index, String source, int in, int out, int stride) {
    return ConvBnRelu.add(b, index, source, in, out, KERNEL, stride, PADDING);
  }

  @Override
  public TrainingBudget defaultBudget() {
    return new TrainingBudget(EPOCHS, TRAIN_COUNT, SHUFFLE_SEED);
  }

  @Override
  public Map<String, Double> evaluate(Graph trained) {
    return ClassifierTraining.testAccuracy(trained, ShapesHeldOut.generate().images());
  }

  @Override
  public TrainedModel train(TrainingBudget budget, TrainingListener listener) {
    ShapesData train = Shapes.generate(Math.min(budget.trainSamples(), TRAIN_COUNT), TRAIN_SEED);
    String data = "synthetic shapes: " + TRAIN_COUNT + " training images (seed " + TRAIN_SEED + "), "
        + ShapesHeldOut.COUNT + " test images (seed " + ShapesHeldOut.SEED + ")";
    return ClassifierTraining.run(this, new ClassifierTraining.Setup(data, train.images(), ShapesHeldOut.COUNT,
        Adam.withLearningRate(LEARNING_RATE), BATCH_SIZE, Augmentation.none(), "none",
        LearningRateSchedule.CONSTANT), budget, listener);
  }
}
