package org.xai4j.explain.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.Seeds;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Tensor;

/**
 * Input gradients of every zoo export against PyTorch's float64 gradients. float32 arithmetic
 * cannot be held to a fixed tolerance on ill-conditioned networks, so the bound is set by the
 * network's own conditioning: xai4j's float32 error may be at most {@value #CONDITIONING_FACTOR}
 * times PyTorch's float32 error (both relative to the largest float64 magnitude), and at least
 * {@value #FLOOR} is allowed. Discrete decisions (ReLU signs, max-pool winners) that float32
 * rounding took the other way than float64 ({@link Float64Decisions}) are reported; the bound
 * applies to the gradient with those decisions taken as float64 took them, and each run prints
 * both errors.
 */
class ZooGradientTest {
  static final double CONDITIONING_FACTOR = 10;
  static final double FLOOR = 1e-5;

  @ParameterizedTest(name = "{0} opset {1}")
  @MethodSource("org.xai4j.explain.zoo.ZooForwardTest#exports")
  void inputGradientsAgreeWithFloat64WithinFloat32Conditioning(ZooModel model, int opset) {
    Graph g = model.graph(opset);
    Trace t = g.forward(model.input());
    Map<String, Tensor> seed = Map.of(g.outputs().get(0), Seeds.oneHot(t.output().shape(), model.targets(), 1f));
    Float64Decisions.Comparison flips = Float64Decisions.of(model).compare(t);
    Npy.Float64Array want = model.gradient64();
    double error = relativeError(Backprop.gradient(t, seed).atInput(), want);
    double corrected = relativeError(Backprop.run(t, seed, flips.asFloat64(), false).atInput(), want);
    double bound = Math.max(CONDITIONING_FACTOR * model.torchFloat32GradientError(), FLOOR);
    System.out.printf("zoo %s opset %d: gradient within %.2e of float64 (PyTorch float32: %.2e); "
        + "%d decisions flipped against float64, gradient with them as in float64 within %.2e%n", model, opset,
        error, model.torchFloat32GradientError(), flips.count(), corrected);
    flips.details().forEach(d -> System.out.println("  flipped: " + d));
    assertEquals(0, flips.unmatched(), "recorded float64 decisions not found in the graph");
    assertTrue(corrected <= bound, model + " opset " + opset + ": gradient error " + corrected + " above " + bound);
  }

  /** {@code max |a - b| / max |b|} against a float64 reference. */
  static double relativeError(Tensor a, Npy.Float64Array b) {
    assertTrue(a.shape().equals(b.shape()), a.shape() + " vs " + b.shape());
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < a.size(); i++) {
      diff = Math.max(diff, Math.abs(a.getFlat(i) - b.values()[i]));
      scale = Math.max(scale, Math.abs(b.values()[i]));
    }
    return diff / scale;
  }
}
