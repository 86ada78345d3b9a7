package org.xai4j.explain.metric;

import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The engine shared by pixel flipping, insertion and deletion: starting from one image per sample,
 * step {@code k} copies regions {@code order[(k - 1) * perStep ... k * perStep)} from a second image
 * (all channels), and after every step the whole batch goes through the model once.
 */
final class PerturbationCurves {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private PerturbationCurves() {}

  /**
   * The score curves {@code [N][steps + 1]}; entry 0 is the unperturbed {@code start}.
   *
   * @param start the image each curve starts from, {@code [N, ...]}
   * @param source where the copied regions' values come from, shaped like {@code start}
   */
  static double[][] run(Graph graph, Tensor start, Tensor source, ImageGrid grid, int[][] order, int perStep,
      int steps, int[] classes, OutputScore score) {
    float[] current = start.toArray();
    float[] from = INTERNALS.array(source);
    int plane = grid.h() * grid.w();
    double[][] curves = new double[grid.n()][steps + 1];
    for (int k = 0; k <= steps; k++) {
      if (k > 0) {
        for (int b = 0; b < grid.n(); b++) {
          int end = Math.min(order[b].length, k * perStep);
          for (int i = (k - 1) * perStep; i < end; i++) {
            for (int p : grid.pixelsOf(order[b][i])) {
              for (int ch = 0; ch < grid.c(); ch++) {
                int at = (b * grid.c() + ch) * plane + p;
                current[at] = from[at];
              }
            }
          }
        }
      }
      double[] s = Scores.of(graph, INTERNALS.adopt(start.shape(), current.clone()), classes, score);
      for (int b = 0; b < grid.n(); b++) {
        curves[b][k] = s[b];
      }
    }
    return curves;
  }

  /** The mean of the curves, point by point. */
  static double[] mean(double[][] curves) {
    double[] m = new double[curves.length == 0 ? 0 : curves[0].length];
    for (double[] c : curves) {
      for (int k = 0; k < m.length; k++) {
        m[k] += c[k] / curves.length;
      }
    }
    return m;
  }
}
