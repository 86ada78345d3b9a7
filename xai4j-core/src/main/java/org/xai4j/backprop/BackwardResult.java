package org.xai4j.backprop;

import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * What {@link Backprop} computed: the signal (gradient or relevance) that arrived at each value,
 * and parameter gradients per node when they were requested. A pass run with a {@code keep} set
 * ({@link Backprop#run(org.xai4j.graph.Trace, Map, NodeRules, boolean, java.util.Set)}) may not
 * have kept the signal at the other values: {@link #kept} tells, and {@link #at} fails there.
 */
public final class BackwardResult {
  private final Graph graph;
  private final Tensor[] signal;
  private final boolean[] dropped;
  private final Map<String, Map<String, Tensor>> parameterGradients;

  BackwardResult(Graph graph, Tensor[] signal, boolean[] dropped, Map<String, Map<String, Tensor>> parameterGradients) {
    this.graph = graph;
    this.signal = signal;
    this.dropped = dropped;
    this.parameterGradients = Map.copyOf(parameterGradients);
  }

  /**
   * The signal at a value (graph input or node output).
   *
   * @throws IllegalArgumentException if no signal reached it (it is not upstream of any seed), or
   *     the pass did not keep it ({@link #kept})
   */
  public Tensor at(String value) {
    int i = graph.valueIndex(value);
    if (dropped[i]) {
      throw new IllegalArgumentException("the signal at '" + value + "' was not kept: the reverse pass fused its"
          + " ReLU into the reader; name it in Backprop.run's keep set to read it");
    }
    Tensor t = signal[i];
    if (t == null) {
      throw new IllegalArgumentException("no signal reached '" + value + "': it does not lie upstream of a seed");
    }
    return t;
  }

  /** Whether any signal reached the value (also where it was then not {@link #kept}). */
  public boolean reached(String value) {
    int i = graph.valueIndex(value);
    return signal[i] != null || dropped[i];
  }

  /**
   * Whether the signal at the value, if one reached it, was kept: false only where the pass fused
   * it away, which a pass keeping every value never does.
   */
  public boolean kept(String value) {
    return !dropped[graph.valueIndex(value)];
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
