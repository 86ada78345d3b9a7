package org.xai4j.explain.metric;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.explain.Explainer;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Continuity as Montavon, Samek and Müller (2018, eq. 6) quantify it, evaluated Quantus-style on
 * translated copies of each input: for {@code x'} = {@code x} shifted right by {@code s = 1 ...
 * maxShift} pixels along the last axis (vacated pixels become 0, Quantus's black baseline),
 *
 * <pre>C(x) = max_{x' != x} ||R(x) - R(x')||_1 / ||x - x'||_2</pre>
 *
 * <p>(lower is more continuous). A shift that leaves the input unchanged is skipped. The copies of a
 * sample are explained as one batch for the sample's class.
 *
 * @param maxShift the largest shift in pixels, at least 1
 */
public record Continuity(int maxShift) implements Metric<Robustness> {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Default largest shift in pixels. */
  public static final int DEFAULT_MAX_SHIFT = 5;

  /** Rejects shifts below 1. */
  public Continuity {
    if (maxShift < 1) {
      throw new IllegalArgumentException("continuity needs maxShift >= 1, got " + maxShift);
    }
  }

  /** The default shifts. */
  public static Continuity defaults() {
    return new Continuity(DEFAULT_MAX_SHIFT);
  }

  @Override
  public Robustness evaluate(Explainer method, Tensor input, int[] classes) {
    int n = input.shape().dim(0);
    Classes.require(classes, n);
    double[][] base = Vectors.perSample(Scores.relevance(method, input, classes));
    double[][] x = Vectors.perSample(input);
    double[] out = new double[n];
    for (int b = 0; b < n; b++) {
      List<Tensor> copies = new ArrayList<>();
      for (int s = 1; s <= maxShift; s++) {
        copies.add(shiftRight(input.slice0(b, b + 1), s));
      }
      Tensor batch = Tensor.concat0(copies);
      double[][] xs = Vectors.perSample(batch);
      double[][] r = Vectors.perSample(Scores.relevance(method, batch, classes[b]));
      for (int k = 0; k < maxShift; k++) {
        double dx = Vectors.distance(x[b], xs[k], 2);
        if (dx > 0) {
          out[b] = Math.max(out[b], Vectors.distance(base[b], r[k], 1) / dx);
        }
      }
    }
    return Robustness.of(out);
  }

  /** {@code x} moved {@code s} positions towards higher indices along its last axis, zero-filled. */
  static Tensor shiftRight(Tensor x, int s) {
    int w = x.shape().dim(x.rank() - 1);
    float[] a = INTERNALS.array(x);
    float[] out = new float[a.length];
    for (int row = 0; row < a.length / w; row++) {
      for (int i = s; i < w; i++) {
        out[row * w + i] = a[row * w + i - s];
      }
    }
    return INTERNALS.adopt(x.shape(), out);
  }
}
