package org.xai4j.models;

import org.xai4j.data.Mnist;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Flatten;
import org.xai4j.train.LearningRateSchedule;

/**
 * {@code mnist-cnn}: two blocks of 3x3 convolution ("same" padding), ReLU and 2x2 max pooling
 * ({@value #CHANNELS1} then {@value #CHANNELS2} channels, 28 to 14 to 7 pixels), then dense
 * layers {@code 7*7*16 = 784 -> 64 -> 10} with ReLU between. Trained with Adam and a cosine
 * learning-rate schedule on the 8,000 MNIST training digits shifted by up to {@link #MAX_SHIFT}
 * pixels; the bar is 97.5% on the 2,000
 * held-out digits.
 */
final class MnistCnn extends MnistClassifierRecipe {
  static final int CHANNELS1 = 8;
  static final int CHANNELS2 = 16;
  static final int HIDDEN = 64;
  static final double LEARNING_RATE = 2e-3;
  static final int BATCH_SIZE = 64;
  static final int EPOCHS = 20;
  static final int MAX_SHIFT = 2;
  static final long INIT_SEED = 2L;
  static final long SHUFFLE_SEED = 2L;
  static final int KERNEL = 3;
  static final int PADDING = 1;
  static final int POOL = 2;
  private static final int POOLED_SIDE = Mnist.SIDE / POOL / POOL;

  MnistCnn() {
    super(EPOCHS, SHUFFLE_SEED, LEARNING_RATE, BATCH_SIZE, MAX_SHIFT, LearningRateSchedule.COSINE);
  }

  @Override
  public String name() {
    return "mnist-cnn";
  }

  @Override
  public String description() {
    return "CNN, conv-relu-pool x2 + dense, on MNIST; held-out accuracy (bar: 97.5%)";
  }

  @Override
  public Graph build() {
    GraphBuilder b = Graph.builder().seed(INIT_SEED);
    String x = b.input("input", -1, 1, Mnist.SIDE, Mnist.SIDE);
    String h = b.maxPool2d("pool1", b.relu("relu1", b.conv2d("conv1", x, 1, CHANNELS1, KERNEL, 1, PADDING)), POOL, POOL, 0);
    h = b.maxPool2d("pool2", b.relu("relu2", b.conv2d("conv2", h, CHANNELS1, CHANNELS2, KERNEL, 1, PADDING)), POOL, POOL, 0);
    String flat = b.add("flatten", new Flatten(), h);
    String d = b.relu("relu3", b.linear("fc1", flat, CHANNELS2 * POOLED_SIDE * POOLED_SIDE, HIDDEN));
    return b.output(b.linear("fc2", d, HIDDEN, Mnist.CLASSES)).build();
  }
}
