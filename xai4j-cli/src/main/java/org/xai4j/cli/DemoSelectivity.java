package org.xai4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.explain.metric.OutputScore;
import org.xai4j.explain.metric.PixelFlipping;
import org.xai4j.explain.metric.RegionOrder;
import org.xai4j.explain.metric.Replacement;
import org.xai4j.explain.metric.SelectivityComparison;
import org.xai4j.graph.Graph;
import org.xai4j.report.html.OutputFolder;
import org.xai4j.report.html.Table;
import org.xai4j.report.metric.LinePlot;
import org.xai4j.report.metric.SelectivityFiles;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.Evaluation;

/**
 * Step 4b of {@code xai4j demo}: pixel flipping (Samek et al. 2017) on held-out MNIST digits with
 * mnist-cnn for every method and the random-order baseline ({@link SelectivityComparison}): the
 * 16 regions of 7 x 7 pixels are set to 0 most relevant first, one per step, following the logit of
 * the predicted class; AOPC is the mean drop (higher is better, and a method should beat random).
 */
final class DemoSelectivity {
  /** Region side: 28 / 7 = 4 regions per row. */
  static final int PATCH = 7;
  /** Steps: all 16 regions. */
  static final int STEPS = 16;
  /** File name prefix of the curves (CSV, PNG, SVG) and the AOPC CSV. */
  static final String PREFIX = "pixel-flipping";
  private static final int PER_STEP = 1;

  private DemoSelectivity() {}

  /**
   * The comparison's results.
   *
   * @param table AOPC per method, the random baseline last
   * @param plot the PNG of the mean curves
   * @param data the other files written: curves as CSV and SVG, AOPC as CSV
   * @param aopc AOPC per method, the random baseline last
   */
  record Result(Table table, String plot, List<String> data, Map<String, Double> aopc) {
    /** What this run measured: how many methods beat the random baseline, the highest and the lowest AOPC. */
    String measured() {
      Map<String, Double> methods = new LinkedHashMap<>(aopc);
      double random = methods.remove(SelectivityComparison.RANDOM);
      String best = DemoRanking.highest(methods, v -> v);
      String worst = DemoRanking.lowest(methods, v -> v);
      long above = methods.values().stream().filter(v -> v > random).count();
      return String.format(Locale.ROOT, "%d of %d methods beat the random order (AOPC %s); the highest AOPC was %s's "
          + "(%s), the lowest %s's (%s).", above, methods.size(), Table.number(random), best,
          Table.number(methods.get(best)), worst, Table.number(methods.get(worst)));
    }
  }

  /** Runs the comparison on {@code digits} {@code [N, 1, 28, 28]} and writes its files. */
  static Result run(Graph graph, Tensor digits, List<DemoMethods.Method> methods, OutputFolder files) {
    PixelFlipping config = new PixelFlipping(STEPS, PER_STEP, PATCH, Replacement.ZERO,
        RegionOrder.MOST_RELEVANT_FIRST, OutputScore.RAW, PixelFlipping.DEFAULT_SEED);
    int[] classes = Target.Argmax.argmaxPerSample(Evaluation.predict(graph, digits));
    Map<String, Explainer> byName = new LinkedHashMap<>();
    methods.forEach(m -> byName.put(m.name(), m.attributor().prepare(graph)));
    SelectivityComparison c = SelectivityComparison.run(config, graph, digits, classes, byName);
    try {
      SelectivityFiles.write(c, files.dir(), PREFIX, LinePlot.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pixel-flipping files to " + files.dir() + ": "
          + e.getMessage(), e);
    }
    List<List<String>> rows = new ArrayList<>();
    c.aopc().forEach((name, aopc) -> rows.add(List.of(name, Table.number(aopc))));
    return new Result(new Table("Pixel flipping on " + digits.shape().dim(0) + " held-out digits, mnist-cnn: AOPC ("
        + STEPS + " regions of " + PATCH + "x" + PATCH + " set to 0, most relevant first; higher is better)",
        List.of("method", "AOPC"), rows), PREFIX + "-curves.png",
        List.of(PREFIX + "-curves.csv", PREFIX + "-curves.svg", PREFIX + "-aopc.csv"), c.aopc());
  }
}
