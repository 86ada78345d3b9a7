package org.xai4j.explain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The result of an {@link Explainer}: the relevance at the input, the model output it explains, and
 * the method's values at hidden layers ({@link #at}).
 *
 * <p>At a hidden value each method gives what it gives at the input, computed at that value: the
 * (overridden) gradient for gradient methods, the LRP relevance for LRP, gradient times activation
 * for gradient x input, the aggregated noisy gradients for SmoothGrad, and so on (each method
 * documents its definition). Values are those of {@link #graph()}, the graph the method ran on
 * (the canonized graph for LRP with a canonizer). Immutable; hidden values that a method computes
 * on demand are computed once per value.
 */
public final class Attribution {
  private final Graph graph;
  private final Tensor relevance;
  private final Tensor output;
  private final Values values;
  private final Map<String, Optional<Tensor>> computed = new ConcurrentHashMap<>();

  /** A method's values at the graph's values (graph input and node outputs). */
  @FunctionalInterface
  public interface Values {
    /** The method's value at {@code value}, or {@code null} if the reverse pass did not reach it. */
    Tensor at(String value);
  }

  /**
   * An attribution.
   *
   * @param graph the graph the method ran on (its values are the ones {@link #at} knows)
   * @param relevance per-element relevance, {@code [N, ...]}; the input's shape unless the method
   *     documents another (Sensitivity sums colour channels, Grad-CAM has the layer's spatial shape)
   * @param output the model's (first) output on the explained input, {@code [N, ...]}
   * @param values the method's values at hidden layers
   * @throws IllegalArgumentException if relevance and output lack a batch axis or differ in batch size
   */
  public Attribution(Graph graph, Tensor relevance, Tensor output, Values values) {
    if (relevance.rank() < 1 || output.rank() < 1 || relevance.shape().dim(0) != output.shape().dim(0)) {
      throw new IllegalArgumentException("relevance " + relevance.shape() + " and output " + output.shape()
          + " need the same leading batch extent");
    }
    this.graph = graph;
    this.relevance = relevance;
    this.output = output;
    this.values = values;
  }

  /** Relevance at the graph input. */
  public Tensor relevance() {
    return relevance;
  }

  /** The model's (first) output on the explained input. */
  public Tensor output() {
    return output;
  }

  /** The graph the method ran on; {@link #at} takes the names of its values. */
  public Graph graph() {
    return graph;
  }

  /**
   * The method's value at a graph value (graph input or node output), the shape of that value for
   * most methods (each method documents its own).
   *
   * @throws IllegalArgumentException if the graph has no such value, or the method's signal did not
   *     reach it (it is not upstream of the target) or the method has no values there
   */
  public Tensor at(String value) {
    return find(value).orElseThrow(() -> new IllegalArgumentException("no relevance reached '" + value
        + "': it does not lie upstream of the explained target"));
  }

  /** Whether the method's signal reached {@code value} (see {@link #at}). */
  public boolean reached(String value) {
    return find(value).isPresent();
  }

  private Optional<Tensor> find(String value) {
    if (!graph.hasValue(value)) {
      throw new IllegalArgumentException("the explained graph has no value named '" + value + "'");
    }
    return computed.computeIfAbsent(value, v -> Optional.ofNullable(values.at(v)));
  }

  /**
   * The relevance reduced over its channel axis (axis 1): {@code [N, C, H, W]} becomes
   * {@code [N, H, W]}, {@code [N, C]} becomes {@code [N]}. {@code heatmap(SUM).slice0(n, n + 1)}
   * (shape {@code [1, H, W]}) renders with {@code org.xai4j.report.image.Heatmaps.render} (xai4j-report).
   *
   * @throws IllegalArgumentException if the relevance has rank below 2
   */
  public Tensor heatmap(ChannelReduction reduction) {
    Shape s = relevance.shape();
    if (s.rank() < 2) {
      throw new IllegalArgumentException("heatmap needs a relevance [N, C, ...], got " + s);
    }
    return relevance.reduce(1, reduction.along(), false);
  }

  /** Sample {@code n} of this attribution as a batch of one (hidden values included). */
  public Attribution sample(int n) {
    return new Attribution(graph, relevance.slice0(n, n + 1), output.slice0(n, n + 1), v -> {
      Optional<Tensor> t = find(v);
      return t.map(x -> x.slice0(n, n + 1)).orElse(null);
    });
  }
}
