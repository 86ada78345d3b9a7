package org.xai4j.visualize.objective;

/**
 * Lucid's {@code L1}: {@code sum |x - constant|} over the image; the gradient at {@code x = constant}
 * is 0.
 *
 * @param constant the value the image is pulled towards (Lucid's default 0)
 */
final class L1Penalty extends ImagePenalty {
  private final double constant;

  L1Penalty(double constant) {
    this.constant = constant;
  }

  @Override
  double item(float[] x, float[] g, int offset, int channels, int height, int width) {
    double s = 0;
    for (int i = offset; i < offset + channels * height * width; i++) {
      double d = x[i] - constant;
      s += Math.abs(d);
      g[i] = (float) Math.signum(d);
    }
    return s;
  }

  @Override
  public String description() {
    return constant == 0 ? "l1" : "l1(" + constant + ")";
  }
}
