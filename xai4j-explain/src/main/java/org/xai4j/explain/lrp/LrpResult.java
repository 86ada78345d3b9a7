package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardResult;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The outcome of {@link Lrp#explain}: relevance at the input, relevance at every layer, and a
 * conservation report.
 */
public final class LrpResult {
  private final Trace trace;
  private final Tensor seed;
  private final String seeded;
  private final BackwardResult backward;

  LrpResult(Trace trace, String seeded, Tensor seed, BackwardResult backward) {
    this.trace = trace;
    this.seeded = seeded;
    this.seed = seed;
    this.backward = backward;
  }

  /** Relevance at the graph input, the shape of the input. */
  public Tensor relevance() {
    return backward.atInput();
  }

  /**
   * Relevance arriving at a value (graph input or node output), the shape of that value.
   *
   * @throws IllegalArgumentException if the value is unknown or no relevance reached it
   */
  public Tensor relevanceAt(String value) {
    return backward.at(value);
  }

  /** The initial relevance placed at the output. */
  public Tensor seed() {
    return seed;
  }

  /** The model output of the explained forward pass. */
  public Tensor output() {
    return trace.output();
  }

  /** The recorded forward pass. */
  public Trace trace() {
    return trace;
  }

  /** Relevance sums per layer and sample, and their ratio to the seed. */
  public ConservationReport conservation() {
    Shape input = trace.get(trace.graph().inputs().get(0).name()).shape();
    return ConservationReport.of(trace.graph(), backward, seed, seeded, input);
  }
}
