package org.xai4j.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xai4j.tensor.Shape;

/**
 * The heatmap PNG files of {@code explain}: one file per sample of a batch, named after {@code --out}, and each
 * map enlarged by whole pixels so that a 28 x 28 digit is not a thumbnail.
 */
final class HeatmapFiles {
  /** The longer side, in pixels, that the default scale reaches at least. */
  static final int MIN_SIDE = 224;

  private HeatmapFiles() {}

  /**
   * The files of a batch of {@code n} heatmaps: {@code out} itself for one sample, else {@code NAME-0.png},
   * {@code NAME-1.png}, ... beside it (numbered by position in the batch).
   */
  static List<Path> perSample(Path out, int n) {
    if (n == 1) {
      return List.of(out);
    }
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    List<Path> files = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      files.add(out.resolveSibling(name.substring(0, dot) + "-" + i + name.substring(dot)));
    }
    return files;
  }

  /** The smallest whole factor that makes the longer side of a map {@code [.., H, W]} at least {@link #MIN_SIDE}. */
  static int defaultScale(Shape map) {
    int longer = Math.max(map.dim(map.rank() - 1), map.rank() > 1 ? map.dim(map.rank() - 2) : 1);
    return Math.max(1, (MIN_SIDE + longer - 1) / longer);
  }

  /** {@code image} with every pixel drawn as a {@code k x k} block (nearest neighbour: no invented detail). */
  static BufferedImage enlarge(BufferedImage image, int k) {
    if (k == 1) {
      return image;
    }
    BufferedImage big = new BufferedImage(image.getWidth() * k, image.getHeight() * k, image.getType());
    Graphics2D g = big.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(image, 0, 0, big.getWidth(), big.getHeight(), null);
    g.dispose();
    return big;
  }
}
