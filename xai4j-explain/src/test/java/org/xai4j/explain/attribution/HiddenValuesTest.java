package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** {@code Attribution.at}: every method's value at hidden layers. */
class HiddenValuesTest {
  private static final float TOL = 1e-5f;
  private final Graph net = TinyNets.mlp();
  private final Tensor x = Tensor.randomNormal(Shape.of(3, 5), 1f, new Random(4));

  private Tensor gradientAt(String value, Target t) {
    Trace trace = net.forward(x);
    return Backprop.gradient(trace, Map.of(t.value(net), t.seed(trace))).at(value);
  }

  @Test
  void gradientMethodsGiveTheirSignalAtHiddenLayers() {
    Target t = Target.classes(1, 0, 3);
    Tensor g = gradientAt("relu1", t);
    Attribution grad = Gradient.plain().prepare(net).explain(x, t);
    assertEquals(0f, grad.at("relu1").maxAbsDifference(g));
    assertEquals(0f, grad.at("x").maxAbsDifference(grad.relevance()));
    Attribution gxi = GradientTimesInput.plain().prepare(net).explain(x, t);
    assertEquals(0f, gxi.at("relu1").maxAbsDifference(g.mul(net.forward(x).get("relu1"))));
    Attribution s = Sensitivity.plain().prepare(net).explain(x, t);
    assertEquals(0f, s.at("relu1").maxAbsDifference(g.mul(g)));
    assertTrue(grad.reached("fc3"));
    assertThrows(IllegalArgumentException.class, () -> grad.at("nope"));
    assertEquals(Shape.of(1, 7), grad.sample(2).at("relu1").shape());
    assertEquals(0f, grad.sample(2).at("relu1").maxAbsDifference(g.slice0(2, 3)));
  }

  /**
   * The gradient explainer's pass keeps only the input, so the ReLU read by the pool is fused away;
   * asking the attribution for it runs the pass that keeps every value, with the same bits.
   */
  @Test
  void aHiddenValueTheFusedPassDidNotKeepComesFromAPassThatKeepsIt() {
    Graph conv = TinyNets.convNet();
    Tensor input = Tensor.randomNormal(Shape.of(2, 1, 6, 6), 1f, new Random(7));
    Target t = Target.classes(0, 2);
    Trace trace = conv.forward(input);
    Map<String, Tensor> seeds = Map.of(t.value(conv), t.seed(trace));
    BackwardResult all = Backprop.gradient(trace, seeds);
    assertFalse(Backprop.run(trace, seeds, NodeRules.none(), false, Set.of("x")).kept("relu"));
    Attribution grad = Gradient.plain().prepare(conv).explain(input, t);
    assertArrayEquals(all.atInput().toArray(), grad.relevance().toArray(), 0f);
    assertArrayEquals(all.at("relu").toArray(), grad.at("relu").toArray(), 0f);
    assertArrayEquals(all.at("conv").toArray(), grad.at("conv").toArray(), 0f);
  }

  @Test
  void smoothGradAveragesHiddenSignalsAndEqualsTheGradientWithoutNoise() {
    Target t = Target.classes(2);
    Attribution one = SmoothGrad.defaults().withSamples(1).prepare(net).explain(x, t);
    assertEquals(0f, one.at("relu2").maxAbsDifference(gradientAt("relu2", t)), TOL);
    Attribution sg = SmoothGrad.defaults().withSamples(6).withInternalBatch(InternalBatch.of(4)).prepare(net).explain(x, t);
    assertArrayEquals(sg.relevance().toArray(), sg.at("x").toArray(), 0f);
    // at relu2 the signal is fc3's weight row whatever the input; at relu1 it depends on relu2's mask
    assertEquals(0f, sg.at("relu2").maxAbsDifference(gradientAt("relu2", t)), TOL);
    Tensor hidden = sg.at("relu1");
    assertEquals(Shape.of(3, 7), hidden.shape());
    assertTrue(hidden.maxAbsDifference(gradientAt("relu1", t)) > 1e-4f, "noise changes the mean signal");
  }

  @Test
  void integratedGradientsAtAnAffineLayerIsComplete() {
    // fc1 = W x + b is affine in the input, so IG there is the same sum as at the input,
    // (W (x - 0)) . h = (x - 0) . W^T h, and both approximate f(x) - f(0) (completeness)
    Target t = Target.classes(3);
    Attribution ig = IntegratedGradients.defaults().withSteps(400).prepare(net).explain(x, t);
    Tensor zero = net.forward(Tensor.zeros(x.shape())).output();
    for (int n = 0; n < 3; n++) {
      double atInput = ig.relevance().slice0(n, n + 1).sum();
      assertEquals(atInput, ig.at("fc1").slice0(n, n + 1).sum(), 1e-4 * Math.max(1, Math.abs(atInput)));
      assertEquals(ig.output().get(n, 3) - zero.get(n, 3), atInput, 5e-3);
    }
    assertArrayEquals(ig.relevance().toArray(), ig.at("x").toArray(), 0f);
  }

  @Test
  void gradCamAtAnotherLayerIsThatLayersMap() {
    Graph conv = TinyNets.convNet();
    Tensor images = Tensor.randomNormal(Shape.of(2, 1, 6, 6), 1f, new Random(2));
    Attribution onPool = GradCam.of("pool").prepare(conv).explain(images, Target.classes(1));
    Attribution onConv = GradCam.of("conv").prepare(conv).explain(images, Target.classes(1));
    assertEquals(0f, onPool.at("conv").maxAbsDifference(onConv.relevance()));
    assertEquals(Shape.of(2, 1, 3, 3), onPool.relevance().shape());
  }

  @Test
  void occlusionHasNoHiddenValues() {
    Attribution a = Occlusion.of(1).prepare(net).explain(x, Target.classes(0));
    assertArrayEquals(a.relevance().toArray(), a.at("x").toArray(), 0f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.at("relu1"));
    assertTrue(e.getMessage().contains("relu1"), e.getMessage());
    assertFalse(e.getMessage().isEmpty());
  }
}
