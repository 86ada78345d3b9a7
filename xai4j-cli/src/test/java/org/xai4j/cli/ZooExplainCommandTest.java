package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.ConservationReport;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.StructuralRules;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Tensor;

/**
 * {@code xai4j explain --method lrp} on real exports from the repository's test zoo: a ViT (attention
 * moves the batch axis; per-layer sums, conservation per sample, the rule table with reasons, CP-LRP)
 * and a ResNet (canonized by default).
 */
class ZooExplainCommandTest extends CliTestSupport {
  private static Path zoo(String file) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("zoo").resolve(file);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no zoo/" + file + " above " + Path.of("").toAbsolutePath());
  }

  /** Runs {@code explain --method lrp} on {@code model} with {@code options} added; the exit code. */
  private int explainLrp(Path model, Path input, Path out, String... options) {
    List<String> args = new ArrayList<>(List.of("explain", "--model", model.toString(), "--input", input.toString(),
        "--method", "lrp", "--out", out.toString()));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new));
  }

  /** The CLI's default LRP: EpsilonPlusFlat on the canonized graph, optionally adjusted. */
  private static Gradient canonized(Composite composite) {
    return Lrp.of(LrpRules.of(composite).withCanonizer(Canonizers.standard()));
  }

  @Test
  void vitPerLayerSumsConservationPerSampleAndRules(@TempDir Path dir) throws IOException {
    Path model = zoo("vit/model-opset17.onnx");
    Path input = zoo("vit/input.npy");
    Path json = dir.resolve("layers.json");
    assertEquals(0, explainLrp(model, input, dir.resolve("r.npy"), "--per-layer", json.toString(), "--rules"),
        err.toString());
    Graph graph = OnnxImporter.read(model);
    Attribution r = canonized(Composites.epsilonPlusFlat()).prepare(graph).explain(Npy.read(input), Target.argmax());
    int[] targets = Target.Argmax.argmaxPerSample(r.output());
    for (int n = 0; n < targets.length; n++) {
      double sum = r.relevance().slice0(n, n + 1).sum();
      double logit = r.output().get(n, targets[n]);
      String line = String.format("target[%d]: %d (logit %.6g), relevance sum %.6g, conservation %.4f", n, targets[n],
          logit, sum, sum / logit);
      assertTrue(out.toString().contains(line), line + " in\n" + out);
    }
    assertTrue(out.toString().contains("softmax: AttnLRP's deep Taylor rule"), out.toString());
    assertTrue(out.toString().contains("LayerNorm: standard deviation held constant"), out.toString());
    JsonNode layers = new ObjectMapper().readTree(json.toFile()).get("layers");
    ConservationReport report = ConservationReport.of(r, Target.argmax());
    String attention = graph.nodes().stream().filter(node -> node.op().type().equals("Softmax")).findFirst()
        .orElseThrow().name();
    // the softmax output is [N, heads, T, T]: its batch axis is axis 0, the value after it is transposed
    for (JsonNode layer : layers) {
      if (layer.get("value").asText().equals(attention)) {
        assertEquals(targets.length, layer.get("sums").size());
        assertEquals(report.row(attention).sums()[1], layer.get("sums").get(1).asDouble(), 1e-6);
      }
    }
  }

  @Test
  void cpLrpHoldsTheAttentionWeightsConstant(@TempDir Path dir) throws IOException {
    Path model = zoo("vit/model-opset13.onnx");
    Path input = zoo("vit/input.npy");
    Path out = dir.resolve("r.npy");
    assertEquals(0, explainLrp(model, input, out, "--attention", "cp-lrp", "--rules"), err.toString());
    assertTrue(this.out.toString().contains("held constant (CP-LRP"), this.out.toString());
    Graph graph = OnnxImporter.read(model);
    Tensor expected = canonized(Composites.epsilonPlusFlat().prepend(StructuralRules.cpLrp(graph)))
        .prepare(graph).explain(Npy.read(input), Target.argmax()).relevance();
    assertEquals(0f, Npy.read(out).maxAbsDifference(expected), 1e-6f);
  }

  @Test
  void resnetIsCanonizedByDefault(@TempDir Path dir) throws IOException {
    Path model = zoo("resnet_basic/model-opset9.onnx");
    Path input = zoo("resnet_basic/input.npy");
    Path out = dir.resolve("r.npy");
    assertEquals(0, explainLrp(model, input, out), err.toString());
    Graph graph = OnnxImporter.read(model);
    Tensor expected = canonized(Composites.epsilonPlusFlat()).prepare(graph).explain(Npy.read(input), Target.argmax())
        .relevance();
    assertEquals(0f, Npy.read(out).maxAbsDifference(expected), 1e-6f);
    assertEquals(0, explainLrp(model, input, out, "--no-canonize", "--rules", "--force"), err.toString());
    assertTrue(this.out.toString().contains("sum of computed values (residual connection): proportional split"),
        this.out.toString());
  }
}
