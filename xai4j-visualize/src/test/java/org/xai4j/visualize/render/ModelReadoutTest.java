package org.xai4j.visualize.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class ModelReadoutTest {
  /** x [N, 4] -> relu(fc1) -> fc2 (read) -> relu -> fc3 (not needed). */
  private static Graph mlp() {
    GraphBuilder b = Graph.builder().seed(8);
    String x = b.input("x", -1, 4);
    String h = b.linear("fc2", b.relu("h1", b.linear("fc1", x, 4, 6)), 6, 3);
    return b.output(b.linear("fc3", b.relu("h2", h), 3, 2)).build();
  }

  @Test
  void inputGradientOfAHiddenUnitMatchesFiniteDifferences() {
    ModelReadout m = ModelReadout.of(mlp(), List.of("fc2"));
    Tensor x = Tensor.randomNormal(Shape.of(1, 4), 1f, new Random(2));
    ModelReadout.Reading r = m.read(x);
    assertFalse(r.trace().computed("fc3"));
    Tensor seed = Tensor.of(Shape.of(1, 3), 0f, 1f, 0f);
    Tensor g = r.inputGradient(Map.of("fc2", seed));
    double h = 1e-2;
    for (int i = 0; i < 4; i++) {
      float[] up = x.toArray();
      float[] down = x.toArray();
      up[i] += h;
      down[i] -= h;
      double fu = m.read(Tensor.of(x.shape(), up)).activation("fc2").getFlat(1);
      double fd = m.read(Tensor.of(x.shape(), down)).activation("fc2").getFlat(1);
      assertEquals((fu - fd) / (2 * h), g.getFlat(i), 1e-3, "d fc2[1] / d x" + i);
    }
  }

  /** The loop on a non-image problem: maximize a hidden unit with an L2 penalty on the input. */
  @Test
  void ascentRaisesAHiddenUnitUnderAnL2Penalty() {
    ModelReadout m = ModelReadout.of(mlp(), List.of("fc2"));
    double lambda = 0.25;
    AscentObjective objective = (params, ctx) -> {
      Tensor x = params.get(0);
      ModelReadout.Reading r = m.read(x);
      double unit = r.activation("fc2").getFlat(2);
      double v = unit - lambda * x.mul(x).sum();
      Tensor g = r.inputGradient(Map.of("fc2", Tensor.of(Shape.of(1, 3), 0f, 0f, 1f))).sub(x.mul((float) (2 * lambda)));
      return new AscentEvaluation(v, new double[] {unit}, List.of(g));
    };
    Tensor x0 = Tensor.randomNormal(Shape.of(1, 4), 0.1f, new Random(3));
    AscentResult r = GradientAscent.run(List.of(x0), objective, AscentConfig.defaults().withSteps(400));
    double[] v = r.values();
    assertTrue(v[399] > v[0] + 0.5, v[0] + " -> " + v[399]);
    // At the optimum of unit - lambda |x|^2 the penalty's gradient balances the unit's: x = grad / (2 lambda).
    Tensor x = r.parameters().get(0);
    Tensor g = m.read(x).inputGradient(Map.of("fc2", Tensor.of(Shape.of(1, 3), 0f, 0f, 1f)));
    assertTrue(g.mul((float) (1 / (2 * lambda))).maxAbsDifference(x) < 0.05 * x.maxAbs(), x + " vs " + g);
  }

  @Test
  void unknownNodeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelReadout.of(mlp(), List.of("fc9")));
    assertTrue(e.getMessage().contains("'fc9'"), e.getMessage());
  }
}
