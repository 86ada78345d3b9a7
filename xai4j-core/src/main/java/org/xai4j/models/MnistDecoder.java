package org.xai4j.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.op.Flatten;
import org.xai4j.op.Reshape;
import org.xai4j.op.Sigmoid;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.Adam;
import org.xai4j.train.Evaluation;
import org.xai4j.train.MeanSquaredError;
import org.xai4j.train.Trainer;
import org.xai4j.train.TrainingConfig;
import org.xai4j.train.TrainingListener;
import org.xai4j.train.TrainingResult;

/**
 * {@code mnist-decoder}: the decoder half of a fully connected MNIST autoencoder, for activation
 * maximization in code space. The autoencoder is
 * {@code flatten -> 784-128 (ReLU) -> 128-16 = code -> 16-128 (ReLU) -> 128-784 -> sigmoid -> [1, 28, 28]},
 * trained with mean squared error on the 8,000 training digits. {@link #build()} returns the whole
 * autoencoder; the trained model is its decoder: input {@code code} {@code [N, 16]}, output an
 * image {@code [N, 1, 28, 28]} in {@code (0, 1)}. The metric is the mean squared reconstruction
 * error per pixel on the 2,000 held-out digits, next to that of always predicting the mean
 * training digit.
 */
final class MnistDecoder implements ModelRecipe {
  static final int HIDDEN = 128;
  static final int CODE = 16;
  static final double LEARNING_RATE = 2e-3;
  static final int BATCH_SIZE = 64;
  static final int EPOCHS = 30;
  static final long INIT_SEED = 4L;
  static final long SHUFFLE_SEED = 4L;
  /** The name of the code value: a node of the autoencoder, the input of the decoder. */
  static final String CODE_NAME = "code";
  private static final String FIRST_DECODER_NODE = "dec1";

  @Override
  public String name() {
    return "mnist-decoder";
  }

  @Override
  public String description() {
    return "decoder of an MNIST autoencoder (code 16 -> 1x28x28); reconstruction MSE";
  }

  @Override
  public Graph build() {
    int pixels = Mnist.SIDE * Mnist.SIDE;
    GraphBuilder b = Graph.builder().seed(INIT_SEED);
    String x = b.input("input", -1, 1, Mnist.SIDE, Mnist.SIDE);
    String e = b.relu("enc_relu", b.linear("enc1", b.add("flatten", new Flatten(), x), pixels, HIDDEN));
    String code = b.linear(CODE_NAME, e, HIDDEN, CODE);
    String d = b.relu("dec_relu", b.linear(FIRST_DECODER_NODE, code, CODE, HIDDEN));
    String s = b.add("sigmoid", new Sigmoid(), b.linear("dec2", d, HIDDEN, pixels));
    return b.output(b.add("image", Reshape.of(-1, 1, Mnist.SIDE, Mnist.SIDE), s)).build();
  }

  /** The nodes from {@code dec1} on, reading {@code code} as a graph input. */
  static Graph decoder(Graph autoencoder) {
    List<Node> nodes = autoencoder.nodes();
    int first = nodes.indexOf(autoencoder.node(FIRST_DECODER_NODE));
    return Graph.of(List.of(new GraphInput(CODE_NAME, new int[] {-1, CODE})),
        new ArrayList<>(nodes.subList(first, nodes.size())), autoencoder.outputs());
  }

  @Override
  public TrainingBudget defaultBudget() {
    return new TrainingBudget(EPOCHS, Mnist.TRAIN_SIZE, SHUFFLE_SEED);
  }

  /** Empty: the reconstruction error needs the encoder, which is not part of the model. */
  @Override
  public Map<String, Double> evaluate(Graph trained) {
    return Map.of();
  }

  @Override
  public TrainedModel train(TrainingBudget budget, TrainingListener listener) {
    Mnist mnist = Mnist.load();
    LabeledImages train = mnist.train().head(budget.trainSamples());
    LabeledImages test = mnist.test();
    Adam adam = Adam.withLearningRate(LEARNING_RATE);
    MeanSquaredError mse = new MeanSquaredError();
    long start = System.nanoTime();
    TrainingResult r = new Trainer(mse, adam, new TrainingConfig(budget.epochs(), BATCH_SIZE, budget.seed()))
        .fit(build(), train.images(), train.images(), listener);
    double seconds = ClassifierTraining.secondsSince(start);
    Tensor meanDigit = train.images().sum(0, true).mul(1f / train.size());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("test_mse", Evaluation.loss(r.model(), test.images(), test.images(), mse));
    metrics.put("test_mse_mean_digit_baseline", mse.evaluate(
        test.images().zip(meanDigit, (a, m) -> m), test.images()).value());
    metrics.put("train_mse", r.last().loss());
    metrics.put("training_seconds", seconds);
    Map<String, String> training = ClassifierTraining.describe(MnistData.DESCRIPTION, train.size(), test.size(),
        "mean squared error (autoencoder: target = input)", adam, budget, BATCH_SIZE);
    training.put("code_size", Integer.toString(CODE));
    return new TrainedModel(name(), decoder(r.model()), metrics, training);
  }
}
