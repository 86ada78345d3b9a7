package org.xai4j.explain.metric;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.explain.Explainer;
import org.xai4j.tensor.Tensor;

/**
 * The continuity experiment of Montavon, Samek and Müller, "Methods for interpreting and
 * understanding deep neural networks" (Digital Signal Processing 73, 2018), Section 4.1: explain
 * {@code f} at {@code points} evenly spaced inputs {@code x(t) = (1 - t) a + t b}, {@code t} in
 * {@code [0, 1]}, along a path that crosses a point where the function changes regime (for
 * {@code f = max(x1, x2)}, the line {@code x1 = x2}), and report the largest L1 jump
 * {@code ||R(x(t_{k+1})) - R(x(t_k))||_1} between neighbouring points. A continuous explanation's
 * largest jump shrinks with the spacing; a discontinuous one's does not. All points are explained in
 * one batch for one class.
 *
 * @param points number of points on the path, at least 2
 */
public record PathContinuity(int points) {
  /** Default number of points on the path. */
  public static final int DEFAULT_POINTS = 101;

  /** Rejects fewer than two points. */
  public PathContinuity {
    if (points < 2) {
      throw new IllegalArgumentException("a path needs at least 2 points, got " + points);
    }
  }

  /** The default number of points. */
  public static PathContinuity defaults() {
    return new PathContinuity(DEFAULT_POINTS);
  }

  /**
   * Explains the path from {@code from} to {@code to} (each a batch of one).
   *
   * @throws IllegalArgumentException if the end points differ in shape or are not one sample
   */
  public Result evaluate(Explainer method, Tensor from, Tensor to, int cls) {
    double[] t = parameters();
    double[][] r = Vectors.perSample(Scores.relevance(method, path(from, to), cls));
    double[] jumps = new double[points - 1];
    int at = 0;
    for (int k = 0; k + 1 < points; k++) {
      jumps[k] = Vectors.distance(r[k], r[k + 1], 1);
      if (jumps[k] > jumps[at]) {
        at = k;
      }
    }
    return new Result(t, r, jumps, jumps[at], at);
  }

  /** The path parameter {@code t_k = k / (points - 1)} of each point. */
  public double[] parameters() {
    double[] t = new double[points];
    for (int k = 0; k < points; k++) {
      t[k] = k / (double) (points - 1);
    }
    return t;
  }

  /**
   * The points {@code x(t_k) = (1 - t_k) from + t_k to} as one batch {@code [points, ...]}: the inputs that
   * {@link #evaluate} explains (for example to explain them elsewhere, as {@code xai4j explain --input} does).
   *
   * @throws IllegalArgumentException if the end points differ in shape or are not one sample
   */
  public Tensor path(Tensor from, Tensor to) {
    from.requireSameShape(to, "path end point");
    if (from.shape().dim(0) != 1) {
      throw new IllegalArgumentException("path end points are single samples [1, ...], got " + from.shape());
    }
    List<Tensor> xs = new ArrayList<>();
    for (double t : parameters()) {
      xs.add(from.mul((float) (1 - t)).add(to.mul((float) t)));
    }
    return Tensor.concat0(xs);
  }

  /**
   * Explanations along the path.
   *
   * @param t the path parameter of each point
   * @param relevance the flattened explanation at each point
   * @param jumps L1 distance between the explanations at points {@code k} and {@code k + 1}
   * @param maxJump the largest jump
   * @param maxJumpAt the {@code k} of the largest jump
   */
  public record Result(double[] t, double[][] relevance, double[] jumps, double maxJump, int maxJumpAt) {}
}
