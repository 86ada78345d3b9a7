package org.xai4j.report.metric;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.explain.metric.PathContinuity;

/** The explanation along a continuity path (Montavon et al. 2018, Fig. 9) as plottable curves. */
public final class ContinuityPlots {
  private ContinuityPlots() {}

  /**
   * One curve per relevance component of one method along the path, named {@code R1, R2, ...}, over
   * the path parameter {@code t}.
   */
  public static Curves components(String method, PathContinuity.Result result) {
    Map<String, double[]> s = new LinkedHashMap<>();
    int d = result.relevance()[0].length;
    for (int i = 0; i < d; i++) {
      double[] y = new double[result.t().length];
      for (int k = 0; k < y.length; k++) {
        y[k] = result.relevance()[k][i];
      }
      s.put("R" + (i + 1), y);
    }
    return new Curves(method + " along the path", "t", "relevance", result.t(), s);
  }

  /**
   * The L1 jump between neighbouring points of each method, placed at the left point's {@code t};
   * all results must come from the same path.
   */
  public static Curves jumps(Map<String, PathContinuity.Result> byMethod) {
    Map<String, double[]> s = new LinkedHashMap<>();
    double[] t = null;
    for (Map.Entry<String, PathContinuity.Result> e : byMethod.entrySet()) {
      double[] full = e.getValue().t();
      t = java.util.Arrays.copyOf(full, full.length - 1);
      s.put(e.getKey(), e.getValue().jumps());
    }
    if (t == null) {
      throw new IllegalArgumentException("no continuity results to plot");
    }
    return new Curves("Explanation jumps along the path", "t", "||R(t_k+1) - R(t_k)||_1", t, s);
  }
}
