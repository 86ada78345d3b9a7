package org.xai4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xai4j.explain.metric.PathContinuity;
import org.xai4j.graph.Graph;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.report.html.OutputFolder;
import org.xai4j.report.html.Table;
import org.xai4j.report.metric.ContinuityPlots;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Step 4a of {@code xai4j demo}: the continuity experiment of Montavon, Samek and Müller (2018,
 * Section 4.1) on the bundled {@code max2d} network: every method that applies to vector inputs
 * explains {@code max(x1, x2)} along the path from (1.5, 0.5) to (0.5, 1.5), which crosses
 * {@code x1 = x2}, and the largest L1 jump between neighbouring explanations is reported
 * ({@link PathContinuity}, 101 points, spacing 0.01 in t). A continuous explanation jumps by about
 * the spacing; gradient-type methods jump by about 2 where the winner changes. The path's points are
 * written as {@value #PATH} so that {@code xai4j explain} reproduces every row.
 */
final class DemoContinuity {
  /** The model of the experiment. */
  static final String MODEL = "max2d";
  /** The path's points {@code [101, 2]}, in the demo folder. */
  static final String PATH = "max2d-path.npy";
  /** What the paper claims. */
  static final String CLAIM = "Montavon, Samek and Mueller (2018), Section 4.1: max2d computes max(x1, x2) "
      + "exactly; along a path from (1.5, 0.5) to (0.5, 1.5), which crosses x1 = x2 at t = 0.5, a continuous "
      + "explanation (deep Taylor decomposition, LRP) changes by about the spacing between neighbouring points, "
      + "while gradient-type explanations jump where the winner changes: the gradient from (1, 0) to (0, 1), an L1 "
      + "jump of 2.";
  private static final Tensor FROM = Tensor.of(Shape.of(1, 2), 1.5f, 0.5f);
  private static final Tensor TO = Tensor.of(Shape.of(1, 2), 0.5f, 1.5f);
  /** The single output max(x1, x2). */
  private static final int OUTPUT = 0;
  /** max2d's input domain ({@code Max2d}'s check range), the zB bounds. */
  private static final float LOW = -10f;
  private static final float HIGH = 10f;
  private static final String PLOT = "max2d-continuity.png";
  private static final String GRADIENT = "gradient";
  private static final String DEEP_TAYLOR = "lrp:deep-taylor";

  private DemoContinuity() {}

  /**
   * The experiment's results.
   *
   * @param table largest jump per method
   * @param plot the PNG of the jumps along the path
   * @param byMethod each method's explanations along the path, in the table's order
   */
  record Result(Table table, String plot, Map<String, PathContinuity.Result> byMethod) {
    /** What this run measured: the smoothest and the most abrupt method, the gradient's and deep Taylor's jump. */
    String measured() {
      String smoothest = DemoRanking.lowest(byMethod, PathContinuity.Result::maxJump);
      String abrupt = DemoRanking.highest(byMethod, PathContinuity.Result::maxJump);
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Of %d methods, %s changed least (largest jump "
          + "%s) and %s most (%s at t = %s)", byMethod.size(), smoothest, jump(smoothest), abrupt, jump(abrupt),
          at(abrupt)));
      for (String m : List.of(GRADIENT, DEEP_TAYLOR)) {
        if (byMethod.containsKey(m)) {
          s.append(String.format(Locale.ROOT, "; %s jumped by at most %s (at t = %s)", m, jump(m), at(m)));
        }
      }
      return s.append('.').toString();
    }

    private String jump(String method) {
      return Table.number(byMethod.get(method).maxJump());
    }

    private String at(String method) {
      PathContinuity.Result r = byMethod.get(method);
      return Table.fraction(r.t()[r.maxJumpAt()]);
    }
  }

  /** Runs every vector method along the path and writes the plot and the path. */
  static Result run(OutputFolder files) {
    Graph g = BundledModelFiles.load(MODEL);
    Map<String, PathContinuity.Result> byMethod = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    for (DemoMethods.Method m : DemoMethods.forVectors(FROM, LOW, HIGH)) {
      PathContinuity.Result r = PathContinuity.defaults().evaluate(m.attributor().prepare(g), FROM, TO, OUTPUT);
      byMethod.put(m.name(), r);
      rows.add(List.of(m.name(), Table.number(r.maxJump()), Table.fraction(r.t()[r.maxJumpAt()])));
    }
    String plot = files.plot(PLOT, ContinuityPlots.jumps(byMethod));
    files.npy(PATH, PathContinuity.defaults().path(FROM, TO));
    return new Result(new Table("Continuity on " + MODEL + ": largest L1 jump between neighbouring "
        + "explanations along (1.5, 0.5) -> (0.5, 1.5) (lower is more continuous)",
        List.of("method", "largest jump", "at t"), rows), plot, byMethod);
  }

  /** The command that explains the path's points with one method (the table's jump: rows' largest L1 change). */
  static String command() {
    return "./xai4j explain --model " + MODEL + " --input " + PATH + " --method METHOD --target " + OUTPUT
        + " --out path-relevance.npy (" + PATH + " is beside this page; METHOD: a row; lrp:NAME adds --low "
        + (int) LOW + " --high " + (int) HIGH + "; the largest jump is the largest L1 distance between neighbouring "
        + "rows of the relevance)";
  }
}
