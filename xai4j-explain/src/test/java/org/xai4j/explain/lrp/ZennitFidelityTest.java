package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.reference.ReferenceFiles;
import org.xai4j.graph.Graph;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Tensor;

/**
 * LRP on the reference models against Zennit (and the NumPy re-implementation, {@code manual__*})
 * from {@code shared/reference}: max|ours - ref| <= 1e-4 max|ref| in float32. Skips when the shared
 * folder is absent. Canonizers are applied where the reference used them.
 */
class ZennitFidelityTest {
  private static final double TOLERANCE = 1e-4;

  /**
   * References we do not reproduce: Zennit's results on the canonized resnetish (BatchNorm merged,
   * residual sums as Norm). Both graphs compute the same logits; the same network without
   * canonizers matches to 2.3e-7; our canonized graph and the exporter's BN-folded model
   * (resnetish_bnfused) give the same LRP result to 1e-7. The references were made with Zennit
   * master after 0.5.1, where Zennit's issue #194 ("ResNet: Unstable Attributions", caused by its
   * PR #185, not present in 0.5.1) reports negative input relevance sums on canonized ResNets; the
   * reference sums are negative (-0.25x and -169x the logit) and float32 differs from float64 by up
   * to 1.7e-3. We implement the documented rules instead. These cases run, print their error, and
   * skip with that message.
   */
  private static final Set<String> KNOWN_DIFFERENT = Set.of(
      "resnetish/zennit__EpsilonPlusFlat", "resnetish/zennit__EpsilonGammaBox",
      "resnetish/zennit__EpsilonAlpha2Beta1Flat");
  private static final int INPUTS = 2;

  /** Every LRP reference (model, file); {@link #everyLrpReferenceIsCovered} keeps it complete. */
  private static final List<String[]> FILES = List.of(
      new String[] {"mlp", "zennit__EpsilonPlusFlat"},
      new String[] {"mlp", "zennit__EpsilonAlpha2Beta1Flat"},
      new String[] {"mlp", "zennit__EpsilonPlus"},
      new String[] {"mlp", "manual__EpsilonPlusFlat"},
      new String[] {"mlp", "manual__EpsilonAlpha2Beta1Flat"},
      new String[] {"mlp", "manual__EpsilonPlus"},
      new String[] {"smallcnn", "zennit__EpsilonPlusFlat"},
      new String[] {"smallcnn", "zennit__EpsilonAlpha2Beta1Flat"},
      new String[] {"smallcnn", "zennit__EpsilonGammaBox"},
      new String[] {"resnetish", "zennit__EpsilonPlusFlat"},
      new String[] {"resnetish", "zennit__EpsilonPlusFlat_nocanonizer"},
      new String[] {"resnetish", "zennit__EpsilonGammaBox"},
      new String[] {"resnetish", "zennit__EpsilonAlpha2Beta1Flat"});

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (String[] f : FILES) {
      for (int k = 0; k < INPUTS; k++) {
        all.add(Arguments.of(f[0], k, f[1]));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} in{1} {2}")
  @MethodSource("cases")
  void reproducesReference(String model, int k, String file) {
    ReferenceFiles.Reference ref = ReferenceFiles.attribution(model, k, file);
    Graph graph = OnnxImporter.read(ReferenceFiles.model(model));
    JsonNode canonizers = ref.meta().get("params").get("canonizers");
    if (canonizers != null && !canonizers.isEmpty()) {
      graph = Canonizers.standard().apply(graph);
    }
    Lrp lrp = Lrp.of(graph, composite(file, ref.meta().get("params")));
    Tensor input = ReferenceFiles.input(model, k);
    LrpResult result = lrp.explain(input, ref.target());
    assertEquals(ref.meta().get("target_logit").asDouble(), result.output().get(0, ref.target()), 1e-5);
    double error = result.relevance().maxAbsDifference(ref.float32()) / ref.float32().maxAbs();
    double error64 = result.relevance().maxAbsDifference(ref.float64()) / ref.float64().maxAbs();
    double refError = ref.float32().maxAbsDifference(ref.float64()) / ref.float64().maxAbs();
    System.out.printf("fidelity %-10s in%d %-36s vs f32 %.3g  vs f64 %.3g  (f32 ref vs f64 ref %.3g)%n",
        model, k, file, error, error64, refError);
    assumeFalse(KNOWN_DIFFERENT.contains(model + "/" + file),
        "known difference from Zennit on the canonized resnetish: relative error " + error);
    assertTrue(error <= TOLERANCE, file + " on " + model + " in" + k + ": relative error " + error + "\n" + lrp.rules());
  }

  private static Composite composite(String file, JsonNode params) {
    String method = file.substring(file.indexOf("__") + 2);
    return switch (method) {
      case "EpsilonPlusFlat", "EpsilonPlusFlat_nocanonizer" -> Composites.epsilonPlusFlat();
      case "EpsilonAlpha2Beta1Flat" -> Composites.epsilonAlpha2Beta1Flat();
      case "EpsilonPlus" -> Composites.epsilonPlus();
      case "EpsilonGammaBox" -> Composites.epsilonGammaBox(
          BoxBound.scalar((float) params.get("low").asDouble()), BoxBound.scalar((float) params.get("high").asDouble()),
          params.get("gamma").asDouble());
      default -> throw new IllegalArgumentException("no composite for reference method " + method);
    };
  }

  @Test
  void canonizedModelsComputeTheReferenceLogits() {
    for (String model : List.of("resnetish", "resnetish_bnfused", "smallcnn")) {
      Graph canonized = Canonizers.standard().apply(OnnxImporter.read(ReferenceFiles.model(model)));
      assertTrue(canonized.nodes().stream().noneMatch(n -> n.op().type().equals("BatchNormalization")), model);
      for (int k = 0; k < INPUTS; k++) {
        String inputs = model.startsWith("resnetish") ? "resnetish" : model;
        Tensor logits = canonized.forward(ReferenceFiles.input(inputs, k)).output();
        float[] expected = ReferenceFiles.logits(inputs, k);
        for (int j = 0; j < expected.length; j++) {
          assertEquals(expected[j], logits.get(0, j), 1e-5 * Math.max(1, Math.abs(expected[j])), model + " in" + k);
        }
      }
    }
  }

  @Test
  void everyLrpReferenceIsCovered() {
    Set<String> expected = new TreeSet<>();
    for (String model : List.of("mlp", "smallcnn", "resnetish")) {
      for (int k = 0; k < INPUTS; k++) {
        for (String name : ReferenceFiles.attributionNames(model, k)) {
          if (name.matches("(zennit|manual)__Epsilon.*")) {
            expected.add(model + "/" + name);
          }
        }
      }
    }
    Set<String> covered = new TreeSet<>();
    FILES.forEach(f -> covered.add(f[0] + "/" + f[1]));
    assertEquals(expected, covered);
  }
}
