package org.xai4j.report.metric;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named curves over one shared x axis, for example the mean pixel-flipping curve of each method.
 *
 * @param title the plot title
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param x the shared x values
 * @param series the y values per name, each as long as {@code x}, in insertion order
 */
public record Curves(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> series) {
  /** Checks the lengths and copies the map, keeping its order. */
  public Curves {
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      if (e.getValue().length != x.length) {
        throw new IllegalArgumentException("curve '" + e.getKey() + "' has " + e.getValue().length
            + " points, the x axis " + x.length);
      }
    }
    series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
  }

  /** The x axis {@code 0, 1, ..., n - 1} (steps). */
  public static double[] steps(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }
}
