package org.xai4j.explain.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.InternalBatch;
import org.xai4j.explain.attribution.Occlusion;
import org.xai4j.explain.attribution.Quadrature;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.graph.Graph;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Tensor;

/**
 * The methods that evaluate many points give the same numbers whatever the number of points per
 * pass ({@link InternalBatch}): one point at a time, 7 at a time, the automatic rule, and both
 * reference inputs explained as one batch (2 inputs x 50 path points stacked), within float
 * rounding of each other, at the input and at a hidden layer; Integrated Gradients stays within the
 * fidelity bar of Captum's reference ({@code ../shared/reference}).
 */
class InternalBatchFidelityTest {
  /** Float rounding: products summed in another order (batch-1 matrix-vector path, wider GEMMs). */
  private static final double ROUNDING = 1e-6;
  private static final double CAPTUM_TOLERANCE = 1e-5;
  private static final int IG_STEPS = 50;
  private static final String IG_REFERENCE = "captum__IntegratedGradients";
  /** A hidden layer of each model (the nodes of {@code AttributionFidelityTest}). */
  private static final Map<String, String> LAYERS = Map.of("mlp", "/1/Relu_output_0", "smallcnn", "/3/Conv_output_0",
      "resnetish", "/layer2/layer2.0/relu_1/Relu_output_0");
  private static final List<InternalBatch> SIZES = List.of(InternalBatch.of(1), InternalBatch.of(7),
      InternalBatch.automatic());

  @TestFactory
  List<DynamicTest> passSizeDoesNotChangeTheNumbers() {
    ReferenceFiles.root();
    List<DynamicTest> tests = new ArrayList<>();
    for (String model : LAYERS.keySet()) {
      tests.add(DynamicTest.dynamicTest(model + " integrated gradients", () -> integratedGradients(model)));
      tests.add(DynamicTest.dynamicTest(model + " smoothgrad", () -> smoothGrad(model)));
    }
    tests.add(DynamicTest.dynamicTest("smallcnn occlusion", () -> occlusion("smallcnn")));
    return tests;
  }

  private void integratedGradients(String model) {
    Graph graph = ReferenceGraph.of(model);
    IntegratedGradients ig = IntegratedGradients.defaults().withMethod(Quadrature.RIEMANN_TRAPEZOID)
        .withSteps(IG_STEPS);
    ReferenceFiles.Reference[] refs = {ReferenceFiles.attribution(model, 0, IG_REFERENCE),
        ReferenceFiles.attribution(model, 1, IG_REFERENCE)};
    List<Attribution> runs = runs(graph, model, new int[] {refs[0].target(), refs[1].target()}, SIZES.stream().map(s -> (Attributor) ig.withInternalBatch(s))
        .toList());
    for (Attribution run : runs) {
      for (int k = 0; k < 2; k++) {
        Tensor want = refs[k].float64();
        double error = run.relevance().slice0(k, k + 1).maxAbsDifference(want) / want.maxAbs();
        assertTrue(error <= CAPTUM_TOLERANCE, model + "/in" + k + " against Captum: relative error " + error);
      }
    }
    assertAllAgree(model, runs);
  }

  private void smoothGrad(String model) {
    SmoothGrad sg = SmoothGrad.defaults().withSamples(12).withSeed(5);
    Graph graph = ReferenceGraph.of(model);
    int[] classes = Target.Argmax.argmaxPerSample(graph.forward(both(model)).output());
    assertAllAgree(model, runs(graph, model, classes, SIZES.stream().map(s -> (Attributor) sg.withInternalBatch(s)).toList()));
  }

  private void occlusion(String model) {
    Graph graph = ReferenceGraph.of(model);
    Tensor x = both(model);
    Occlusion occ = Occlusion.of(x.shape().dim(1), 4, 4).withStrides(x.shape().dim(1), 2, 2);
    List<Tensor> relevances = new ArrayList<>();
    for (InternalBatch s : SIZES) {
      relevances.add(occ.withInternalBatch(s).prepare(graph).explain(x, Target.argmax()).relevance());
    }
    for (int k = 0; k < 2; k++) {
      relevances.add(occ.prepare(graph).explain(x.slice0(k, k + 1), Target.argmax()).relevance());
    }
    Tensor first = relevances.get(0);
    Tensor alone = Tensor.concat0(relevances.subList(SIZES.size(), relevances.size()));
    // occlusion's relevance is a difference of two target scores: rounding is relative to the scores
    double scale = graph.forward(x).output().maxAbs();
    for (Tensor r : List.of(relevances.get(1), relevances.get(2), alone)) {
      assertEquals(0, r.maxAbsDifference(first), ROUNDING * scale, model + " occlusion");
    }
  }

  /**
   * Each method on both inputs as one batch, then the first method on each input alone (stacked
   * into one attribution's relevance and layer values for comparison).
   */
  private List<Attribution> runs(Graph graph, String model, int[] classes, List<Attributor> methods) {
    Tensor x = both(model);
    List<Attribution> out = new ArrayList<>();
    for (Attributor m : methods) {
      out.add(m.prepare(graph).explain(x, Target.classes(classes)));
    }
    Attribution[] alone = new Attribution[2];
    for (int k = 0; k < 2; k++) {
      alone[k] = methods.get(0).prepare(graph).explain(x.slice0(k, k + 1), Target.classes(classes[k]));
    }
    String layer = LAYERS.get(model);
    Tensor relevance = Tensor.concat0(List.of(alone[0].relevance(), alone[1].relevance()));
    Tensor atLayer = Tensor.concat0(List.of(alone[0].at(layer), alone[1].at(layer)));
    out.add(new Attribution(alone[0].graph(), relevance, Tensor.concat0(List.of(alone[0].output(),
        alone[1].output())), v -> v.equals(layer) ? atLayer : null));
    return out;
  }

  private static void assertAllAgree(String model, List<Attribution> runs) {
    String layer = LAYERS.get(model);
    Attribution first = runs.get(0);
    for (Attribution other : runs.subList(1, runs.size())) {
      double at = first.relevance().maxAbsDifference(other.relevance()) / first.relevance().maxAbs();
      double hidden = first.at(layer).maxAbsDifference(other.at(layer)) / first.at(layer).maxAbs();
      assertTrue(at <= ROUNDING && hidden <= ROUNDING, model + ": relative difference " + at + " at the input, "
          + hidden + " at " + layer);
    }
  }

  private static Tensor both(String model) {
    return Tensor.concat0(List.of(ReferenceFiles.input(model, 0), ReferenceFiles.input(model, 1)));
  }

  /** The imported reference models, read once per test class. */
  private static final class ReferenceGraph {
    private static final Map<String, Graph> GRAPHS = new java.util.concurrent.ConcurrentHashMap<>();

    static Graph of(String model) {
      return GRAPHS.computeIfAbsent(model, m -> OnnxImporter.read(ReferenceFiles.model(m)));
    }
  }
}
