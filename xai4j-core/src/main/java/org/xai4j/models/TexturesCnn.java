package org.xai4j.models;

import java.util.Map;
import org.xai4j.data.Textures;
import org.xai4j.data.TexturesData;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Flatten;
import org.xai4j.train.Adam;
import org.xai4j.train.Augmentation;
import org.xai4j.train.LearningRateSchedule;
import org.xai4j.train.TrainingListener;

/**
 * {@code textures-cnn}: classifies {@link Textures} images (stripes, checkers, dots, rings, gradient,
 * waves), the bundled model worth visualizing. Four blocks of 3x3 convolution, BatchNorm and ReLU
 * ({@value #C1}, {@value #C2}, {@value #C3}, {@value #C4} channels), 2x2 max pooling after the first
 * three (64 to 8 pixels), global average pooling and a dense layer to the 6 classes; about 61,000
 * parameters. The input is fixed at {@value Textures#SIDE} x {@value Textures#SIDE} (the network is
 * convolutional up to the global pooling, but ONNX import infers shapes at small probe sizes that three
 * poolings cannot take); feature visualization resizes images of other sizes to it. Trained with Adam and a cosine
 * schedule on {@value #TRAIN_COUNT} images of seed {@value #TRAIN_SEED}; the bar is 95% accuracy on the
 * {@link TexturesHeldOut} test set.
 */
final class TexturesCnn implements ModelRecipe {
  static final int C1 = 16;
  static final int C2 = 32;
  static final int C3 = 64;
  static final int C4 = 64;
  static final int KERNEL = 3;
  static final int PADDING = 1;
  static final int POOL = 2;
  static final int TRAIN_COUNT = 6000;
  static final long TRAIN_SEED = 1L;
  static final double LEARNING_RATE = 3e-3;
  static final int BATCH_SIZE = 32;
  static final int EPOCHS = 6;
  static final long INIT_SEED = 5L;
  static final long SHUFFLE_SEED = 5L;

  @Override
  public String name() {
    return "textures-cnn";
  }

  @Override
  public String description() {
    return "CNN with BatchNorm on colour textures, for feature visualization; accuracy (bar: 95%)";
  }

  @Override
  public Graph build() {
    GraphBuilder b = Graph.builder().seed(INIT_SEED);
    String x = b.input("input", -1, Textures.CHANNELS, Textures.SIDE, Textures.SIDE);
    String h = b.maxPool2d("pool1", block(b, "1", x, Textures.CHANNELS, C1), POOL, POOL, 0);
    h = b.maxPool2d("pool2", block(b, "2", h, C1, C2), POOL, POOL, 0);
    h = b.maxPool2d("pool3", block(b, "3", h, C2, C3), POOL, POOL, 0);
    h = block(b, "4", h, C3, C4);
    String pooled = b.add("flatten", new Flatten(), b.globalAvgPool("gap", h));
    return b.output(b.linear("fc", pooled, C4, Textures.classes())).build();
  }

  private static String block(GraphBuilder b, String index, String source, int in, int out) {
    return ConvBnRelu.add(b, index, source, in, out, KERNEL, 1, PADDING);
  }

  @Override
  public TrainingBudget defaultBudget() {
    return new TrainingBudget(EPOCHS, TRAIN_COUNT, SHUFFLE_SEED);
  }

  @Override
  public Map<String, Double> evaluate(Graph trained) {
    return ClassifierTraining.testAccuracy(trained, TexturesHeldOut.generate().images());
  }

  @Override
  public TrainedModel train(TrainingBudget budget, TrainingListener listener) {
    TexturesData train = Textures.generate(Math.min(budget.trainSamples(), TRAIN_COUNT), TRAIN_SEED);
    String data = "synthetic textures: " + TRAIN_COUNT + " training images (seed " + TRAIN_SEED + "), "
        + TexturesHeldOut.COUNT + " test images (seed " + TexturesHeldOut.SEED + ")";
    return ClassifierTraining.run(this, new ClassifierTraining.Setup(data, train.images(), TexturesHeldOut.COUNT,
        Adam.withLearningRate(LEARNING_RATE), BATCH_SIZE, Augmentation.none(), "none",
        LearningRateSchedule.COSINE), budget, listener);
  }
}
