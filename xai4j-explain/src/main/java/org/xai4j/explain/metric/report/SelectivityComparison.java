package org.xai4j.explain.metric.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.metric.OutputScore;
import org.xai4j.explain.metric.PixelFlipping;
import org.xai4j.explain.metric.RegionOrder;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * Pixel flipping for several named methods and the random-order baseline on one batch, as in the
 * comparisons of Samek et al. (2017) and Montavon et al. (2018), with its files: the mean curves
 * as CSV, PNG and SVG, and the AOPC table as CSV.
 *
 * @param config the pixel-flipping configuration (its order is used for the methods)
 * @param results the result per method, in the given order, then {@link #RANDOM} for the baseline
 */
public record SelectivityComparison(PixelFlipping config, Map<String, PixelFlipping.Result> results) {
  /** The name of the random-order baseline. */
  public static final String RANDOM = "random";

  /** Copies the map, keeping its order. */
  public SelectivityComparison {
    results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
  }

  /**
   * Runs {@code config} for every method and the random order.
   *
   * @throws IllegalArgumentException if a method is named {@link #RANDOM}
   */
  public static SelectivityComparison run(PixelFlipping config, Graph graph, Tensor input, int[] classes,
      Map<String, Explainer> methods) {
    Map<String, PixelFlipping.Result> out = new LinkedHashMap<>();
    for (Map.Entry<String, Explainer> m : methods.entrySet()) {
      if (m.getKey().equals(RANDOM)) {
        throw new IllegalArgumentException("method name '" + RANDOM + "' is reserved for the baseline");
      }
      out.put(m.getKey(), config.evaluate(m.getValue(), input, classes));
    }
    out.put(RANDOM, config.withOrder(RegionOrder.RANDOM).evaluate(graph, input, classes, input));
    return new SelectivityComparison(config, out);
  }

  /** AOPC per name. */
  public Map<String, Double> aopc() {
    Map<String, Double> a = new LinkedHashMap<>();
    results.forEach((k, v) -> a.put(k, v.aopc()));
    return a;
  }

  /** The mean curves per name over the step axis. */
  public Curves meanCurves() {
    Map<String, double[]> s = new LinkedHashMap<>();
    results.forEach((k, v) -> s.put(k, v.meanCurve()));
    return new Curves("Pixel flipping (" + config.order().label() + ", " + config.replacement().label() + ")", "step",
        config.score() == OutputScore.RAW ? "class logit" : "class probability", Curves.steps(config.steps() + 1), s);
  }

  /**
   * Writes {@code <prefix>-curves.csv}, {@code <prefix>-curves.png}, {@code <prefix>-curves.svg} and
   * {@code <prefix>-aopc.csv} into {@code dir}.
   */
  public void write(Path dir, String prefix, LinePlot plot) throws IOException {
    Curves c = meanCurves();
    CsvTable.writeCurves(dir.resolve(prefix + "-curves.csv"), c);
    plot.writePng(dir.resolve(prefix + "-curves.png"), c);
    plot.writeSvg(dir.resolve(prefix + "-curves.svg"), c);
    List<List<Object>> rows = new ArrayList<>();
    aopc().forEach((k, v) -> rows.add(List.of(k, v)));
    CsvTable.writeRows(dir.resolve(prefix + "-aopc.csv"), List.of("method", "aopc"), rows);
  }
}
