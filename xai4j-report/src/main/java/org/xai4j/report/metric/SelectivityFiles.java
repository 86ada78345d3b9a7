package org.xai4j.report.metric;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.explain.metric.OutputScore;
import org.xai4j.explain.metric.PixelFlipping;
import org.xai4j.explain.metric.SelectivityComparison;

/** The files of a {@link SelectivityComparison}: its mean curves as CSV, PNG and SVG, and its AOPC table as CSV. */
public final class SelectivityFiles {
  private SelectivityFiles() {}

  /** The mean curves per name over the step axis. */
  public static Curves meanCurves(SelectivityComparison c) {
    PixelFlipping config = c.config();
    Map<String, double[]> s = new LinkedHashMap<>();
    c.results().forEach((k, v) -> s.put(k, v.meanCurve()));
    return new Curves("Pixel flipping (" + config.order().label() + ", " + config.replacement().label() + ")", "step",
        config.score() == OutputScore.RAW ? "class logit" : "class probability", Curves.steps(config.steps() + 1), s);
  }

  /**
   * Writes {@code <prefix>-curves.csv}, {@code <prefix>-curves.png}, {@code <prefix>-curves.svg} and
   * {@code <prefix>-aopc.csv} into {@code dir}.
   */
  public static void write(SelectivityComparison c, Path dir, String prefix, LinePlot plot) throws IOException {
    Curves curves = meanCurves(c);
    CsvTable.writeCurves(dir.resolve(prefix + "-curves.csv"), curves);
    plot.writePng(dir.resolve(prefix + "-curves.png"), curves);
    plot.writeSvg(dir.resolve(prefix + "-curves.svg"), curves);
    List<List<Object>> rows = new ArrayList<>();
    c.aopc().forEach((k, v) -> rows.add(List.of(k, v)));
    CsvTable.writeRows(dir.resolve(prefix + "-aopc.csv"), List.of("method", "aopc"), rows);
  }
}
