package org.xai4j.explain.attribution;

import java.util.Set;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Evaluates a graph at many points derived from an explained batch of {@code N} samples (path
 * points of Integrated Gradients, noisy copies of SmoothGrad, occluded copies), a bounded number
 * of rows at a time. Point {@code r} belongs to sample {@code r % N} and uses that sample's seed,
 * so the points of one chunk go through the graph in one forward (and one reverse) pass.
 */
final class PointBatches {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private PointBatches() {}

  /** Produces the points {@code [start, end)} as one batch {@code [end - start, ...]}. */
  @FunctionalInterface
  interface Points {
    Tensor rows(int start, int end);
  }

  /** Receives the result for the points {@code [start, start + chunk.dim(0))}. */
  @FunctionalInterface
  interface Sink {
    void accept(int start, Tensor chunk);
  }

  /**
   * The reverse-pass signal at value {@code at} for {@code count} points, delivered chunk by chunk.
   *
   * @param pass the bound reverse pass (its seed is multiplied by each point's output if configured)
   * @param value where the seed is placed
   * @param seed the seed of the explained batch {@code [N, ...]}; point {@code r} uses row
   *     {@code r % N}
   * @param passes the number of forward/backward passes the points are split into, of equal size
   *     (one point more or less)
   * @param at the value whose signal is delivered
   * @return false (after the first chunk) if no signal reaches {@code at}
   */
  static boolean signals(ReversePass.Bound pass, int count, Points points, String value, Tensor seed, int passes,
      String at, Sink sink) {
    for (int k = 0; k < passes; k++) {
      int start = boundary(count, k, passes);
      int end = boundary(count, k + 1, passes);
      Trace trace = pass.graph().forward(points.rows(start, end));
      BackwardResult r = pass.run(trace, value, cyclicRows(seed, start, end), Set.of(at));
      if (!r.reached(at)) {
        return false;
      }
      sink.accept(start, r.at(at));
    }
    return true;
  }

  /**
   * The target score {@code <seed_r, value_r>} of each point (the target logit for a one-hot
   * seed), from forward passes only.
   */
  static double[] scores(Graph graph, int count, Points points, String value, Tensor seed, int passes) {
    double[] out = new double[count];
    for (int k = 0; k < passes; k++) {
      int start = boundary(count, k, passes);
      int end = boundary(count, k + 1, passes);
      Tensor v = graph.forward(points.rows(start, end)).get(value);
      double[] chunk = rowDots(v, cyclicRows(seed, start, end));
      System.arraycopy(chunk, 0, out, start, chunk.length);
    }
    return out;
  }

  /** Where pass {@code k} of {@code passes} over {@code count} points starts. */
  static int boundary(int count, int k, int passes) {
    return (int) ((long) count * k / passes);
  }

  /** {@code <a_r, b_r>} for every row {@code r} of two tensors of equal shape {@code [M, ...]}. */
  static double[] rowDots(Tensor a, Tensor b) {
    a.requireSameShape(b, "target score");
    int m = a.shape().dim(0);
    int per = a.size() / Math.max(1, m);
    float[] x = INTERNALS.array(a);
    float[] y = INTERNALS.array(b);
    double[] out = new double[m];
    for (int r = 0; r < m; r++) {
      double s = 0;
      for (int j = r * per; j < (r + 1) * per; j++) {
        s += (double) x[j] * y[j];
      }
      out[r] = s;
    }
    return out;
  }

  /** Rows {@code start % N, (start + 1) % N, ..., (end - 1) % N} of a batch {@code [N, ...]}. */
  static Tensor cyclicRows(Tensor t, int start, int end) {
    int n = t.shape().dim(0);
    int per = t.size() / n;
    float[] src = INTERNALS.array(t);
    float[] d = new float[(end - start) * per];
    for (int r = start; r < end; r++) {
      System.arraycopy(src, (r % n) * per, d, (r - start) * per, per);
    }
    return INTERNALS.adopt(t.shape().withDim(0, end - start), d);
  }

  /** Checks a count option, naming the method and the option. */
  static int requirePositive(int rows, String what) {
    if (rows < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, got " + rows);
    }
    return rows;
  }
}
