package org.xai4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * the spacing; gradient-type methods jump by about 2 where the winner changes.
 */
final class DemoContinuity {
  /** The model of the experiment. */
  static final String MODEL = "max2d";
  private static final Tensor FROM = Tensor.of(Shape.of(1, 2), 1.5f, 0.5f);
  private static final Tensor TO = Tensor.of(Shape.of(1, 2), 0.5f, 1.5f);
  /** The single output max(x1, x2). */
  private static final int OUTPUT = 0;
  /** max2d's input domain ({@code Max2d}'s check range), the zB bounds. */
  private static final float LOW = -10f;
  private static final float HIGH = 10f;
  private static final String PLOT = "max2d-continuity.png";

  private DemoContinuity() {}

  /**
   * The experiment's results.
   *
   * @param table largest jump per method
   * @param plot the PNG of the jumps along the path
   */
  record Result(Table table, String plot) {}

  /** Runs every vector method along the path and writes the plot. */
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
    return new Result(new Table("Continuity on " + MODEL + ": largest L1 jump between neighbouring "
        + "explanations along (1.5, 0.5) -> (0.5, 1.5) (lower is more continuous)",
        List.of("method", "largest jump", "at t"), rows), plot);
  }
}
