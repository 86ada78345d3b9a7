package org.xai4j.explain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class RobustnessTest {
  /** The bundled max(x1, x2) network: relu(W1 x), then W2 (Montavon et al. 2018). */
  private static final Graph MAX2D = BundledModelFiles.load("max2d");
  private static final Tensor FROM = Tensor.of(Shape.of(1, 2), 1.5f, 0.5f);
  private static final Tensor TO = Tensor.of(Shape.of(1, 2), 0.5f, 1.5f);

  @Test
  void sensitivityJumpsAcrossTheDiagonalOfMax() {
    // (df/dx)^2 is (1, 0) while x1 > x2 and (0, 1) from x1 = x2 on: one jump of L1 size 2
    PathContinuity.Result r = new PathContinuity(101).evaluate(Sensitivity.plain().prepare(MAX2D), FROM, TO, 0);
    assertEquals(2, r.maxJump(), 1e-6);
    assertEquals(49, r.maxJumpAt());
    double total = 0;
    for (double j : r.jumps()) {
      total += j;
    }
    assertEquals(2, total, 1e-6);
    // refining the path does not shrink the jump: the explanation is discontinuous
    assertEquals(2, new PathContinuity(1001).evaluate(Sensitivity.plain().prepare(MAX2D), FROM, TO, 0).maxJump(), 1e-6);
  }

  @Test
  void gradientTimesInputJumpsAcrossTheDiagonalOfMax() {
    // R = (x1, 0) before the crossing, (0, x2) after: from (1.01, 0) at t = 0.49 to (0, 1.0) at t = 0.5
    PathContinuity.Result r = new PathContinuity(101).evaluate(GradientTimesInput.plain().prepare(MAX2D), FROM, TO, 0);
    assertEquals(2.01, r.maxJump(), 1e-5);
    assertEquals(49, r.maxJumpAt());
    assertEquals(0.01, r.jumps()[10], 1e-5);
  }

  @Test
  void localLipschitzOfGradientTimesInputOnOneWeightIsTheWeight() {
    // R(x) = 3 x, so ||R(x) - R(x')|| / ||x - x'|| = 3 for every perturbation
    Graph g = Nets.linear(0f, 3f);
    Robustness r = new LocalLipschitz(20, 0.1, 1).evaluate(GradientTimesInput.plain().prepare(g), Tensor.of(Shape.of(2, 1), 2f, -1f), new int[] {0, 0});
    assertEquals(3, r.perSample()[0], 1e-4);
    assertEquals(3, r.mean(), 1e-4);
    // the gradient of a linear model does not move at all
    assertEquals(0, LocalLipschitz.defaults().evaluate(Gradient.plain().prepare(g), Tensor.of(Shape.of(1, 1), 2f), new int[] {0}).mean(), 0);
  }

  @Test
  void maxSensitivityByHand() {
    // R(x) = 3 x at x = 2: ||3 d|| / ||6|| = |d| / 2, the largest of the ten seeded draws
    Graph g = Nets.linear(0f, 3f);
    Robustness r = MaxSensitivity.defaults().evaluate(GradientTimesInput.plain().prepare(g), Tensor.of(Shape.of(1, 1), 2f), new int[] {0});
    Random random = new Random(MaxSensitivity.DEFAULT_SEED);
    double largest = 0;
    for (int k = 0; k < MaxSensitivity.DEFAULT_SAMPLES; k++) {
      largest = Math.max(largest, Math.abs((2 * random.nextDouble() - 1) * MaxSensitivity.DEFAULT_RADIUS) / 2);
    }
    assertEquals(largest, r.mean(), 1e-6);
    assertTrue(r.mean() > 0 && r.mean() <= MaxSensitivity.DEFAULT_RADIUS / 2);
  }

  @Test
  void infidelityOfTheGradientOfALinearModelIsZero() {
    Graph g = Nets.linear(0.5f, 3f, -1f, 2f);
    Tensor x = Tensor.of(Shape.of(1, 3), 2f, 2f, 2f);
    assertEquals(0, new Infidelity(10, 0.1, false, 0).evaluate(Gradient.plain().prepare(g), x, new int[] {0}).mean(), 1e-9);
  }

  @Test
  void infidelityOfGradientTimesInputByHand() {
    // at x = 2, I . R = 2 (w . I) while f(x) - f(x - I) = w . I: infidelity = mean (w . I)^2
    float[] w = {3f, -1f, 2f};
    Graph g = Nets.linear(0f, w);
    Tensor x = Tensor.of(Shape.of(1, 3), 2f, 2f, 2f);
    double std = 0.1;
    Robustness r = new Infidelity(10, std, false, 7).evaluate(GradientTimesInput.plain().prepare(g), x, new int[] {0});
    Random random = new Random(7);
    double expected = 0;
    for (int k = 0; k < 10; k++) {
      double wi = 0;
      for (float wj : w) {
        wi += wj * random.nextGaussian() * std;
      }
      expected += wi * wi / 10;
    }
    assertEquals(expected, r.mean(), 1e-5 * expected);
    // normalizing rescales R by beta = 1/2, which is exact here
    assertEquals(0, new Infidelity(10, std, true, 7).evaluate(GradientTimesInput.plain().prepare(g), x, new int[] {0})
        .mean(), 1e-9);
  }

  @Test
  void shiftContinuityByHand() {
    // x = [1, 2, 3], R = x: shift 1 gives L1 3 over sqrt(3), shift 2 gives 5 over 3
    Graph g = Nets.linear(0f, 1f, 1f, 1f);
    Robustness r = new Continuity(2).evaluate(GradientTimesInput.plain().prepare(g), Tensor.of(Shape.of(1, 3), 1f, 2f, 3f), new int[] {0});
    assertEquals(Math.sqrt(3), r.mean(), 1e-6);
    assertEquals(0, new Continuity(2).evaluate(Gradient.plain().prepare(g), Tensor.of(Shape.of(1, 3), 1f, 2f, 3f), new int[] {0}).mean(), 0);
  }
}
