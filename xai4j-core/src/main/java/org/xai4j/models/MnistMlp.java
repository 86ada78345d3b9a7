package org.xai4j.models;

import org.xai4j.data.Mnist;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Flatten;
import org.xai4j.train.LearningRateSchedule;

/**
 * {@code mnist-mlp}: Flatten, 784-256-128-10 fully connected layers with ReLU, trained with Adam
 * (learning rate {@link #LEARNING_RATE}) on the 8,000 MNIST training digits shifted by up to
 * {@link #MAX_SHIFT} pixels; the bar is 96% accuracy on the 2,000 held-out digits.
 */
final class MnistMlp extends MnistClassifierRecipe {
  static final int HIDDEN1 = 256;
  static final int HIDDEN2 = 128;
  static final double LEARNING_RATE = 1e-3;
  static final int BATCH_SIZE = 64;
  static final int EPOCHS = 20;
  static final int MAX_SHIFT = 2;
  static final long INIT_SEED = 1L;
  static final long SHUFFLE_SEED = 1L;

  MnistMlp() {
    super(EPOCHS, SHUFFLE_SEED, LEARNING_RATE, BATCH_SIZE, MAX_SHIFT, LearningRateSchedule.CONSTANT);
  }

  @Override
  public String name() {
    return "mnist-mlp";
  }

  @Override
  public String description() {
    return "MLP 784-256-128-10 on MNIST; held-out accuracy (bar: 96%)";
  }

  @Override
  public Graph build() {
    GraphBuilder b = Graph.builder().seed(INIT_SEED);
    String x = b.input("input", -1, 1, Mnist.SIDE, Mnist.SIDE);
    String flat = b.add("flatten", new Flatten(), x);
    String h1 = b.relu("relu1", b.linear("fc1", flat, Mnist.SIDE * Mnist.SIDE, HIDDEN1));
    String h2 = b.relu("relu2", b.linear("fc2", h1, HIDDEN1, HIDDEN2));
    return b.output(b.linear("fc3", h2, HIDDEN2, Mnist.CLASSES)).build();
  }
}
