package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.BoxBound;
import org.xai4j.explain.lrp.ConservationReport;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Conv;
import org.xai4j.op.Flatten;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.TestGraphs;

/** {@code xai4j explain --method lrp}: composites, targets per sample, seeds, per-layer sums and the rule table. */
class LrpExplainCommandTest extends CliTestSupport {
  @Test
  void writesTheSameRelevanceAsTheLibraryAndPerLayerSums(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Tensor x = Tensor.randomNormal(Shape.of(2, 4), 1f, new Random(9));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    Path json = dir.resolve("layers.json");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--out", rel.toString(),
        "--method", "lrp", "--composite", "epsilon-alpha2-beta1-flat", "--target", "2,0",
        "--per-layer", json.toString(), "--rules"), err.toString());
    Attribution a = Lrp.of(Composites.epsilonAlpha2Beta1Flat()).prepare(mlp()).explain(x, Target.classes(2, 0));
    Tensor expected = a.relevance();
    assertEquals(0f, Npy.read(rel).maxAbsDifference(expected), 1e-6f);
    JsonNode layers = new ObjectMapper().readTree(json.toFile());
    assertEquals("[2,0]", layers.get("targets").toString());
    JsonNode top = null;
    for (JsonNode layer : layers.get("layers")) {
      top = layer.get("value").asText().equals("fc2") ? layer : top;
    }
    assertEquals("fc2", top.get("value").asText());
    assertEquals("Gemm", top.get("op").asText());
    assertTrue(top.get("per_sample").asBoolean());
    double[] sums = ConservationReport.of(a, Target.classes(2, 0)).row("fc2").sums();
    assertEquals(sums[0], top.get("sums").get(0).asDouble(), 1e-6);
    assertEquals(sums[1], top.get("sums").get(1).asDouble(), 1e-6);
    assertTrue(out.toString().contains(Composites.epsilonAlpha2Beta1Flat().resolve(mlp()).toString()), out.toString());
  }

  @Test
  void oneHotSeedAndDefaultArgmaxTarget(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Tensor x = Tensor.randomNormal(Shape.of(3, 4), 1f, new Random(4));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--out", rel.toString(),
        "--method", "lrp", "--composite", "deep-taylor", "--no-seed-times-output"), err.toString());
    int[] argmax = mlp().forward(x).output().argmaxRows();
    Tensor expected = Lrp.of(Composites.deepTaylor()).withSeedTimesOutput(false).prepare(mlp())
        .explain(x, Target.classes(argmax)).relevance();
    assertEquals(0f, Npy.read(rel).maxAbsDifference(expected), 1e-6f);
  }

  /** Runs {@code explain} on the MLP and one zero input with {@code options} added; the exit code. */
  private int explainMlp(Path dir, String... options) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", Tensor.zeros(Shape.of(1, 4)));
    List<String> args = new ArrayList<>(List.of("explain", "--model", model.toString(), "--input",
        in.toString(), "--out", dir.resolve("r.npy").toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  @Test
  void unknownCompositeFailsListingTheNames(@TempDir Path dir) throws IOException {
    assertEquals(Failures.BAD_INPUT, explainMlp(dir, "--method", "lrp", "--composite", "nope"));
    assertTrue(err.toString().contains("unknown composite 'nope'; choose one of [epsilon-plus-flat"), err.toString());
  }

  @Test
  void boundedDeepTaylorWithOneTarget(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Tensor x = Tensor.randomNormal(Shape.of(1, 4), 1f, new Random(2));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--method", "lrp",
        "--composite", "deep-taylor", "--low", "-3", "--high", "3", "--target", "1", "--out", rel.toString()),
        err.toString());
    Tensor expected = Lrp.of(Composites.deepTaylor(BoxBound.scalar(-3f), BoxBound.scalar(3f))).prepare(mlp())
        .explain(x, Target.classes(1)).relevance();
    assertEquals(0f, Npy.read(rel).maxAbsDifference(expected), 1e-6f);
  }

  /** conv (no bias) + batch norm + ReLU + dense: canonizing gives the convolution a bias. */
  private static Graph convBatchNorm() {
    Random r = new Random(8);
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 2, 5, 5);
    String c = b.add("conv", new Conv(Tensor.randomNormal(Shape.of(3, 2, 3, 3), 0.5f, r), null, null,
        List.of(1, 1, 1, 1), null, 1), x);
    String n = b.add("bn", new BatchNormalization(Tensor.randomNormal(Shape.of(3), 1f, r),
        Tensor.randomNormal(Shape.of(3), 1f, r), Tensor.randomNormal(Shape.of(3), 0.5f, r),
        Tensor.full(Shape.of(3), 0.7f), 1e-5f), c);
    String h = b.add("flat", new Flatten(1), b.relu("relu", n));
    return b.output(b.linear("fc", h, 75, 4)).build();
  }

  @Test
  void zennitMergedBiasReproducesZennitMaster(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "cbn.onnx", convBatchNorm());
    Tensor x = Tensor.randomNormal(Shape.of(1, 2, 5, 5), 1f, new Random(3));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--out", rel.toString(),
        "--method", "lrp", "--canonize", "--zennit-merged-bias", "--rules"), err.toString());
    LrpRules zennit = LrpRules.of(Composites.epsilonPlusFlat()).withCanonizer(Canonizers.standard());
    Graph graph = OnnxImporter.read(model);
    Tensor expected = Lrp.of(zennit.withUnmodifiedMergedBias()).prepare(graph).explain(x, Target.argmax()).relevance();
    Tensor rules = Lrp.of(zennit).prepare(graph).explain(x, Target.argmax()).relevance();
    assertEquals(0f, Npy.read(rel).maxAbsDifference(expected), 1e-6f);
    assertTrue(expected.maxAbsDifference(rules) > 1e-3 * expected.maxAbs(), "the merged bias must change the result");
    assertTrue(out.toString().contains("Flat[bias KEEP]"), out.toString());
  }

  @Test
  void unknownAttentionRuleFails(@TempDir Path dir) throws IOException {
    assertEquals(Failures.BAD_INPUT, explainMlp(dir, "--method", "lrp", "--attention", "softmax"));
    assertEquals("unknown --attention 'softmax'; choose attn-lrp or cp-lrp\n", err.toString());
  }

  @Test
  void zennitMergedBiasNeedsCanonize(@TempDir Path dir) throws IOException {
    assertEquals(Failures.BAD_INPUT, explainMlp(dir, "--method", "lrp", "--no-canonize", "--zennit-merged-bias"));
    assertEquals("--zennit-merged-bias needs the canonized graph (drop --no-canonize)\n", err.toString());
  }

  @Test
  void rulesNeedLrp(@TempDir Path dir) throws IOException {
    assertEquals(Failures.BAD_INPUT, explainMlp(dir, "--method", "gradient", "--rules"));
    assertTrue(err.toString().contains("--rules needs an LRP composite (lrp:NAME or --composite), got gradient"),
        err.toString());
  }

  @Test
  void anUncoveredNodeFailsUnlessTheGradientIsWantedThere(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "in.onnx", TestGraphs.instanceNormalized());
    Tensor x = Tensor.randomNormal(Shape.of(2, 2, 4), 1f, new Random(6));
    Path in = writeNpy(dir, "x.npy", x);
    Path rel = dir.resolve("r.npy");
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(), "--out",
        rel.toString(), "--method", "lrp"));
    assertTrue(err.toString().contains("assigns no rule to 1 node(s) with parameters or constant operands")
        && err.toString().contains("'norm' (InstanceNormalization") && err.toString().contains(
        "--gradient-where-uncovered"), err.toString());
    assertEquals(0, run("explain", "--model", model.toString(), "--input", in.toString(), "--out", rel.toString(),
        "--method", "lrp", "--gradient-where-uncovered", "--rules"), err.toString());
    Tensor expected = Lrp.of(LrpRules.of(Composites.epsilonPlusFlat().withGradientWhereUncovered())
        .withCanonizer(Canonizers.standard())).prepare(OnnxImporter.read(model)).explain(x, Target.argmax())
        .relevance();
    assertEquals(0f, Npy.read(rel).maxAbsDifference(expected), 1e-6f);
    assertTrue(out.toString().contains("norm") && out.toString().contains("gradient"), out.toString());
  }
}
