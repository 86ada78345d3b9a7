package org.xai4j.visualize.render;

import java.awt.image.BufferedImage;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A batch of images {@code [N, C, H, W]} with values in {@code [0, 1]} (1 or 3 channels) as one RGB
 * picture: the images side by side in a grid of {@code ceil(sqrt(N))} columns, {@link #GAP} white
 * pixels apart. Values are written as they are, {@code round(255 v)} clipped to {@code [0, 255]}
 * (no rescaling, unlike a heatmap), so a grey 0.5 stays grey.
 */
public final class ImageGrid {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** White pixels between neighbouring images. */
  public static final int GAP = 2;
  private static final int WHITE = 0xFFFFFF;
  private static final int MAX = 255;

  private ImageGrid() {}

  /** The picture of a batch. */
  public static BufferedImage of(Tensor images) {
    if (images.rank() != 4 || (images.shape().dim(1) != 1 && images.shape().dim(1) != 3)) {
      throw new IllegalArgumentException("an image grid needs [N, 1 or 3, H, W] images, got shape " + images.shape());
    }
    int n = images.shape().dim(0);
    int c = images.shape().dim(1);
    int h = images.shape().dim(2);
    int w = images.shape().dim(3);
    int cols = (int) Math.ceil(Math.sqrt(n));
    int rows = (n + cols - 1) / cols;
    BufferedImage out = new BufferedImage(cols * w + (cols - 1) * GAP, rows * h + (rows - 1) * GAP, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, WHITE);
      }
    }
    float[] d = INTERNALS.array(images);
    for (int item = 0; item < n; item++) {
      int ox = (item % cols) * (w + GAP);
      int oy = (item / cols) * (h + GAP);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = 0;
          for (int k = 0; k < 3; k++) {
            int ch = c == 1 ? 0 : k;
            float v = d[((item * c + ch) * h + y) * w + x];
            rgb = (rgb << Byte.SIZE) | (int) Math.max(0, Math.min(MAX, Math.round(v * MAX)));
          }
          out.setRGB(ox + x, oy + y, rgb);
        }
      }
    }
    return out;
  }
}
