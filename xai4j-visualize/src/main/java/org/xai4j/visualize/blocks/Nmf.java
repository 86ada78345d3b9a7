package org.xai4j.visualize.blocks;

import java.util.SplittableRandom;

/**
 * Non-negative matrix factorization {@code A ~ W H} ({@code A} is {@code [m x n]}, {@code W}
 * {@code [m x k]}, {@code H} {@code [k x n]}, all non-negative) by Lee and Seung's multiplicative
 * updates for the Frobenius norm (2001), which never increase {@code ||A - W H||}:
 * {@code H <- H * (W^T A) / (W^T W H)}, then {@code W <- W * (A H^T) / (W H H^T)}. A zero denominator
 * (a factor whose partner is all zero) sets the entry to 0, which keeps the error where it is. The
 * start is uniform in {@code [0, 2 sqrt(mean(A) / k))} from a seeded generator, so a run is
 * reproducible. EJML, the linear-algebra library the project already uses, has no NMF, and the
 * updates are a few loops, so they are implemented here.
 *
 * <p>After the iterations every row of {@code H} is scaled to unit Euclidean norm and the scale moved
 * into the column of {@code W} (the product is unchanged), so that {@code H}'s rows are directions
 * and {@code W}'s columns their strengths.
 *
 * @param k the number of factors
 * @param iterations the number of updates of both factors
 * @param seed the seed of the start
 */
public record Nmf(int k, int iterations, long seed) {
  /** Olah et al. (2018)'s number of neuron groups. */
  public static final int DEFAULT_K = 6;
  /** Updates by default; the error changes by well under 0.1% per step after a few hundred. */
  public static final int DEFAULT_ITERATIONS = 500;

  /** Checks the sizes. */
  public Nmf {
    if (k < 1 || iterations < 0) {
      throw new IllegalArgumentException("NMF needs k >= 1 and iterations >= 0, got k=" + k + ", iterations="
          + iterations);
    }
  }

  /**
   * A factorization.
   *
   * @param w {@code [m x k]}
   * @param h {@code [k x n]}, rows of unit norm (or zero)
   * @param errors {@code ||A - W H||_F} before the first update and after each
   */
  public record Result(double[][] w, double[][] h, double[] errors) {
    /** The error of the final factors. */
    public double error() {
      return errors[errors.length - 1];
    }
  }

  /**
   * Factorizes {@code a}.
   *
   * @throws IllegalArgumentException if {@code a} is empty, ragged, has a negative or non-finite entry,
   *     or {@code k} exceeds its smaller side
   */
  public Result factorize(double[][] a) {
    int m = a.length;
    int n = m == 0 ? 0 : a[0].length;
    if (m == 0 || n == 0) {
      throw new IllegalArgumentException("NMF of an empty matrix");
    }
    if (k > Math.min(m, n)) {
      throw new IllegalArgumentException("NMF into " + k + " factors needs a matrix with at least " + k
          + " rows and columns, got " + m + " x " + n);
    }
    double total = 0;
    for (double[] row : a) {
      if (row.length != n) {
        throw new IllegalArgumentException("NMF of a ragged matrix: rows of " + n + " and " + row.length);
      }
      for (double v : row) {
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new IllegalArgumentException("NMF needs non-negative finite entries, found " + v
              + " (factorize a layer after its ReLU)");
        }
        total += v;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    double scale = 2 * Math.sqrt(total / ((double) m * n) / k);
    double[][] w = random(m, k, scale, random);
    double[][] h = random(k, n, scale, random);
    double[] errors = new double[iterations + 1];
    errors[0] = error(a, w, h);
    for (int it = 0; it < iterations; it++) {
      updateH(a, w, h);
      updateW(a, w, h);
      errors[it + 1] = error(a, w, h);
    }
    normalizeRows(w, h);
    return new Result(w, h, errors);
  }

  private static void updateH(double[][] a, double[][] w, double[][] h) {
    double[][] wta = multiplyTransposedLeft(w, a);
    double[][] wtw = multiplyTransposedLeft(w, w);
    double[][] den = multiply(wtw, h);
    divideInto(h, wta, den);
  }

  private static void updateW(double[][] a, double[][] w, double[][] h) {
    double[][] aht = multiplyTransposedRight(a, h);
    double[][] hht = multiplyTransposedRight(h, h);
    double[][] den = multiply(w, hht);
    divideInto(w, aht, den);
  }

  /** {@code x <- x * num / den} elementwise, 0 where {@code den} is 0. */
  private static void divideInto(double[][] x, double[][] num, double[][] den) {
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = den[i][j] > 0 ? x[i][j] * num[i][j] / den[i][j] : 0;
      }
    }
  }

  /** {@code ||A - W H||_F}. */
  static double error(double[][] a, double[][] w, double[][] h) {
    double[][] wh = multiply(w, h);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        double d = a[i][j] - wh[i][j];
        s += d * d;
      }
    }
    return Math.sqrt(s);
  }

  /** Rows of {@code h} to unit norm, their scales into the columns of {@code w}. */
  private static void normalizeRows(double[][] w, double[][] h) {
    for (int g = 0; g < h.length; g++) {
      double norm = 0;
      for (double v : h[g]) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        continue;
      }
      for (int j = 0; j < h[g].length; j++) {
        h[g][j] /= norm;
      }
      for (double[] row : w) {
        row[g] *= norm;
      }
    }
  }

  static double[][] multiply(double[][] x, double[][] y) {
    int m = x.length;
    int inner = y.length;
    int n = y[0].length;
    double[][] out = new double[m][n];
    for (int i = 0; i < m; i++) {
      double[] o = out[i];
      for (int p = 0; p < inner; p++) {
        double v = x[i][p];
        if (v == 0) {
          continue;
        }
        double[] yr = y[p];
        for (int j = 0; j < n; j++) {
          o[j] += v * yr[j];
        }
      }
    }
    return out;
  }

  /** {@code x^T y}. */
  private static double[][] multiplyTransposedLeft(double[][] x, double[][] y) {
    int inner = x.length;
    int m = x[0].length;
    int n = y[0].length;
    double[][] out = new double[m][n];
    for (int p = 0; p < inner; p++) {
      double[] xr = x[p];
      double[] yr = y[p];
      for (int i = 0; i < m; i++) {
        double v = xr[i];
        if (v == 0) {
          continue;
        }
        double[] o = out[i];
        for (int j = 0; j < n; j++) {
          o[j] += v * yr[j];
        }
      }
    }
    return out;
  }

  /** {@code x y^T}. */
  private static double[][] multiplyTransposedRight(double[][] x, double[][] y) {
    int m = x.length;
    int n = y.length;
    double[][] out = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        double[] xr = x[i];
        double[] yr = y[j];
        for (int p = 0; p < xr.length; p++) {
          s += xr[p] * yr[p];
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  private static double[][] random(int rows, int cols, double scale, SplittableRandom random) {
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextDouble() * scale;
      }
    }
    return x;
  }
}
