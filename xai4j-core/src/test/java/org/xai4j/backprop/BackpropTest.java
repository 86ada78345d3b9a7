package org.xai4j.backprop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.xai4j.graph.Node;
import org.xai4j.graph.Trace;
import org.xai4j.op.Add;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class BackpropTest {
  /** x -> a = fc_a(x), b = relu(fc_b(x)), y = fc_out(a + b). */
  private static Graph twoBranches() {
    GraphBuilder b = Graph.builder().seed(5);
    String x = b.input("x", -1, 3);
    String a = b.linear("fc_a", x, 3, 4);
    String h = b.relu("relu_b", b.linear("fc_b", x, 3, 4));
    String s = b.add("sum", new Add(), a, h);
    return b.output(b.linear("fc_out", s, 4, 2)).build();
  }

  private static Tensor input() {
    return Tensor.randomNormal(Shape.of(2, 3), 1f, new Random(9));
  }

  @Test
  void gradientOfMlpMatchesFiniteDifference() {
    Graph g = twoBranches();
    Tensor x = input();
    Trace t = g.forward(x);
    Tensor seed = Seeds.oneHot(t.output().shape(), new int[] {0, 1}, 1f);
    Tensor grad = Backprop.gradient(t, Map.of("fc_out", seed)).atInput();
    double h = 1e-2;
    for (int i = 0; i < x.size(); i++) {
      float[] up = x.toArray();
      float[] down = x.toArray();
      up[i] += h;
      down[i] -= h;
      double fu = g.forward(Tensor.of(x.shape(), up)).output().mul(seed).sum();
      double fd = g.forward(Tensor.of(x.shape(), down)).output().mul(seed).sum();
      assertEquals((fu - fd) / (2 * h), grad.getFlat(i), 2e-3, "d y / d x at " + i);
    }
  }

  @Test
  void overrideChangesOnlyThatNodesContribution() {
    Graph g = twoBranches();
    Trace t = g.forward(input());
    Map<String, Tensor> seeds = Map.of("fc_out", Seeds.oneHot(t.output().shape(), new int[] {1, 0}, 1f));
    BackwardResult plain = Backprop.gradient(t, seeds);
    BackwardRule silence = (node, ctx, signal) -> Gradients.ofInputs(Tensor.zeros(ctx.input(0).shape()));
    BackwardResult muted = Backprop.run(t, seeds, NodeRules.byName(Map.of("relu_b", silence)), false);
    // Everything downstream of relu_b is untouched, the branch through fc_a is unchanged, and the input
    // gradient loses exactly the fc_b branch's contribution.
    assertArrayEquals(plain.at("sum").toArray(), muted.at("sum").toArray());
    assertArrayEquals(plain.at("fc_a").toArray(), muted.at("fc_a").toArray());
    assertFalse(muted.reached("fc_b") && muted.at("fc_b").maxAbs() > 0);
    BackwardResult onlyA = Backprop.run(t, Map.of("fc_a", plain.at("fc_a")), NodeRules.none(), false);
    assertArrayEquals(onlyA.atInput().toArray(), muted.atInput().toArray(), 1e-6f);
    assertTrue(plain.atInput().maxAbsDifference(muted.atInput()) > 1e-3);
  }

  @Test
  void parameterGradientsAreReturnedWhenAsked() {
    Graph g = twoBranches();
    Trace t = g.forward(input());
    Map<String, Tensor> seeds = Map.of("fc_out", Tensor.full(t.output().shape(), 1f));
    BackwardResult r = Backprop.run(t, seeds, NodeRules.none(), true);
    assertEquals(Shape.of(2, 4), r.parameterGradients("fc_out").get("weight").shape());
    assertEquals(Shape.of(4, 3), r.parameterGradients("fc_a").get("weight").shape());
    assertTrue(Backprop.gradient(t, seeds).parameterGradients("fc_a").isEmpty());
  }

  @Test
  void badSeedIsRejectedWithShapes() {
    Trace t = twoBranches().forward(input());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backprop.gradient(t, Map.of("fc_out", Tensor.zeros(Shape.of(3)))));
    assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2, 2]"), e.getMessage());
  }

  @Test
  void forwardErrorNamesNodeAndShapes() {
    Graph g = twoBranches();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.forward(Tensor.zeros(Shape.of(2, 5))));
    assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("[2, 5]"), e.getMessage());
    assertEquals(List.of("fc_out"), g.outputs());
  }

  @Test
  void backwardErrorNamesNodeRuleAndShapes() {
    Trace t = twoBranches().forward(input());
    Map<String, Tensor> seeds = Map.of("fc_out", Tensor.full(t.output().shape(), 1f));
    BackwardRule failing = new BackwardRule() {
      @Override
      public Gradients backward(Node node, BackwardContext ctx, Tensor signal) {
        return Gradients.ofInputs(signal.add(Tensor.zeros(Shape.of(7))));
      }

      @Override
      public String toString() {
        return "Broken";
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backprop.run(t, seeds, NodeRules.byName(Map.of("relu_b", failing)), false));
    assertTrue(e.getMessage().startsWith("backward of node 'relu_b' (Relu, rule Broken, input shapes [[2, 4]]): "),
        e.getMessage());
  }
}
