package org.xai4j.visualize.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xai4j.explain.Target;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

class HiddenAttributionTest {
  private static final Tensor X = BlocksNets.image(3);

  private static float logit(Graph g, Tensor x, int k) {
    return g.forward(x).output().getFlat(k);
  }

  @Test
  void activationTimesGradientDecomposesTheLogitDifferenceExactlyWithoutBiases() {
    Graph g = BlocksNets.cnn(false);
    double diff = logit(g, X, 2) - logit(g, X, 0);
    for (String layer : new String[] {"relu1", "relu2"}) {
      LayerAttribution a = HiddenAttribution.gradient(g, X, layer, HiddenAttribution.logitDifference(4, 2, 0))
          .activationTimesGradient();
      double spatial = a.spatial().sum();
      double channels = java.util.Arrays.stream(a.channels()).sum();
      assertEquals(diff, spatial, 1e-4 * Math.max(1, Math.abs(diff)), layer);
      assertEquals(diff, channels, 1e-4 * Math.max(1, Math.abs(diff)), layer);
      assertTrue(Math.abs(diff) > 1e-2, "a non-trivial difference: " + diff);
    }
    LayerAttribution one = HiddenAttribution.gradient(g, X, "relu2", Target.classes(1)).activationTimesGradient();
    assertEquals(logit(g, X, 1), one.total(), 1e-4 * Math.max(1, Math.abs(logit(g, X, 1))));
  }

  @Test
  void spatialAndChannelSumsAreTheMarginalsOfTheSameValues() {
    LayerAttribution a = HiddenAttribution.gradient(BlocksNets.cnn(true), X, "relu1", Target.classes(3))
        .activationTimesGradient();
    float[] v = a.values().toArray();
    // position (y=4, x=7) of 12 x 12: the sum over the 6 channels
    double at = 0;
    for (int c = 0; c < 6; c++) {
      at += v[c * 144 + 4 * 12 + 7];
    }
    assertEquals(at, a.spatial().get(4, 7), 1e-5);
    double ch5 = 0;
    for (int p = 0; p < 144; p++) {
      ch5 += v[5 * 144 + p];
    }
    assertEquals(ch5, a.channels()[5], 1e-4);
  }

  @Test
  void integratedGradientsAtALayerIsComplete() {
    Graph g = BlocksNets.cnn(true);
    for (String layer : new String[] {"relu1", "relu2"}) {
      LayerAttribution ig = HiddenAttribution.integratedGradients(g, X, layer, Target.classes(2), 32);
      Graph zeroed = g.withOp(layer, MappedOutput.scaled(g.node(layer).op(), 0f));
      double expected = logit(g, X, 2) - logit(zeroed, X, 2);
      assertEquals(expected, ig.total(), 1e-3 * Math.max(1, Math.abs(expected)), layer);
    }
  }

  @Test
  void integratedGradientsEqualsActivationTimesGradientOnAHomogeneousNetwork() {
    Graph g = BlocksNets.cnn(false);
    Target t = Target.classes(1);
    float[] ig = HiddenAttribution.integratedGradients(g, X, "relu1", t, 4).values().toArray();
    float[] axg = HiddenAttribution.gradient(g, X, "relu1", t).activationTimesGradient().values().toArray();
    assertArrayEquals(axg, ig, 1e-5f);
  }

  @Test
  void lrpRelevanceAtTheLayerIsTheRelevanceTheLrpPassLeavesThere() {
    Graph g = BlocksNets.cnn(true);
    for (var composite : new org.xai4j.explain.lrp.composite.Composite[] {Composites.epsilonPlusFlat(),
        Composites.epsilonAlpha2Beta1()}) {
      Tensor expected = Lrp.of(composite).prepare(g).explain(X, Target.classes(2)).at("relu2");
      LayerAttribution a = HiddenAttribution.lrp(LrpRules.of(composite), g, X, "relu2", Target.classes(2));
      assertArrayEquals(expected.toArray(), a.values().toArray(), 0f);
      assertEquals(8, a.shape().dim(0));
    }
  }

  @Test
  void lrpEpsilonAtTheLayerConservesTheLogitWithoutBiases() {
    Graph g = BlocksNets.cnn(false);
    // epsilon-plus: z+ at convolutions, epsilon at the dense layer; relu2 sits below the dense layer only
    LayerAttribution a = HiddenAttribution.lrp(LrpRules.of(Composites.epsilonPlus()), g, X, "relu2",
        Target.classes(2));
    double logit = logit(g, X, 2);
    // Zennit's seed is logit x one-hot; epsilon (1e-6) absorbs almost nothing
    assertEquals(logit, a.total(), 1e-3 * Math.abs(logit));
  }

  @Test
  void badInputsGiveOneLineErrors() {
    Graph g = BlocksNets.cnn(true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HiddenAttribution.gradient(g, X, "relu9", Target.classes(0)));
    assertTrue(e.getMessage().contains("relu9"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> HiddenAttribution.gradient(g, X, "logits", Target.classes(0)));
    assertTrue(e.getMessage().contains("[1, C, H, W]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> HiddenAttribution.gradient(g, Tensor.concat0(java.util.List.of(X, X)), "relu1", Target.classes(0)));
    assertTrue(e.getMessage().contains("one image"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> HiddenAttribution.logitDifference(4, 1, 1));
    assertTrue(e.getMessage().contains("two different classes"), e.getMessage());
  }
}
