package org.xai4j.graph;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * A recorded forward pass: the value of every graph input and node output, kept so that the
 * reverse pass ({@code org.xai4j.backprop.Backprop}) can reuse them.
 */
public final class Trace {
  private final Graph graph;
  private final Tensor[] values;

  Trace(Graph graph, Tensor[] values) {
    this.graph = graph;
    this.values = values;
  }

  /** The graph that was run. */
  public Graph graph() {
    return graph;
  }

  /** The value of a graph input or node output. */
  public Tensor get(String name) {
    return values[graph.valueIndex(name)];
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
