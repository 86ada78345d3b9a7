package org.xai4j.explain.metric;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Similarity of two explanations, as used by the sanity checks of Adebayo et al. (2018).
 */
public final class Similarity {
  /** SSIM window side (Wang et al. 2004; scikit-image's default {@code win_size}). */
  public static final int SSIM_WINDOW = 7;
  /** SSIM luminance constant factor {@code K1} (Wang et al. 2004). */
  public static final double SSIM_K1 = 0.01;
  /** SSIM contrast constant factor {@code K2} (Wang et al. 2004). */
  public static final double SSIM_K2 = 0.03;

  private Similarity() {}

  /**
   * Spearman's rank correlation: the Pearson correlation of the ranks, tied values sharing their
   * average rank. NaN when either input is constant.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static double spearman(double[] a, double[] b) {
    requireSameLength(a, b);
    return pearson(ranks(a), ranks(b));
  }

  /** The Pearson correlation; NaN when either input is constant. */
  public static double pearson(double[] a, double[] b) {
    requireSameLength(a, b);
    double ma = Vectors.mean(a);
    double mb = Vectors.mean(b);
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      cov += (a[i] - ma) * (b[i] - mb);
      va += (a[i] - ma) * (a[i] - ma);
      vb += (b[i] - mb) * (b[i] - mb);
    }
    return cov / Math.sqrt(va * vb);
  }

  /** Ranks starting at 1, ties averaged. */
  static double[] ranks(double[] v) {
    Integer[] idx = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> v[i]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < v.length) {
      int j = i;
      while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
        j++;
      }
      double average = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[idx[k]] = average;
      }
      i = j + 1;
    }
    return r;
  }

  /**
   * The mean structural similarity (Wang, Bovik, Sheikh and Simoncelli 2004) of two {@code h x w}
   * maps (row-major): for every {@link #SSIM_WINDOW}-square window lying inside the maps, with
   * uniform weights and sample (co)variances,
   * {@code (2 mu_a mu_b + C1)(2 cov + C2) / ((mu_a^2 + mu_b^2 + C1)(var_a + var_b + C2))},
   * {@code C1 = (K1 L)^2}, {@code C2 = (K2 L)^2}, averaged over the windows (scikit-image's
   * {@code structural_similarity} with its defaults, borders excluded).
   *
   * @param dataRange {@code L}, the value range of the maps, above 0
   * @throws IllegalArgumentException if the lengths do not match {@code h * w} or a side is below
   *     the window
   */
  public static double ssim(double[] a, double[] b, int h, int w, double dataRange) {
    requireSameLength(a, b);
    if (a.length != h * w || h < SSIM_WINDOW || w < SSIM_WINDOW || !(dataRange > 0)) {
      throw new IllegalArgumentException("SSIM needs two " + h + " x " + w + " maps of at least " + SSIM_WINDOW
          + " x " + SSIM_WINDOW + " and a positive range; got lengths " + a.length + ", range " + dataRange);
    }
    double c1 = Math.pow(SSIM_K1 * dataRange, 2);
    double c2 = Math.pow(SSIM_K2 * dataRange, 2);
    int count = SSIM_WINDOW * SSIM_WINDOW;
    double total = 0;
    int windows = 0;
    for (int y = 0; y + SSIM_WINDOW <= h; y++) {
      for (int x = 0; x + SSIM_WINDOW <= w; x++) {
        double sa = 0;
        double sb = 0;
        for (int dy = 0; dy < SSIM_WINDOW; dy++) {
          for (int dx = 0; dx < SSIM_WINDOW; dx++) {
            sa += a[(y + dy) * w + x + dx];
            sb += b[(y + dy) * w + x + dx];
          }
        }
        double ma = sa / count;
        double mb = sb / count;
        double va = 0;
        double vb = 0;
        double cov = 0;
        for (int dy = 0; dy < SSIM_WINDOW; dy++) {
          for (int dx = 0; dx < SSIM_WINDOW; dx++) {
            double da = a[(y + dy) * w + x + dx] - ma;
            double db = b[(y + dy) * w + x + dx] - mb;
            va += da * da;
            vb += db * db;
            cov += da * db;
          }
        }
        va /= count - 1;
        vb /= count - 1;
        cov /= count - 1;
        total += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
        windows++;
      }
    }
    return total / windows;
  }

  private static void requireSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("cannot compare explanations of " + a.length + " and " + b.length
          + " elements");
    }
  }
}
