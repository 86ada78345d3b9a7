package org.xai4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The heatmap PNG files of {@code explain}: one file per sample of a batch, named after {@code --out}, and the
 * whole-pixel factor each map is enlarged by ({@link org.xai4j.report.image.Heatmaps#enlarge}) so that a 28 x 28
 * digit is not a thumbnail.
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

  /** The smallest whole factor that makes the longer side of a picture at least {@link #MIN_SIDE}. */
  static int defaultScale(int height, int width) {
    int longer = Math.max(height, width);
    return Math.max(1, (MIN_SIDE + longer - 1) / longer);
  }
}
