package org.xai4j.op;

/**
 * The Gauss error function {@code erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt} in double
 * precision (Java has none), for {@link Erf} and {@link Gelu}. For {@code |x| < }
 * {@value #SERIES_LIMIT} it sums the Maclaurin series until the terms stop changing the sum; beyond
 * it evaluates {@code erfc(x)} by its continued fraction
 * {@code erfc(x) = exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...))))}
 * from the tail; both agree with tabulated values to about 1e-15.
 */
final class ErrorFunction {
  /** Where the evaluation switches from the series to the continued fraction. */
  static final double SERIES_LIMIT = 2.0;
  /** Depth of the continued fraction; enough for double precision from {@link #SERIES_LIMIT} on. */
  private static final int FRACTION_DEPTH = 96;
  /** Beyond this {@code erfc(x)} underflows to 0 in double precision. */
  private static final double SATURATION = 27.0;
  private static final int MAX_TERMS = 200;
  private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
  private static final double ONE_OVER_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

  private ErrorFunction() {}

  /** {@code erf(x)}; odd, NaN for NaN, +-1 at +-infinity. */
  static double erf(double x) {
    double a = Math.abs(x);
    if (Double.isNaN(x)) {
      return x;
    }
    if (a < SERIES_LIMIT) {
      return series(x);
    }
    return Math.copySign(1.0 - erfcTail(a), x);
  }

  /** The derivative {@code 2/sqrt(pi) exp(-x^2)}. */
  static double derivative(double x) {
    return TWO_OVER_SQRT_PI * Math.exp(-x * x);
  }

  private static double series(double x) {
    double x2 = x * x;
    double power = x;
    double sum = x;
    for (int n = 1; n < MAX_TERMS; n++) {
      power *= -x2 / n;
      double next = sum + power / (2 * n + 1);
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return TWO_OVER_SQRT_PI * sum;
  }

  /** {@code erfc(a)} for {@code a >= SERIES_LIMIT}. */
  private static double erfcTail(double a) {
    if (a > SATURATION) {
      return 0.0;
    }
    double f = a;
    for (int k = FRACTION_DEPTH; k >= 1; k--) {
      f = a + (k / 2.0) / f;
    }
    return ONE_OVER_SQRT_PI * Math.exp(-a * a) / f;
  }
}
