package org.xai4j.explain.metric;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.tensor.Tensor;

/**
 * Conservation (Montavon, Samek and Müller 2018, Definition 1; Bach et al. 2015): the relevance of
 * a sample sums to the value it explains, the seeded output {@code sum_j s_j f_j(x)} (for a class
 * seed of one, the class output; for LRP's {@code output * one_hot}, the same number). A layer
 * conserves when its relevance sums to the same value.
 *
 * <p>Unlike Quantus, which compares floats for equality, a sample conserves when
 * {@code |sum_i R_i - f| <= absoluteTolerance + relativeTolerance * |f|}.
 *
 * @param relativeTolerance error allowed per unit of {@code |f|}, at least 0
 * @param absoluteTolerance error allowed at {@code f = 0}, at least 0
 */
public record Conservation(double relativeTolerance, double absoluteTolerance) {
  /** Default relative tolerance: float32 sums over some thousand terms. */
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-4;
  /** Default absolute tolerance. */
  public static final double DEFAULT_ABSOLUTE_TOLERANCE = 1e-5;

  /** Rejects negative or non-finite tolerances. */
  public Conservation {
    if (!(relativeTolerance >= 0) || !(absoluteTolerance >= 0) || Double.isInfinite(relativeTolerance)
        || Double.isInfinite(absoluteTolerance)) {
      throw new IllegalArgumentException("conservation tolerances must be finite and >= 0, got relative "
          + relativeTolerance + ", absolute " + absoluteTolerance);
    }
  }

  /** The default tolerances. */
  public static Conservation defaults() {
    return new Conservation(DEFAULT_RELATIVE_TOLERANCE, DEFAULT_ABSOLUTE_TOLERANCE);
  }

  /**
   * The explained value of each sample: {@code sum_j seed_j * output_j}.
   *
   * @throws IllegalArgumentException if the shapes differ
   */
  public static double[] seededOutput(Tensor output, Tensor seed) {
    output.requireSameShape(seed, "seed for conservation");
    double[][] o = Vectors.perSample(output);
    double[][] s = Vectors.perSample(seed);
    double[] v = new double[o.length];
    for (int b = 0; b < o.length; b++) {
      for (int i = 0; i < o[b].length; i++) {
        v[b] += o[b][i] * s[b][i];
      }
    }
    return v;
  }

  /**
   * Compares each sample's relevance sum with its explained value.
   *
   * @param relevance {@code [N, ...]}
   * @param explained one value per sample, see {@link #seededOutput}
   * @throws IllegalArgumentException if the counts differ
   */
  public Report evaluate(Tensor relevance, double[] explained) {
    double[][] r = Vectors.perSample(relevance);
    if (explained.length != r.length) {
      throw new IllegalArgumentException(explained.length + " explained values for " + r.length + " samples");
    }
    double[] sums = new double[r.length];
    double[] errors = new double[r.length];
    boolean all = true;
    for (int b = 0; b < r.length; b++) {
      for (double v : r[b]) {
        sums[b] += v;
      }
      errors[b] = Math.abs(sums[b] - explained[b]);
      all &= errors[b] <= absoluteTolerance + relativeTolerance * Math.abs(explained[b]);
    }
    return new Report(sums, explained.clone(), errors, all);
  }

  /**
   * {@link #evaluate} for each layer's relevance, in the map's order.
   *
   * @param perLayer relevance per layer name, each {@code [N, ...]}
   */
  public Map<String, Report> evaluateLayers(Map<String, Tensor> perLayer, double[] explained) {
    Map<String, Report> out = new LinkedHashMap<>();
    perLayer.forEach((name, r) -> out.put(name, evaluate(r, explained)));
    return out;
  }

  /**
   * Conservation of one relevance tensor.
   *
   * @param relevanceSums {@code sum_i R_i} per sample
   * @param explained the explained value per sample
   * @param absoluteErrors {@code |sum_i R_i - f|} per sample
   * @param conserved whether every sample is within the tolerance
   */
  public record Report(double[] relevanceSums, double[] explained, double[] absoluteErrors, boolean conserved) {
    /** The largest error over the batch. */
    public double maxAbsoluteError() {
      double m = 0;
      for (double e : absoluteErrors) {
        m = Math.max(m, e);
      }
      return m;
    }
  }
}
