package org.xai4j.graph;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * A recorded forward pass: the value of every graph input and node output, kept so that the
 * reverse pass ({@code org.xai4j.backprop.Backprop}) can reuse them.
 *
 * <p>A trace of {@link Graph#forward(java.util.Map, java.util.Collection)} holds only the values
 * its targets depend on; the others were never computed and asking for them is an error.
 */
public final class Trace {
  private final Graph graph;
  private final Tensor[] values;
  private final List<String> targets;

  /**
   * @param targets the values a partial forward pass was run to, or {@code null} when every value
   *     was computed
   */
  Trace(Graph graph, Tensor[] values, List<String> targets) {
    this.graph = graph;
    this.values = values;
    this.targets = targets;
  }

  /** The graph that was run. */
  public Graph graph() {
    return graph;
  }

  /**
   * The value of a graph input or node output.
   *
   * @throws IllegalArgumentException if the graph has no such value, or this trace of a partial
   *     forward pass did not compute it (naming the targets it was run to)
   */
  public Tensor get(String name) {
    Tensor t = values[graph.valueIndex(name)];
    if (t == null) {
      throw new IllegalArgumentException("'" + name + "' was not computed: this forward pass ran only the nodes "
          + targets + " depend on");
    }
    return t;
  }

  /** Whether the value was computed (always true for a full forward pass). */
  public boolean computed(String name) {
    return values[graph.valueIndex(name)] != null;
  }

  /** The first graph output. */
  public Tensor output() {
    return get(graph.outputs().get(0));
  }

  /** The forward inputs of a node, in order. */
  public List<Tensor> inputsOf(Node node) {
    return node.inputs().stream().map(this::get).toList();
  }
}
