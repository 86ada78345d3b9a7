package org.xai4j.visualize.render;

import org.jtransforms.fft.DoubleFFT_2D;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;
import org.xai4j.visualize.param.FourierBasis;

/**
 * How much of an image's variation is fine detail: the share of its spectral energy at spatial
 * frequencies above {@link #CUTOFF} cycles per pixel (half the Nyquist frequency), of all its energy
 * except the mean. Per image, summed over channels, from the 2-D DFT power
 * {@code |F(ky, kx)|^2} of each mean-removed channel; the radial frequency is
 * {@code sqrt(fy^2 + fx^2)} with NumPy's {@code fftfreq}. White noise puts about 80 % above the
 * cutoff (the area of the frequency square outside the circle of radius 0.25), natural photographs a
 * few percent; Olah et al. (2017) observe that pixel-space feature visualizations are dominated by
 * high frequencies, which the decorrelated Fourier space suppresses.
 */
public final class HighFrequencyShare {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Radial frequency above which energy counts as high, cycles per pixel. */
  public static final double CUTOFF = 0.25;

  private HighFrequencyShare() {}

  /**
   * The share for each image of a batch {@code [N, C, H, W]}, in {@code [0, 1]} (0 for a constant image).
   */
  public static double[] of(Tensor images) {
    if (images.rank() != 4) {
      throw new IllegalArgumentException("high-frequency share needs images [N, C, H, W], got shape " + images.shape());
    }
    int n = images.shape().dim(0);
    int c = images.shape().dim(1);
    int h = images.shape().dim(2);
    int w = images.shape().dim(3);
    DoubleFFT_2D fft = new DoubleFFT_2D(h, w);
    float[] d = INTERNALS.array(images);
    double[] share = new double[n];
    double[] a = new double[2 * h * w];
    for (int item = 0; item < n; item++) {
      double high = 0;
      double total = 0;
      for (int ch = 0; ch < c; ch++) {
        int base = (item * c + ch) * h * w;
        double mean = 0;
        for (int i = 0; i < h * w; i++) {
          mean += d[base + i];
        }
        mean /= h * w;
        for (int i = 0; i < h * w; i++) {
          a[2 * i] = d[base + i] - mean;
          a[2 * i + 1] = 0;
        }
        fft.complexForward(a);
        for (int ky = 0; ky < h; ky++) {
          double fy = FourierBasis.frequency(ky, h);
          for (int kx = 0; kx < w; kx++) {
            double fx = FourierBasis.frequency(kx, w);
            int i = 2 * (ky * w + kx);
            double p = a[i] * a[i] + a[i + 1] * a[i + 1];
            total += p;
            if (Math.sqrt(fy * fy + fx * fx) > CUTOFF) {
              high += p;
            }
          }
        }
      }
      share[item] = total > 0 ? high / total : 0;
    }
    return share;
  }
}
