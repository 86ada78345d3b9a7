package org.xai4j.report.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.metric.Classes;
import org.xai4j.explain.metric.OutputScore;
import org.xai4j.explain.metric.PathContinuity;
import org.xai4j.explain.metric.PixelFlipping;
import org.xai4j.explain.metric.RegionOrder;
import org.xai4j.explain.metric.Replacement;
import org.xai4j.explain.metric.SelectivityComparison;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.op.Flatten;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class ComparisonFilesTest {
  @TempDir Path dir;

  /** A linear model on 6x6 images with 3 classes. */
  private static Graph linearImageModel() {
    GraphBuilder b = Graph.builder().seed(9);
    String x = b.input("x", -1, 1, 6, 6);
    return b.output(b.linear("fc", b.add("flat", new Flatten(Flatten.DEFAULT_AXIS), x), 36, 3)).build();
  }

  @Test
  void gradientTimesInputIsTheBestDeletionOrderOfALinearModel() throws IOException {
    // removing the largest terms w_i x_i first maximizes every partial drop, so AOPC(GxI) is the
    // largest any order reaches, in particular above sensitivity (w_i^2) and the random order
    Graph g = linearImageModel();
    Tensor x = Tensor.randomUniform(Shape.of(8, 1, 6, 6), -1, 1, new Random(2));
    int[] classes = Classes.argmax(g, x);
    PixelFlipping config = new PixelFlipping(36, 1, 1, Replacement.ZERO, RegionOrder.MOST_RELEVANT_FIRST,
        OutputScore.RAW, 0);
    Map<String, Explainer> methods = new LinkedHashMap<>();
    methods.put("sensitivity", Sensitivity.plain().prepare(g));
    methods.put("gradient-x-input", GradientTimesInput.plain().prepare(g));
    SelectivityComparison c = SelectivityComparison.run(config, g, x, classes, methods);
    Map<String, Double> aopc = c.aopc();
    assertEquals(List.of("sensitivity", "gradient-x-input", "random"), List.copyOf(aopc.keySet()));
    assertTrue(aopc.get("gradient-x-input") > aopc.get("sensitivity"), aopc.toString());
    assertTrue(aopc.get("gradient-x-input") > aopc.get("random"), aopc.toString());
    // every point of the mean GxI curve lies at or below every other order's
    double[] gxi = c.results().get("gradient-x-input").meanCurve();
    double[] random = c.results().get("random").meanCurve();
    for (int k = 0; k < gxi.length; k++) {
      assertTrue(gxi[k] <= random[k] + 1e-5, "step " + k);
    }
    SelectivityFiles.write(c, dir, "pf", LinePlot.defaults());
    for (String f : List.of("pf-curves.csv", "pf-curves.png", "pf-curves.svg", "pf-aopc.csv")) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    assertEquals(4, Files.readAllLines(dir.resolve("pf-aopc.csv")).size());
  }

  @Test
  void continuityPlotsOfTheMaxExperiment() throws IOException {
    Graph max = BundledModelFiles.load("max2d");
    Tensor from = Tensor.of(Shape.of(1, 2), 1.5f, 0.5f);
    Tensor to = Tensor.of(Shape.of(1, 2), 0.5f, 1.5f);
    Map<String, PathContinuity.Result> results = new LinkedHashMap<>();
    results.put("sensitivity", new PathContinuity(11).evaluate(Sensitivity.plain().prepare(max), from, to, 0));
    results.put("gradient-x-input", new PathContinuity(11).evaluate(GradientTimesInput.plain().prepare(max), from, to, 0));
    Curves jumps = ContinuityPlots.jumps(results);
    assertEquals(10, jumps.x().length);
    Curves components = ContinuityPlots.components("gradient-x-input", results.get("gradient-x-input"));
    assertEquals(1.5, components.series().get("R1")[0], 1e-6);
    assertEquals(1.5, components.series().get("R2")[10], 1e-6);
    LinePlot.defaults().writeSvg(dir.resolve("jumps.svg"), jumps);
    LinePlot.defaults().writePng(dir.resolve("gxi.png"), components);
    CsvTable.writeCurves(dir.resolve("jumps.csv"), jumps);
    assertEquals(11, Files.readAllLines(dir.resolve("jumps.csv")).size());
  }
}
