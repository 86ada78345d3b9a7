package org.xai4j.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.xai4j.op.AveragePool;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Conv;
import org.xai4j.op.Gemm;
import org.xai4j.op.GlobalAveragePool;
import org.xai4j.op.MaxPool;
import org.xai4j.op.Op;
import org.xai4j.op.Relu;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Defines a {@link Graph} in Java. Nodes are added in order; each method returns the name of the
 * value it creates, so models read top to bottom:
 *
 * <pre>{@code
 * GraphBuilder b = Graph.builder().seed(1);
 * String x = b.input("input", -1, 4);
 * String h = b.relu("relu1", b.linear("fc1", x, 4, 8));
 * Graph g = b.output(b.linear("fc2", h, 8, 3)).build();
 * }</pre>
 *
 * <p>Layer helpers draw initial weights from a {@link Random} seeded by {@link #seed} (default
 * {@link #DEFAULT_SEED}), so a model definition always yields the same weights.
 */
public final class GraphBuilder {
  /** Seed used for parameter initialization unless {@link #seed} is called. */
  public static final long DEFAULT_SEED = 42L;

  private final List<GraphInput> inputs = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  private Random random = new Random(DEFAULT_SEED);

  GraphBuilder() {}

  /** Reseeds parameter initialization for the layers added after this call. */
  public GraphBuilder seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  /** The random source of layer initialization, for custom layers. */
  public Random random() {
    return random;
  }

  /** Declares an input; {@code -1} marks a dynamic extent such as the batch axis. */
  public String input(String name, int... dims) {
    inputs.add(new GraphInput(name, dims));
    return name;
  }

  /** Adds a node applying {@code op} to the named values and returns its name. */
  public String add(String name, Op op, String... sources) {
    nodes.add(new Node(name, op, List.of(sources)));
    return name;
  }

  /** Marks values as graph outputs. */
  public GraphBuilder output(String... names) {
    outputs.addAll(List.of(names));
    return this;
  }

  /** A fully connected layer with Kaiming-uniform weights and zero bias. */
  public String linear(String name, String source, int in, int out) {
    Tensor w = Init.kaimingUniform(Shape.of(out, in), in, random);
    return add(name, Gemm.linear(w, Tensor.zeros(Shape.of(out))), source);
  }

  /**
   * A 2-D convolution with a square kernel, Kaiming-uniform weights
   * ({@code fanIn = inChannels * kernel^2}) and zero bias.
   */
  public String conv2d(String name, String source, int inChannels, int outChannels, int kernel,
      int stride, int padding) {
    return conv2d(name, source, inChannels, outChannels, kernel, Conv2dOptions.of(stride, padding));
  }

  /**
   * A 2-D convolution with a square kernel and the given options, Kaiming-uniform weights
   * ({@code fanIn = inChannels / groups * kernel^2}) and, if the options ask for one, zero bias.
   */
  public String conv2d(String name, String source, int inChannels, int outChannels, int kernel,
      Conv2dOptions options) {
    if (inChannels % options.groups() != 0) {
      throw new IllegalArgumentException("conv2d '" + name + "': groups " + options.groups()
          + " do not divide " + inChannels + " input channels");
    }
    int groupChannels = inChannels / options.groups();
    Tensor w = Init.kaimingUniform(Shape.of(outChannels, groupChannels, kernel, kernel),
        groupChannels * kernel * kernel, random);
    Tensor b = options.bias() ? Tensor.zeros(Shape.of(outChannels)) : null;
    return add(name, new Conv(w, b, square(options.stride(), 2), square(options.padding(), 4),
        square(options.dilation(), 2), options.groups()), source);
  }

  private static List<Integer> square(int value, int count) {
    return Collections.nCopies(count, value);
  }

  /** A 2-D max pooling with a square window, equal stride in both axes and symmetric padding. */
  public String maxPool2d(String name, String source, int kernel, int stride, int padding) {
    return add(name, MaxPool.square(kernel, stride, padding), source);
  }

  /**
   * A 2-D average pooling with a square window, equal stride and symmetric padding; padding counts
   * in the divisor (the PyTorch default {@code count_include_pad = True}).
   */
  public String avgPool2d(String name, String source, int kernel, int stride, int padding) {
    return add(name, AveragePool.square(kernel, stride, padding), source);
  }

  /** The mean over all spatial axes, keeping them as extent 1. */
  public String globalAvgPool(String name, String source) {
    return add(name, new GlobalAveragePool(), source);
  }

  /** Inference-mode batch normalization with identity statistics (scale 1, bias 0, mean 0, var 1). */
  public String batchNorm(String name, String source, int channels) {
    return add(name, BatchNormalization.identity(channels), source);
  }

  /** A ReLU. */
  public String relu(String name, String source) {
    return add(name, new Relu(), source);
  }

  /**
   * The graph.
   *
   * @throws IllegalArgumentException if an edge is dangling, a name repeats or no output is set
   */
  public Graph build() {
    return Graph.of(inputs, nodes, outputs);
  }
}
