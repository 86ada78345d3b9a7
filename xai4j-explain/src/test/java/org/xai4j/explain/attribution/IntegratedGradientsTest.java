package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class IntegratedGradientsTest {
  private static final float FLOAT_TOL = 1e-6f;
  private final Graph net = TinyNets.mlp();
  private final Tensor x = Tensor.randomNormal(Shape.of(3, 5), 1f, new Random(4));

  @Test
  void oneRightStepAtZeroBaselineIsGradientTimesInput() {
    IntegratedGradients ig = IntegratedGradients.defaults().withSteps(1).withMethod(Quadrature.RIEMANN_RIGHT);
    Tensor expected = GradientTimesInput.plain().prepare(net).explain(x, Target.argmax()).relevance();
    assertArrayEquals(expected.toArray(), ig.prepare(net).explain(x, Target.argmax()).relevance().toArray(), FLOAT_TOL);
  }

  @Test
  void handNetPathIntegral() {
    // On the hand net, y1 = 0.5 relu(x0 - x1) + relu(2 x0 + x1). From baseline 0 to x = [1, 2] the first
    // unit stays off, the second is linear for alpha > 0: IG = x * [2, 1] * (weights of points alpha > 0);
    // at alpha = 0 both units sit at 0, where the ReLU derivative is 0.
    Tensor x1 = Tensor.of(Shape.of(1, 2), 1f, 2f);
    for (Quadrature q : Quadrature.values()) {
      float[] r = IntegratedGradients.defaults().withMethod(q).withSteps(4)
          .prepare(TinyNets.handNet()).explain(x1, Target.classes(1)).relevance().toArray();
      double weightSum = 0;
      Quadrature.Points p = q.points(4);
      for (int i = 0; i < p.count(); i++) {
        weightSum += p.alphas()[i] > 0 ? p.weights()[i] : 0;
      }
      assertArrayEquals(new float[] {(float) (2 * weightSum), (float) (2 * weightSum)}, r, FLOAT_TOL, q.name());
    }
  }

  @Test
  void baselineShiftsThePath() {
    // path from b = [1, -1] to x = [1, 2]: h0 = x0 - x1 goes 2 -> -1 and switches off at a = 2/3;
    // dy1/dx = [2.5, 0.5] while h0 > 0, then [2, 1]; IG = (x - b) * integral = [0, 3 * (2/3 * 0.5 + 1/3 * 1)]
    Tensor x1 = Tensor.of(Shape.of(1, 2), 1f, 2f);
    Tensor b = Tensor.of(Shape.of(1, 2), 1f, -1f);
    IntegratedGradients ig = IntegratedGradients.defaults().withBaseline(b).withSteps(3000)
        .withMethod(Quadrature.RIEMANN_MIDDLE).withInternalBatch(InternalBatch.of(1000));
    float[] r = ig.prepare(TinyNets.handNet()).explain(x1, Target.classes(1)).relevance().toArray();
    assertArrayEquals(new float[] {0f, 2f}, r, 1e-3f);
  }

  @Test
  void completenessOnAPiecewiseLinearNetApproachesTheOutputDifference() {
    Attribution a = IntegratedGradients.defaults().withSteps(200).prepare(net).explain(x, Target.classes(2));
    Tensor zero = Tensor.zeros(x.shape());
    float[] f0 = net.forward(zero).output().toArray();
    for (int n = 0; n < 3; n++) {
      double sum = a.relevance().slice0(n, n + 1).sum();
      double diff = a.output().get(n, 2) - f0[n * 4 + 2];
      assertEquals(diff, sum, 2e-3 * Math.max(1, Math.abs(diff)));
    }
  }

  @Test
  void internalBatchSizeDoesNotChangeTheResult() {
    IntegratedGradients ig = IntegratedGradients.defaults().withMethod(Quadrature.RIEMANN_TRAPEZOID);
    float[] all = ig.withInternalBatch(InternalBatch.of(1000)).prepare(net).explain(x, Target.argmax()).relevance().toArray();
    float[] ones = ig.withInternalBatch(InternalBatch.of(1)).prepare(net).explain(x, Target.argmax()).relevance().toArray();
    float[] sevens = ig.withInternalBatch(InternalBatch.of(7)).prepare(net).explain(x, Target.argmax()).relevance().toArray();
    assertArrayEquals(all, ones, 0f);
    assertArrayEquals(all, sevens, 0f);
  }
}
