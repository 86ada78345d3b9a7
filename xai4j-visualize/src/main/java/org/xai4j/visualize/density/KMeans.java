package org.xai4j.visualize.density;

import java.util.Arrays;
import java.util.Random;

/**
 * k-means clustering started by k-means++ seeding (D. Arthur and S. Vassilvitskii, "k-means++: the
 * advantages of careful seeding", SODA 2007): the first centre is a uniformly drawn sample, every
 * further one a sample drawn with probability proportional to its squared distance to the nearest
 * centre so far; Lloyd iterations (assign each sample to its nearest centre, move each centre to
 * the mean of its samples) follow until no assignment changes. A centre that loses all its samples
 * stays where it is. The start of {@link ExpectationMaximization}.
 */
final class KMeans {
  private KMeans() {}

  /**
   * The cluster of every sample.
   *
   * @param iterations the most Lloyd iterations after seeding (0: the seeding's assignment)
   * @throws IllegalArgumentException if there are fewer distinct samples than clusters
   */
  static int[] cluster(double[] x, int n, int d, int k, int iterations, Random random, Arithmetic arithmetic) {
    if (k > n) {
      throw new IllegalArgumentException(k + " clusters need at least as many samples, got " + n);
    }
    double[] centres = seed(x, n, d, k, random);
    int[] labels = assign(x, n, d, centres, k, arithmetic);
    for (int it = 0; it < iterations; it++) {
      move(x, n, d, labels, centres, k);
      int[] next = assign(x, n, d, centres, k, arithmetic);
      boolean changed = !Arrays.equals(next, labels);
      labels = next;
      if (!changed) {
        break;
      }
    }
    return labels;
  }

  /** k-means++ seeding: k centres, k x d row-major. */
  static double[] seed(double[] x, int n, int d, int k, Random random) {
    double[] centres = new double[k * d];
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int chosen = random.nextInt(n);
    for (int c = 0; c < k; c++) {
      System.arraycopy(x, chosen * d, centres, c * d, d);
      double total = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          double v = x[i * d + j] - centres[c * d + j];
          s += v * v;
        }
        nearest[i] = Math.min(nearest[i], s);
        total += nearest[i];
      }
      if (c + 1 == k) {
        break;
      }
      if (!(total > 0)) {
        throw new IllegalArgumentException("k-means++ needs " + k + " distinct samples, the " + n
            + " samples have only " + (c + 1));
      }
      double u = random.nextDouble() * total;
      chosen = n - 1;
      for (int i = 0; i < n; i++) {
        u -= nearest[i];
        if (u < 0) {
          chosen = i;
          break;
        }
      }
    }
    return centres;
  }

  /** The nearest centre of every sample, from {@code |x|^2 - 2 x.c + |c|^2}. */
  private static int[] assign(double[] x, int n, int d, double[] centres, int k, Arithmetic arithmetic) {
    double[] dot = arithmetic.multiply(false, true, n, k, d, x, centres);
    double[] norms = new double[k];
    for (int c = 0; c < k; c++) {
      norms[c] = Gaussian.squaredNorm(centres, c * d, d);
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double dist = norms[c] - 2 * dot[i * k + c];
        if (dist < best) {
          best = dist;
          labels[i] = c;
        }
      }
    }
    return labels;
  }

  private static void move(double[] x, int n, int d, int[] labels, double[] centres, int k) {
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    for (int i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (int j = 0; j < d; j++) {
        sums[labels[i] * d + j] += x[i * d + j];
      }
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (int j = 0; j < d; j++) {
          centres[c * d + j] = sums[c * d + j] / counts[c];
        }
      }
    }
  }
}
