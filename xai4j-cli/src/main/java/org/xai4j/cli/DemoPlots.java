package org.xai4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.xai4j.explain.metric.report.Curves;
import org.xai4j.explain.metric.report.LinePlot;

/** Line plots of the demo's metric curves as PNGs in the output folder (written atomically by {@link LinePlot}). */
final class DemoPlots {
  private DemoPlots() {}

  /** Writes {@code curves} as the PNG {@code name} in the folder and returns {@code name}. */
  static String write(DemoFiles files, String name, Curves curves) {
    try {
      LinePlot.defaults().writePng(files.dir().resolve(name), curves);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write plot " + files.dir().resolve(name) + ": " + e.getMessage(), e);
    }
    return name;
  }
}
