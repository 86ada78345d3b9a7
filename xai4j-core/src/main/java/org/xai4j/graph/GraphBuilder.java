package org.xai4j.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xai4j.op.Gemm;
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
