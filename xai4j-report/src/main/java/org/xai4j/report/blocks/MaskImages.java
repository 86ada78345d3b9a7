package org.xai4j.report.blocks;

import java.awt.image.BufferedImage;

/**
 * A neuron group's spatial factor as a translucent colour overlay: the group's colour everywhere,
 * opacity proportional to the mask (its maximum fully opaque at 0.8).
 */
final class MaskImages {
  /** Distinct colours per group (Tableau 10). */
  static final int[] COLORS = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7,
      0x9c755f, 0xbab0ac};
  private static final double MAX_OPACITY = 0.8 * 255;

  private MaskImages() {}

  /** The overlay of a mask {@code height x width} (row by row) in the colour of group {@code g}. */
  static BufferedImage render(float[] mask, int height, int width, int g) {
    float max = 0;
    for (float m : mask) {
      max = Math.max(max, m);
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    int rgb = color(g);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int alpha = max > 0 ? (int) Math.round(MAX_OPACITY * mask[y * width + x] / max) : 0;
        img.setRGB(x, y, (alpha << 24) | rgb);
      }
    }
    return img;
  }

  /** The CSS colour of group {@code g}, {@code #rrggbb}. */
  static String css(int g) {
    return String.format("#%06x", color(g));
  }

  private static int color(int g) {
    return COLORS[g % COLORS.length];
  }
}
