package org.xai4j.explain.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.explain.Target;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Montavon et al. 2018's continuity experiment on {@code max(x1, x2)}: along a path crossing
 * {@code x1 = x2}, sensitivity analysis and simple Taylor (gradient x input) jump, deep Taylor does
 * not. Deep Taylor also conserves relevance at every layer of this bias-free network.
 */
class LrpContinuityTest {
  /** The bundled max(x1, x2) network: relu(W1 x), then W2 (Montavon et al. 2018). */
  private static final Graph MAX2D = BundledModelFiles.load("max2d");
  private static final Tensor FROM = Tensor.of(Shape.of(1, 2), 1.5f, 0.5f);
  private static final Tensor TO = Tensor.of(Shape.of(1, 2), 0.5f, 1.5f);
  private static final int POINTS = 101;

  private static PathContinuity.Result path(org.xai4j.explain.Attributor a) {
    return new PathContinuity(POINTS).evaluate(a.prepare(MAX2D), FROM, TO, 0);
  }

  @Test
  void deepTaylorIsContinuousWhereGradientMethodsJump() {
    // (tolerance 1e-5: the stabilizer epsilon = 1e-6 shifts relevance by about that much)
    // deep Taylor (z+ above, w^2 at the input): x1 > x2 > 0 gives R = ((x1 - x2) / 2, (x1 - x2) / 2 + x2),
    // x1 <= x2 gives (0, x2); both meet at the diagonal, and neighbouring points differ by O(spacing)
    PathContinuity.Result dt = path(Lrp.of(Composites.deepTaylor()));
    System.out.println("max2d path, largest jump: deep Taylor " + dt.maxJump() + ", sensitivity "
        + path(Sensitivity.plain()).maxJump() + ", gradient x input " + path(GradientTimesInput.plain()).maxJump()
        + ", epsilon-plus-flat " + path(Lrp.of(Composites.epsilonPlusFlat())).maxJump());
    double[] start = dt.relevance()[0];
    assertEquals(0.5, start[0], 1e-5);
    assertEquals(1.0, start[1], 1e-5);
    assertEquals(1.5, dt.relevance()[POINTS - 1][1], 1e-5);
    assertTrue(dt.maxJump() < 0.05, "deep Taylor jump " + dt.maxJump());
    assertTrue(path(Sensitivity.plain()).maxJump() > 1.9);
    assertTrue(path(GradientTimesInput.plain()).maxJump() > 1.9);
  }

  @Test
  void deepTaylorConservesAtEveryLayerOfMax2d() {
    Tensor x = Tensor.of(Shape.of(3, 2), 1.5f, 0.5f, 0.2f, 2f, 3f, 1f);
    Attribution r = Lrp.of(Composites.deepTaylor()).prepare(MAX2D).explain(x, Target.argmax());
    // LRP's seed is output * one-hot, so the explained value of each sample is the sum of its seed
    Tensor seed = r.at(MAX2D.outputs().get(0));
    double[] f = Conservation.seededOutput(seed, Tensor.full(seed.shape(), 1f));
    assertArrayEquals(new double[] {1.5, 2, 3}, f, 1e-6);
    Map<String, Tensor> layers = new LinkedHashMap<>();
    for (String v : List.of("relu", "fc1", "input")) {
      layers.put(v, r.at(v));
    }
    Map<String, Conservation.Report> reports = Conservation.defaults().evaluateLayers(layers, f);
    reports.forEach((v, rep) -> assertTrue(rep.conserved(), v + " error " + rep.maxAbsoluteError()));
    // the squared gradient does not sum to the output
    assertFalse(Conservation.defaults().evaluate(Sensitivity.plain().prepare(MAX2D).explain(x, Target.argmax())
        .relevance(), f).conserved());
  }
}
