package org.xai4j.visualize.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class SemanticDictionaryAndGroupsTest {
  @Test
  void theDictionaryListsTheTopChannelsOfEachPosition() {
    // [3, 1, 2]: position 0 has activations (0.5, 2, 1), position 1 (3, 0, 3)
    Tensor a = Tensor.of(Shape.of(3, 1, 2), 0.5f, 3f, 2f, 0f, 1f, 3f);
    SemanticDictionary d = SemanticDictionary.of("l", a, 2);
    assertEquals(List.of(new SemanticDictionary.Entry(1, 2f), new SemanticDictionary.Entry(2, 1f)), d.at(0, 0));
    // a tie goes to the lower channel
    assertEquals(List.of(new SemanticDictionary.Entry(0, 3f), new SemanticDictionary.Entry(2, 3f)), d.at(0, 1));
    assertEquals(Set.of(0, 1, 2), d.channels());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SemanticDictionary.of("l", a, 4));
    assertTrue(e.getMessage().contains("[1, 3]"), e.getMessage());
  }

  @Test
  void groupAttributionsSumToActivationTimesGradientOfTheReconstruction() {
    Graph g = BlocksNets.cnn(true);
    LayerGradient lg = HiddenAttribution.gradient(g, BlocksNets.image(8), "relu1", Target.classes(1));
    NeuronGroups groups = NeuronGroups.of(lg, new Nmf(3, 400, 0));
    assertEquals(3, groups.groups().size());
    assertEquals(12, groups.height());
    double sum = 0;
    for (NeuronGroups.Group gr : groups.groups()) {
      sum += gr.attribution();
      assertEquals(144, gr.mask().length);
      assertEquals(6, gr.direction().length);
      for (float m : gr.mask()) {
        assertTrue(m >= 0);
      }
    }
    for (int i = 1; i < groups.groups().size(); i++) {
      assertTrue(groups.groups().get(i - 1).attribution() >= groups.groups().get(i).attribution());
    }
    // rebuild W H from the groups and compare with the reconstruction's activation x gradient
    float[] grad = lg.gradient().toArray();
    double expected = 0;
    for (NeuronGroups.Group gr : groups.groups()) {
      for (int c = 0; c < 6; c++) {
        for (int p = 0; p < 144; p++) {
          expected += gr.mask()[p] * gr.direction()[c] * grad[c * 144 + p];
        }
      }
    }
    assertEquals(expected, sum, 1e-4 * (1 + Math.abs(expected)));
    // 3 groups of 6 channels reconstruct most of the activation, and the total attribution follows
    assertTrue(groups.relativeError() < 0.5, "relative error " + groups.relativeError());
    // total - sum = <A - W H, grad>, at most ||A - W H|| ||grad|| (Cauchy-Schwarz)
    double total = lg.activationTimesGradient().total();
    double bound = groups.relativeError() * norm(lg.activation()) * norm(lg.gradient());
    assertTrue(Math.abs(total - sum) <= bound * (1 + 1e-6), total + " vs " + sum + ", bound " + bound);
  }

  private static double norm(Tensor t) {
    return Math.sqrt(t.mul(t).sum());
  }

  @Test
  void groupsOfAPreActivationLayerAreRefused() {
    Graph g = BlocksNets.cnn(true);
    LayerGradient lg = HiddenAttribution.gradient(g, BlocksNets.image(8), "conv1", Target.classes(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeuronGroups.of(lg, new Nmf(2, 5, 0)));
    assertTrue(e.getMessage().contains("conv1") && e.getMessage().contains("ReLU"), e.getMessage());
  }
}
