package org.xai4j.op;

/**
 * Per-channel broadcasting and reduction over {@code [N, C, spatial...]} data viewed as
 * {@code [batch, channels, area]}: adding a bias and summing a gradient to its shape.
 */
final class ChannelSums {
  private ChannelSums() {}

  /** Adds {@code bias[c]} to every element of channel {@code c}, in place. */
  static void addBias(float[] y, float[] bias, int batch, int channels, int area) {
    for (int n = 0; n < batch; n++) {
      for (int c = 0; c < channels; c++) {
        float b = bias[c];
        int off = (n * channels + c) * area;
        for (int i = off; i < off + area; i++) {
          y[i] += b;
        }
      }
    }
  }

  /** {@code s[c] = sum over n and positions of g[n, c, position]}, accumulated in double. */
  static float[] sum(float[] g, int batch, int channels, int area) {
    float[] s = new float[channels];
    for (int c = 0; c < channels; c++) {
      double acc = 0;
      for (int n = 0; n < batch; n++) {
        int off = (n * channels + c) * area;
        for (int i = off; i < off + area; i++) {
          acc += g[i];
        }
      }
      s[c] = (float) acc;
    }
    return s;
  }
}
