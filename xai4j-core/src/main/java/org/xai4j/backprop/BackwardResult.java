package org.xai4j.backprop;

import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * What {@link Backprop} computed: the signal (gradient or relevance) that arrived at each value,
 * and parameter gradients per node when they were requested.
 */
public final class BackwardResult {
  private final Graph graph;
  private final Tensor[] signal;
  private final Map<String, Map<String, Tensor>> parameterGradients;

  BackwardResult(Graph graph, Tensor[] signal, Map<String, Map<String, Tensor>> parameterGradients) {
    this.graph = graph;
    this.signal = signal;
    this.parameterGradients = Map.copyOf(parameterGradients);
  }

  /**
   * The signal at a value (graph input or node output).
   *
   * @throws IllegalArgumentException if no signal reached it (it is not upstream of any seed)
   */
  public Tensor at(String value) {
    Tensor t = signal[graph.valueIndex(value)];
    if (t == null) {
      throw new IllegalArgumentException("no signal reached '" + value + "': it does not lie upstream of a seed");
    }
    return t;
  }

  /** Whether any signal reached the value. */
  public boolean reached(String value) {
    return signal[graph.valueIndex(value)] != null;
  }

  /** The signal at the graph's only input. */
  public Tensor atInput() {
    if (graph.inputs().size() != 1) {
      throw new IllegalStateException("the graph has " + graph.inputs().size() + " inputs; name one with at()");
    }
    return at(graph.inputs().get(0).name());
  }

  /** Gradients of one node's parameters by name (empty if none were computed). */
  public Map<String, Tensor> parameterGradients(String node) {
    return parameterGradients.getOrDefault(node, Map.of());
  }
}
