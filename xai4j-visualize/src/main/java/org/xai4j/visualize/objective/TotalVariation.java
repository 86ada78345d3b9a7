package org.xai4j.visualize.objective;

/**
 * Total variation of the image, as TensorFlow's {@code tf.image.total_variation} that Lucid uses
 * (Simonyan et al., 2014; Mahendran &amp; Vedaldi, 2015): per image the sum of absolute differences
 * between vertical and horizontal neighbours over all channels. The gradient of {@code |0|} is 0.
 */
final class TotalVariation extends ImagePenalty {
  @Override
  double item(float[] x, float[] g, int offset, int channels, int height, int width) {
    double s = 0;
    for (int c = 0; c < channels; c++) {
      int base = offset + c * height * width;
      for (int y = 0; y < height; y++) {
        for (int xx = 0; xx < width; xx++) {
          int i = base + y * width + xx;
          if (y + 1 < height) {
            s += difference(x, g, i, i + width);
          }
          if (xx + 1 < width) {
            s += difference(x, g, i, i + 1);
          }
        }
      }
    }
    return s;
  }

  private static double difference(float[] x, float[] g, int i, int j) {
    float d = x[j] - x[i];
    float sign = Math.signum(d);
    g[j] += sign;
    g[i] -= sign;
    return Math.abs(d);
  }

  @Override
  public String description() {
    return "tv";
  }
}
