package org.xai4j.visualize.param;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The real inverse 2-D discrete Fourier transform of one {@code H x W} plane from its half spectrum
 * ({@code H x (W/2 + 1)} complex values, interleaved real and imaginary), and its adjoint; the 1-D
 * transforms are JTransforms'.
 *
 * <p>Definition (NumPy's and PyTorch's {@code irfft2} without normalization): first the complex
 * inverse transform along the rows axis, {@code Z[y, k] = sum_ky X[ky, k] exp(2 pi i ky y / H)},
 * then along each row the real inverse of a Hermitian spectrum,
 * {@code x[y, n] = Re Z[y, 0] + 2 sum_{0 < k < W/2} Re(Z[y, k] exp(2 pi i k n / W)) + Re Z[y, W/2] (-1)^n}
 * (the last term only for even {@code W}): the imaginary parts of {@code Z}'s {@code k = 0} and
 * Nyquist columns do not enter. The adjoint is the transposed real-linear map: a forward real transform of
 * each row, doubled for the columns that appear twice, then a forward complex transform along the
 * rows axis; those ignored imaginary parts get gradient 0.
 */
final class RealInverseFft2 {
  private final int h;
  private final int w;
  private final int half;
  private final DoubleFFT_1D rows;
  private final DoubleFFT_1D cols;

  RealInverseFft2(int h, int w) {
    this.h = h;
    this.w = w;
    this.half = w / 2 + 1;
    this.rows = new DoubleFFT_1D(h);
    this.cols = new DoubleFFT_1D(w);
  }

  /** Complex values per plane of the half spectrum. */
  int halfWidth() {
    return half;
  }

  /**
   * {@code out[off + y * W + n] = factor * x[y, n]} for the spectrum {@code scale[ky, k] * spec[ky, k]}.
   *
   * @param spec the half spectrum at {@code specOff}, {@code [H, W/2+1, 2]}
   * @param scale one real factor per frequency, {@code [H, W/2+1]}
   */
  void inverse(float[] spec, int specOff, float[] scale, double factor, float[] out, int outOff) {
    double[][] z = new double[h][2 * half];
    double[] col = new double[2 * h];
    for (int k = 0; k < half; k++) {
      for (int ky = 0; ky < h; ky++) {
        int f = ky * half + k;
        col[2 * ky] = scale[f] * spec[specOff + 2 * f];
        col[2 * ky + 1] = scale[f] * spec[specOff + 2 * f + 1];
      }
      rows.complexInverse(col, false);
      for (int y = 0; y < h; y++) {
        z[y][2 * k] = col[2 * y];
        z[y][2 * k + 1] = col[2 * y + 1];
      }
    }
    double[] full = new double[2 * w];
    for (int y = 0; y < h; y++) {
      for (int k = 0; k < w; k++) {
        int src = k < half ? k : w - k;
        double sign = k < half ? 1 : -1;
        full[2 * k] = z[y][2 * src];
        full[2 * k + 1] = ignoredImaginary(src) ? 0 : sign * z[y][2 * src + 1];
      }
      cols.complexInverse(full, false);
      for (int n = 0; n < w; n++) {
        out[outOff + y * w + n] = (float) (factor * full[2 * n]);
      }
    }
  }

  /**
   * The adjoint of {@link #inverse}: accumulates into {@code gSpec} the gradient with respect to the
   * spectrum of {@code sum(g * out)}.
   */
  void adjoint(float[] g, int gOff, float[] scale, double factor, float[] gSpec, int specOff) {
    double[][] dz = new double[h][2 * half];
    double[] full = new double[2 * w];
    for (int y = 0; y < h; y++) {
      for (int n = 0; n < w; n++) {
        full[2 * n] = g[gOff + y * w + n];
        full[2 * n + 1] = 0;
      }
      cols.complexForward(full);
      for (int k = 0; k < half; k++) {
        double twice = ignoredImaginary(k) ? 1 : 2;
        dz[y][2 * k] = twice * full[2 * k];
        dz[y][2 * k + 1] = ignoredImaginary(k) ? 0 : twice * full[2 * k + 1];
      }
    }
    double[] col = new double[2 * h];
    for (int k = 0; k < half; k++) {
      for (int y = 0; y < h; y++) {
        col[2 * y] = dz[y][2 * k];
        col[2 * y + 1] = dz[y][2 * k + 1];
      }
      rows.complexForward(col);
      for (int ky = 0; ky < h; ky++) {
        int f = ky * half + k;
        gSpec[specOff + 2 * f] += (float) (factor * scale[f] * col[2 * ky]);
        gSpec[specOff + 2 * f + 1] += (float) (factor * scale[f] * col[2 * ky + 1]);
      }
    }
  }

  /** The {@code k = 0} column, and the Nyquist column of an even width, are real in the result. */
  private boolean ignoredImaginary(int k) {
    return k == 0 || (w % 2 == 0 && k == w / 2);
  }
}
