package org.xai4j.explain.lrp;

import java.util.function.DoubleUnaryOperator;

/**
 * The LRP rules written out on the explicit matrix of a linear layer, in double precision, for one
 * sample: {@code z_j = sum_i A[j][i] x_i + b_j}, where {@code connected[j][i]} tells which entries
 * are weights (a convolution's matrix is sparse; the flat rule sets exactly those to 1). Each
 * method returns the relevance of every input for the output relevance {@code r}.
 */
final class MatrixFormulas {
  static final double EPS = Stabilizer.DEFAULT_EPSILON;

  private final double[][] a;
  private final boolean[][] connected;
  private final double[] b;

  MatrixFormulas(double[][] a, boolean[][] connected, double[] b) {
    this.a = a;
    this.connected = connected;
    this.b = b;
  }

  /** A dense layer: every entry is a weight. */
  static MatrixFormulas dense(double[][] a, double[] b) {
    boolean[][] all = new boolean[a.length][a[0].length];
    for (boolean[] row : all) {
      java.util.Arrays.fill(row, true);
    }
    return new MatrixFormulas(a, all, b);
  }

  private int in() {
    return a[0].length;
  }

  double z(double[] x, int j) {
    double s = b[j];
    for (int i = 0; i < in(); i++) {
      s += a[j][i] * x[i];
    }
    return s;
  }

  /** Epsilon: {@code R_i = sum_j x_i a_ji R_j / stab(z_j)}; {@code eps = 0} drops outputs with z = 0. */
  double[] epsilon(double[] x, double[] r, double eps) {
    double[] out = new double[in()];
    for (int j = 0; j < a.length; j++) {
      double d = stab(z(x, j), eps);
      for (int i = 0; i < in(); i++) {
        out[i] += d == 0 ? 0 : x[i] * a[j][i] * r[j] / d;
      }
    }
    return out;
  }

  /** Alpha-beta with z+ = x+a+ + x-a- + b+, z- = x+a- + x-a+ + b-. */
  double[] alphaBeta(double[] x, double[] r, double alpha, double beta) {
    return alphaBeta(x, r, alpha, beta, MatrixFormulas::pos, MatrixFormulas::neg);
  }

  /** Alpha-beta with the bias parts of z+ and z- given as functions of the bias. */
  double[] alphaBeta(double[] x, double[] r, double alpha, double beta, DoubleUnaryOperator posBias,
      DoubleUnaryOperator negBias) {
    double[] out = new double[in()];
    for (int j = 0; j < a.length; j++) {
      double zp = posBias.applyAsDouble(b[j]);
      double zn = negBias.applyAsDouble(b[j]);
      for (int i = 0; i < in(); i++) {
        zp += pos(x[i]) * pos(a[j][i]) + neg(x[i]) * neg(a[j][i]);
        zn += pos(x[i]) * neg(a[j][i]) + neg(x[i]) * pos(a[j][i]);
      }
      for (int i = 0; i < in(); i++) {
        double cp = pos(x[i]) * pos(a[j][i]) + neg(x[i]) * neg(a[j][i]);
        double cn = pos(x[i]) * neg(a[j][i]) + neg(x[i]) * pos(a[j][i]);
        out[i] += alpha * cp * r[j] / stab(zp, EPS) - beta * cn * r[j] / stab(zn, EPS);
      }
    }
    return out;
  }

  /**
   * Zennit's generalized gamma: outputs with z > 0 use x+(a + g a+) + x-(a + g a-) + b + g b+,
   * outputs with z < 0 use x+(a + g a-) + x-(a + g a+) + b + g b-, outputs with z = 0 pass nothing.
   */
  double[] gamma(double[] x, double[] r, double g) {
    double[] out = new double[in()];
    for (int j = 0; j < a.length; j++) {
      double zj = z(x, j);
      if (zj == 0) {
        continue;
      }
      boolean up = zj > 0;
      double denom = b[j] + g * (up ? pos(b[j]) : neg(b[j]));
      for (int i = 0; i < in(); i++) {
        denom += gammaTerm(x[i], a[j][i], g, up);
      }
      for (int i = 0; i < in(); i++) {
        out[i] += gammaTerm(x[i], a[j][i], g, up) * r[j] / stab(denom, EPS);
      }
    }
    return out;
  }

  private static double gammaTerm(double x, double w, double g, boolean up) {
    double wPos = w + g * pos(w);
    double wNeg = w + g * neg(w);
    return up ? pos(x) * wPos + neg(x) * wNeg : pos(x) * wNeg + neg(x) * wPos;
  }

  /** W-square: {@code R_i = sum_j a_ji^2 R_j / stab(sum_i a_ji^2 + b_j^2)}. */
  double[] wSquare(double[] r) {
    double[] out = new double[in()];
    for (int j = 0; j < a.length; j++) {
      double denom = b[j] * b[j];
      for (int i = 0; i < in(); i++) {
        denom += a[j][i] * a[j][i];
      }
      for (int i = 0; i < in(); i++) {
        out[i] += a[j][i] * a[j][i] * r[j] / stab(denom, EPS);
      }
    }
    return out;
  }

  /** Flat: every connected weight and input 1, no bias. */
  double[] flat(double[] r) {
    double[] out = new double[in()];
    for (int j = 0; j < a.length; j++) {
      double fanIn = 0;
      for (int i = 0; i < in(); i++) {
        fanIn += connected[j][i] ? 1 : 0;
      }
      for (int i = 0; i < in(); i++) {
        out[i] += connected[j][i] ? r[j] / stab(fanIn, EPS) : 0;
      }
    }
    return out;
  }

  /** zB: {@code R_i = sum_j (x_i a_ji - l_i a+_ji - h_i a-_ji) R_j / stab(sum_i ...)}, no bias. */
  double[] zBox(double[] x, double[] r, double[] low, double[] high) {
    double[] out = new double[in()];
    for (int j = 0; j < a.length; j++) {
      double denom = 0;
      for (int i = 0; i < in(); i++) {
        denom += x[i] * a[j][i] - low[i] * pos(a[j][i]) - high[i] * neg(a[j][i]);
      }
      for (int i = 0; i < in(); i++) {
        out[i] += (x[i] * a[j][i] - low[i] * pos(a[j][i]) - high[i] * neg(a[j][i])) * r[j] / stab(denom, EPS);
      }
    }
    return out;
  }

  static double stab(double z, double eps) {
    return z >= 0 ? z + eps : z - eps;
  }

  static double pos(double v) {
    return Math.max(v, 0);
  }

  static double neg(double v) {
    return Math.min(v, 0);
  }
}
