package org.xai4j.op;

/**
 * Normalization of consecutive equal-length slices of a row-major array by their own mean and
 * (biased) variance, shared by {@link InstanceNormalization} (a slice per sample and channel) and
 * {@link LayerNormalization} (a slice per position over the trailing axes). Statistics are
 * accumulated in double.
 */
final class SliceNormalization {
  private SliceNormalization() {}

  /**
   * The normalized input and the per-slice inverse standard deviations.
   *
   * @param xh {@code (x - mean) / sqrt(var + epsilon)} per element
   * @param invStd {@code 1 / sqrt(var + epsilon)} per slice
   */
  record Normalized(float[] xh, double[] invStd) {}

  /** Normalizes every slice of {@code width} consecutive elements of {@code x}. */
  static Normalized normalize(float[] x, int width, float epsilon) {
    int slices = width == 0 ? 0 : x.length / width;
    float[] xh = new float[x.length];
    double[] invStd = new double[slices];
    for (int s = 0; s < slices; s++) {
      int base = s * width;
      double sum = 0;
      for (int i = 0; i < width; i++) {
        sum += x[base + i];
      }
      double mean = sum / width;
      double sq = 0;
      for (int i = 0; i < width; i++) {
        double d = x[base + i] - mean;
        sq += d * d;
      }
      invStd[s] = 1.0 / Math.sqrt(sq / width + epsilon);
      for (int i = 0; i < width; i++) {
        xh[base + i] = (float) ((x[base + i] - mean) * invStd[s]);
      }
    }
    return new Normalized(xh, invStd);
  }

  /**
   * The input gradient {@code (g' - mean(g') - xh mean(g' xh)) / s} per slice, where
   * {@code g'} is the output gradient already multiplied by the scale.
   */
  static float[] inputGradient(double[] scaledGrad, Normalized nz, int width) {
    float[] gx = new float[scaledGrad.length];
    int slices = nz.invStd().length;
    for (int s = 0; s < slices; s++) {
      int base = s * width;
      double meanG = 0;
      double meanGx = 0;
      for (int i = 0; i < width; i++) {
        meanG += scaledGrad[base + i];
        meanGx += scaledGrad[base + i] * nz.xh()[base + i];
      }
      meanG /= width;
      meanGx /= width;
      for (int i = 0; i < width; i++) {
        gx[base + i] = (float) ((scaledGrad[base + i] - meanG - nz.xh()[base + i] * meanGx) * nz.invStd()[s]);
      }
    }
    return gx;
  }
}
