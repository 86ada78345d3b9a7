package org.xai4j.explain.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Quadrature;
import org.xai4j.graph.Graph;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Tensor;

/**
 * Gradient-family attributions on every reference model and input agree with Captum and Zennit:
 * {@code max|ours - ref| <= 1e-5 * max|ref|}, against the float64 recomputation of the reference
 * (the float32 file differs from it by far less than the tolerance, see each JSON's precision).
 */
class AttributionFidelityTest {
  private static final double RELATIVE_TOLERANCE = 1e-5;
  private static final int INPUTS = 2;
  private static final int IG_STEPS = 50;
  private static final List<String> MODELS = List.of("mlp", "smallcnn", "resnetish");
  private static final String GRADCAM_PREFIX = "captum__LayerGradCam_";

  /** Reference file prefix (library__method) to our method. */
  private static final Map<String, Attributor> METHODS = Map.of(
      "captum__Saliency", Gradient.plain(),
      "zennit__Gradient", Gradient.plain(),
      "captum__InputXGradient", GradientTimesInput.plain(),
      "zennit__GradientXInput", GradientTimesInput.plain(),
      "captum__GuidedBackprop", Gradient.guidedBackprop(),
      "zennit__GuidedBackprop", Gradient.guidedBackprop(),
      "captum__Deconvolution", Gradient.deconvnet(),
      "zennit__DeconvNet", Gradient.deconvnet(),
      "captum__IntegratedGradients",
      IntegratedGradients.defaults().withMethod(Quadrature.RIEMANN_TRAPEZOID).withSteps(IG_STEPS));

  /** Captum layer (model/name in the reference file) to the node of the imported graph. */
  private static final Map<String, String> LAYERS = Map.of(
      "smallcnn/features_3", "/3/Conv_output_0",
      "resnetish/layer2", "/layer2/layer2.0/relu_1/Relu_output_0",
      "resnetish/layer2_0_conv2", "/layer2/layer2.0/conv2/Conv_output_0");

  private final Map<String, Graph> graphs = new HashMap<>();

  @TestFactory
  List<DynamicTest> agreesWithCaptumAndZennit() {
    ReferenceFiles.root();
    List<DynamicTest> tests = new ArrayList<>();
    for (String model : MODELS) {
      Path file = ReferenceFiles.model(model);
      for (int k = 0; k < INPUTS; k++) {
        int input = k;
        for (String ref : ReferenceFiles.attributionNames(model, k)) {
          if (METHODS.containsKey(ref) || ref.startsWith(GRADCAM_PREFIX)) {
            tests.add(DynamicTest.dynamicTest(model + "/in" + k + "/" + ref, () -> check(file, model, input, ref)));
          }
        }
      }
    }
    return tests;
  }

  private void check(Path file, String model, int k, String ref) {
    var unsupported = OnnxImporter.unsupportedOps(OnnxImporter.parse(file)).keySet();
    Assumptions.assumeTrue(unsupported.isEmpty(), model + " needs ops not yet supported: " + unsupported);
    Graph graph = graphs.computeIfAbsent(model, m -> OnnxImporter.read(file));
    ReferenceFiles.Reference expected = ReferenceFiles.attribution(model, k, ref);
    Attributor method = ref.startsWith(GRADCAM_PREFIX)
        ? GradCam.of(LAYERS.get(model + "/" + ref.substring(GRADCAM_PREFIX.length())))
        : METHODS.get(ref);
    Attribution ours = method.prepare(graph).explain(ReferenceFiles.input(model, k), Target.classes(expected.target()));
    Tensor want = expected.float64();
    assertEquals(want.shape(), ours.relevance().shape(), ref);
    double error = ours.relevance().maxAbsDifference(want) / want.maxAbs();
    System.out.printf("fidelity %s/in%d %-40s max|ours - ref| / max|ref| = %.3g%n", model, k, ref, error);
    assertTrue(error <= RELATIVE_TOLERANCE, model + "/in" + k + " " + ref + ": relative error " + error);
  }
}
