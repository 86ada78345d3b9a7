package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.metric.Classes;
import org.xai4j.explain.metric.OutputScore;
import org.xai4j.explain.metric.PixelFlipping;
import org.xai4j.explain.metric.RegionOrder;
import org.xai4j.explain.metric.Replacement;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.io.Npy;
import org.xai4j.op.Flatten;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.TestGraphs;

class EvaluateCommandTest extends CliTestSupport {
  @TempDir Path dir;

  /** [N, 1, 8, 8] -> conv 3x3 (4) -> relu -> flatten -> fc (256 -> 3). */
  private static Graph convNet() {
    GraphBuilder b = Graph.builder().seed(4);
    String x = b.input("input", -1, 1, 8, 8);
    String h = b.relu("relu", b.conv2d("conv", x, 1, 4, 3, 1, 1));
    return b.output(b.linear("fc", b.add("flat", new Flatten(Flatten.DEFAULT_AXIS), h), 256, 3)).build();
  }

  @Test
  void writesMetricsJsonCsvAndPlots() throws IOException {
    Graph g = convNet();
    Path model = writeModel(dir, "m.onnx", g);
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Tensor x = Tensor.randomUniform(Shape.of(6, 1, 8, 8), 0, 1, new Random(3));
    Npy.write(data.resolve("inputs.npy"), x);
    float[] m = new float[6 * 64];
    for (int i = 0; i < m.length; i += 5) {
      m[i] = 1;
    }
    Npy.write(data.resolve("masks.npy"), Tensor.of(Shape.of(6, 8, 8), m));
    Path outDir = dir.resolve("out");
    int code = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--methods",
        "sensitivity,gradient-x-input,lrp:epsilon-plus-flat", "--metric",
        "pixel-flipping,deletion,max-sensitivity,localization,positivity,randomization",
        "--flip-steps", "5", "--per-step", "2", "--patch", "2", "--replace", "zero", "--samples", "4", "--out",
        outDir.toString());
    assertEquals(0, code, err.toString());
    for (String f : List.of("metrics.json", "pixel-flipping-curves.csv", "pixel-flipping-curves.png",
        "pixel-flipping-curves.svg", "pixel-flipping-aopc.csv", "deletion-curves.png", "deletion-auc.csv",
        "max-sensitivity.csv", "localization.csv", "positivity.csv", "randomization.csv")) {
      assertTrue(Files.size(outDir.resolve(f)) > 0, f);
    }
    JsonNode json = new ObjectMapper().readTree(outDir.resolve("metrics.json").toFile());
    assertEquals(4, json.get("samples").asInt());
    JsonNode pf = json.get("metrics").get("pixel-flipping").get("methods");
    assertEquals(6, pf.get("sensitivity").get("curve").size());
    Tensor first = x.slice0(0, 4);
    double expected = new PixelFlipping(5, 2, 2, Replacement.ZERO, RegionOrder.MOST_RELEVANT_FIRST, OutputScore.RAW,
        0).evaluate(Sensitivity.plain().prepare(g), first, Classes.argmax(g, first)).aopc();
    assertEquals(expected, pf.get("sensitivity").get("aopc").asDouble(), 1e-9);
    assertTrue(pf.has("random") && pf.has("lrp:epsilon-plus-flat"));
    assertTrue(json.get("metrics").get("localization").get("methods").get("gradient-x-input").has("pointingGame"));
  }

  @Test
  void pixelFlippingIsSizedToTheInputAndItsTablePrinted() throws IOException {
    Path outDir = dir.resolve("sized");
    java.io.ByteArrayOutputStream bar = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stderr = System.err;
    System.setErr(new java.io.PrintStream(bar, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(0, run("evaluate", "--model", "mnist-cnn", "--data", "mnist", "--samples", "8", "--methods",
          "gradient,lrp:epsilon-plus-flat", "--metric", "pixel-flipping,positivity", "--out", outDir.toString()),
          err.toString());
    } finally {
      System.setErr(stderr);
    }
    // one unit per method and metric and one for the random baseline: 2 x 2 + 1
    assertTrue(bar.toString(java.nio.charset.StandardCharsets.UTF_8).contains("5/5"), "a progress bar on standard "
        + "error:\n" + bar);
    JsonNode json = new ObjectMapper().readTree(outDir.resolve("metrics.json").toFile()).get("metrics");
    JsonNode config = json.get("pixel-flipping").get("config");
    // 28 x 28 digits: 3 x 3 regions, 10 x 10 of them, replaced once in 100 steps
    assertEquals(3, config.get("patch").asInt());
    assertEquals(100, config.get("steps").asInt());
    assertEquals(new PixelFlipping(100, 1, 3, Replacement.NOISE, RegionOrder.MOST_RELEVANT_FIRST, OutputScore.RAW, 0),
        PixelFlipping.sizedTo(Shape.of(8, 1, 28, 28), 1));
    String s = out.toString();
    assertTrue(s.contains("pixel-flipping: AOPC, higher is better (100 steps of 1 region(s) of 3x3, most relevant "
        + "first, replaced by uniform noise)"), s);
    JsonNode pf = json.get("pixel-flipping").get("methods");
    for (String method : List.of("gradient", "lrp:epsilon-plus-flat", "random")) {
      String row = String.format(java.util.Locale.ROOT, "  %-21s  %.4g", method, pf.get(method).get("aopc")
          .asDouble());
      assertTrue(s.contains(row + System.lineSeparator()), row + " in\n" + s);
    }
    assertTrue(s.contains("positivity: share of negative relevance"), s);
  }

  @Test
  void seedReachesEveryRandomMetric() throws IOException {
    Path model = writeModel(dir, "m.onnx", convNet());
    Npy.write(dir.resolve("inputs.npy"), Tensor.randomUniform(Shape.of(3, 1, 8, 8), 0, 1, new Random(4)));
    Map<String, Double> first = null;
    for (String seed : List.of("1", "1", "2")) {
      Path o = dir.resolve("seed" + seed + (first == null ? "a" : "b"));
      assertEquals(0, run("evaluate", "--model", model.toString(), "--data", dir.toString(), "--methods", "gradient",
          "--metric", "max-sensitivity,infidelity,deletion", "--seed", seed, "--quiet", "--out", o.toString()),
          err.toString());
      JsonNode m = new ObjectMapper().readTree(o.resolve("metrics.json").toFile()).get("metrics");
      Map<String, Double> v = Map.of("max-sensitivity", m.get("max-sensitivity").get("methods").get("gradient")
          .get("mean").asDouble(), "infidelity", m.get("infidelity").get("methods").get("gradient").get("mean")
          .asDouble(), "deletion", m.get("deletion").get("methods").get("random").get("auc").asDouble());
      if (first == null) {
        first = v;
      } else if (seed.equals("1")) {
        assertEquals(first, v, "the same seed, the same numbers");
      } else {
        for (String k : v.keySet()) {
          assertTrue(!first.get(k).equals(v.get(k)), k + " does not depend on --seed: " + v.get(k));
        }
      }
    }
  }

  @Test
  void sizedDefaultsKeepThePapersRegionsOnLargeImages() {
    PixelFlipping large = PixelFlipping.sizedTo(Shape.of(1, 3, 224, 224), 1);
    assertEquals(9, large.patch());
    assertEquals(100, large.steps());
    PixelFlipping textures = PixelFlipping.sizedTo(Shape.of(1, 3, 64, 64), 1);
    assertEquals(7, textures.patch());
    assertEquals(100, textures.steps());
    PixelFlipping vector = PixelFlipping.sizedTo(Shape.of(2, 4), 1);
    assertEquals(1, vector.patch());
    assertEquals(4, vector.steps());
  }

  @Test
  void unknownNamesListTheChoices() throws IOException {
    Path model = writeModel(dir, "m.onnx", convNet());
    Npy.write(dir.resolve("inputs.npy"), Tensor.zeros(Shape.of(1, 1, 8, 8)));
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", model.toString(), "--data", dir.toString(), "--methods", "magic",
        "--metric", "pixel-flipping", "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("unknown method 'magic'") && err.toString().contains("sensitivity"),
        err.toString());
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", model.toString(), "--data", dir.toString(), "--methods", "gradient",
        "--metric", "beauty", "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("unknown metric 'beauty'"), err.toString());
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", model.toString(), "--data", dir.toString(), "--methods", "gradient",
        "--metric", "pixel-flipping", "--replace", "paint", "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("--replace 'paint' is not one of [blur, mean, noise, zero]"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", model.toString(), "--data", dir.toString(), "--methods",
        "gradient", "--metric", "deletion,positivity", "--patch", "3", "--out", dir.resolve("o").toString()));
    assertEquals("--patch applies to --metric pixel-flipping only; the metrics are [deletion, positivity]",
        err.toString().strip());
    assertFalse(Files.exists(dir.resolve("o")), "nothing is computed or written");
  }

  @Test
  void aGradCamMapAtItsLayersResolutionNeedsUpsamplingForPixelMetrics() throws IOException {
    Path o = dir.resolve("cam");
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", "shapes-cnn", "--data", "shapes", "--samples", "2",
        "--methods", "gradient,grad-cam:relu4", "--metric", "positivity,localization", "--quiet", "--out",
        o.toString()));
    assertEquals("grad-cam:relu4 gives relu4's 8x8 map; --metric localization needs one at the input's 64x64: add "
        + "--upsample", err.toString().strip());
    assertFalse(Files.exists(o));
    // a metric that compares maps with each other takes it at the layer's resolution
    assertEquals(0, run("evaluate", "--model", "shapes-cnn", "--data", "shapes", "--samples", "2", "--methods",
        "grad-cam:relu4", "--metric", "positivity", "--quiet", "--out", o.toString()), err.toString());
    assertEquals(0, run("evaluate", "--model", "shapes-cnn", "--data", "shapes", "--samples", "2", "--methods",
        "grad-cam:relu4", "--upsample", "--metric", "localization", "--quiet", "--out", dir.resolve("up").toString()),
        err.toString());
  }

  @Test
  void bundledModelAndDataSets() throws IOException {
    Path outDir = dir.resolve("mnist");
    assertEquals(0, run("evaluate", "--model", "mnist-cnn", "--data", "mnist", "--methods", "gradient-x-input",
        "--metric", "pixel-flipping", "--samples", "3", "--flip-steps", "2", "--per-step", "392", "--patch", "1",
        "--replace", "zero", "--out", outDir.toString()), err.toString());
    JsonNode pf = new ObjectMapper().readTree(outDir.resolve("metrics.json").toFile()).get("metrics")
        .get("pixel-flipping").get("methods");
    assertEquals(3, pf.get("gradient-x-input").get("curve").size());
    Path shapesOut = dir.resolve("shapes");
    assertEquals(0, run("evaluate", "--model", "shapes-cnn", "--data", "shapes", "--methods", "gradient-x-input",
        "--metric", "localization", "--samples", "4", "--out", shapesOut.toString()), err.toString());
    JsonNode loc = new ObjectMapper().readTree(shapesOut.resolve("metrics.json").toFile()).get("metrics")
        .get("localization").get("methods").get("gradient-x-input");
    double mass = loc.get("massAccuracy").asDouble();
    assertTrue(mass >= 0 && mass <= 1, loc.toString());
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", "nope", "--data", "mnist", "--methods", "gradient", "--metric",
        "positivity", "--out", dir.resolve("x").toString()));
    assertTrue(err.toString().contains("neither a file nor a bundled model"), err.toString());
  }

  @Test
  void ruleFlagsGoToTheMethodsWithAComposite() throws IOException {
    Path model = writeModel(dir, "in.onnx", TestGraphs.instanceNormalized());
    Path data = Files.createDirectories(dir.resolve("data"));
    Npy.write(data.resolve("inputs.npy"), Tensor.randomNormal(Shape.of(2, 2, 4), 1f, new Random(6)));
    Path outDir = dir.resolve("out");
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", model.toString(), "--data", data.toString(),
        "--methods", "gradient,lrp", "--metric", "positivity", "--out", outDir.toString()));
    assertTrue(err.toString().contains("'norm' (InstanceNormalization"), err.toString());
    assertEquals(0, run("evaluate", "--model", model.toString(), "--data", data.toString(), "--methods",
        "gradient,lrp", "--metric", "positivity", "--no-canonize", "--gradient-where-uncovered", "--out",
        outDir.toString()), err.toString());
    JsonNode methods = new ObjectMapper().readTree(outDir.resolve("metrics.json").toFile()).get("metrics")
        .get("positivity").get("methods");
    assertTrue(methods.has("gradient") && methods.has("lrp"), methods.toString());
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", model.toString(), "--data", data.toString(),
        "--methods", "gradient,sensitivity", "--metric", "positivity", "--gradient-where-uncovered", "--out",
        dir.resolve("o2").toString()));
    assertTrue(err.toString().contains("option --gradient-where-uncovered applies to none of the methods "
        + "[gradient, sensitivity]"), err.toString());
  }
}
