package org.xai4j.explain.metric;

import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Localization of relevance against ground-truth masks. The relevance is summed over its channels
 * into one map per sample first.
 *
 * <ul>
 *   <li>Relevance mass accuracy (Arras, Osman and Samek, "CLEVR-XAI", Information Fusion 2022):
 *       {@code sum_{p in mask} R_p / sum_p R_p} over the positive relevance {@code R_p > 0}
 *       (0 when there is none).
 *   <li>Relevance rank accuracy (same paper): with {@code K} the mask's size, the share of the
 *       {@code K} highest-relevance pixels that lie in the mask (ties keep pixel order).
 *   <li>Pointing game (Zhang et al., "Top-down neural attention by excitation backprop", IJCV 2018):
 *       a hit when a pixel of largest relevance lies within {@code tolerance} pixels (Euclidean)
 *       of the mask. The paper allows 15 pixels on ImageNet-sized images; the default here is 0 (the
 *       maximum must lie in the mask, as in Quantus), since the bundled images are small.
 * </ul>
 *
 * @param tolerance pointing-game tolerance in pixels, at least 0
 */
public record Localization(double tolerance) {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Default pointing-game tolerance in pixels. */
  public static final double DEFAULT_TOLERANCE = 0;

  /** Rejects a negative tolerance. */
  public Localization {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("pointing-game tolerance must be >= 0, got " + tolerance);
    }
  }

  /** The default tolerance. */
  public static Localization defaults() {
    return new Localization(DEFAULT_TOLERANCE);
  }

  /**
   * The three scores of every sample.
   *
   * @param relevance {@code [N, C, H, W]}, {@code [N, 1, H, W]} or {@code [N, H, W]}
   * @param masks {@code [N, H, W]} or {@code [N, 1, H, W]}, non-zero inside the object
   * @throws IllegalArgumentException if the shapes do not fit or a mask is empty
   */
  public Result evaluate(Tensor relevance, Tensor masks) {
    int n = masks.shape().dim(0);
    int w = masks.shape().dim(masks.rank() - 1);
    int h = masks.shape().dim(masks.rank() - 2);
    if (masks.size() != n * h * w) {
      throw new IllegalArgumentException("masks must be [N, H, W] or [N, 1, H, W], got " + masks.shape());
    }
    double[][] r = ImageGrid.covering(relevance, "the masks " + masks.shape(), n, h, w).pixelRelevance(relevance);
    float[] m = INTERNALS.array(masks);
    double[] mass = new double[n];
    double[] rank = new double[n];
    boolean[] hit = new boolean[n];
    for (int b = 0; b < n; b++) {
      boolean[] in = new boolean[h * w];
      int size = 0;
      for (int p = 0; p < h * w; p++) {
        in[p] = m[b * h * w + p] != 0;
        size += in[p] ? 1 : 0;
      }
      if (size == 0) {
        throw new IllegalArgumentException("mask of sample " + b + " is empty");
      }
      mass[b] = massAccuracy(r[b], in);
      rank[b] = rankAccuracy(r[b], in, size);
      hit[b] = pointingHit(r[b], in, h, w);
    }
    double hits = 0;
    for (boolean x : hit) {
      hits += x ? 1 : 0;
    }
    return new Result(mass, rank, hit, Vectors.mean(mass), Vectors.mean(rank), hits / n);
  }

  private static double massAccuracy(double[] r, boolean[] in) {
    double within = 0;
    double total = 0;
    for (int p = 0; p < r.length; p++) {
      double v = Math.max(r[p], 0);
      total += v;
      within += in[p] ? v : 0;
    }
    return total == 0 ? 0 : within / total;
  }

  private static double rankAccuracy(double[] r, boolean[] in, int size) {
    int[] top = RegionOrder.MOST_RELEVANT_FIRST.order(new double[][] {r}, null)[0];
    int inside = 0;
    for (int i = 0; i < size; i++) {
      inside += in[top[i]] ? 1 : 0;
    }
    return inside / (double) size;
  }

  private boolean pointingHit(double[] r, boolean[] in, int h, int w) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : r) {
      max = Math.max(max, v);
    }
    for (int p = 0; p < r.length; p++) {
      if (r[p] == max && nearMask(p / w, p % w, in, h, w)) {
        return true;
      }
    }
    return false;
  }

  private boolean nearMask(int y, int x, boolean[] in, int h, int w) {
    int reach = (int) Math.floor(tolerance);
    for (int yy = Math.max(0, y - reach); yy <= Math.min(h - 1, y + reach); yy++) {
      for (int xx = Math.max(0, x - reach); xx <= Math.min(w - 1, x + reach); xx++) {
        double d = Math.hypot(yy - y, xx - x);
        if (in[yy * w + xx] && d <= tolerance) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Localization scores.
   *
   * @param massAccuracy relevance mass accuracy per sample
   * @param rankAccuracy relevance rank accuracy per sample
   * @param pointingHit pointing-game hit per sample
   * @param meanMassAccuracy mean mass accuracy
   * @param meanRankAccuracy mean rank accuracy
   * @param pointingAccuracy share of hits
   */
  public record Result(double[] massAccuracy, double[] rankAccuracy, boolean[] pointingHit, double meanMassAccuracy,
      double meanRankAccuracy, double pointingAccuracy) {}
}
