package org.xai4j.visualize.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class ObjectivesTest {
  private static final Random RANDOM = new Random(17);
  private static final Tensor CONV = Tensor.randomNormal(Shape.of(3, 4, 5, 6), 1f, RANDOM);
  private static final Tensor LOGITS = Tensor.randomNormal(Shape.of(3, 5), 2f, RANDOM);
  private static final Tensor IMAGE = Tensor.randomUniform(Shape.of(3, 3, 6, 7), 0f, 1f, RANDOM);
  private static final Activations ACTS = Activations.of(Map.of("conv", CONV, "fc", LOGITS), IMAGE);

  /** Central differences of the value against every gradient entry, in double precision on the float inputs. */
  static void assertGradient(Objective o, Activations a, double tolerance) {
    ObjectiveValue v = o.evaluate(a);
    double h = 1e-3;
    for (String node : o.nodes()) {
      Tensor x = a.node(node);
      Tensor g = v.nodeGradients().get(node);
      for (int i = 0; i < x.size(); i++) {
        double fd = (value(o, a, node, x, i, h) - value(o, a, node, x, i, -h)) / (2 * h);
        assertEquals(fd, g == null ? 0 : g.getFlat(i), tolerance, o.description() + " d/d " + node + "[" + i + "]");
      }
    }
    if (o.readsImage()) {
      for (int i = 0; i < a.image().size(); i++) {
        double fd = (value(o, a, null, a.image(), i, h) - value(o, a, null, a.image(), i, -h)) / (2 * h);
        assertEquals(fd, v.imageGradient().getFlat(i), tolerance, o.description() + " d/d image[" + i + "]");
      }
    }
  }

  private static double value(Objective o, Activations a, String node, Tensor x, int i, double h) {
    float[] d = x.toArray();
    d[i] += (float) h;
    Tensor moved = Tensor.of(x.shape(), d);
    if (node == null) {
      return o.evaluate(new Activations(a.nodes(), moved, a.batch())).value();
    }
    Map<String, Tensor> nodes = new LinkedHashMap<>(a.nodes());
    nodes.put(node, moved);
    return o.evaluate(new Activations(nodes, a.image(), a.batch())).value();
  }

  @Test
  void channelIsTheSpatialMeanAveragedOverTheBatch() {
    ObjectiveValue v = Objectives.channel("conv", 2).evaluate(ACTS);
    for (int n = 0; n < 3; n++) {
      double s = 0;
      for (int y = 0; y < 5; y++) {
        for (int x = 0; x < 6; x++) {
          s += CONV.get(n, 2, y, x);
        }
      }
      assertEquals(s / 30, v.perItem()[n], 1e-6);
    }
    assertEquals((v.perItem()[0] + v.perItem()[1] + v.perItem()[2]) / 3, v.value(), 1e-9);
    assertGradient(Objectives.channel("conv", 2), ACTS, 1e-3);
    assertNull(v.imageGradient());
  }

  @Test
  void neuronDefaultsToTheCentreLowerRightForEvenSizes() {
    ObjectiveValue v = Objectives.neuron("conv", 1).evaluate(ACTS);
    assertEquals(CONV.get(1, 1, 2, 3), v.perItem()[1], 0);
    assertEquals(CONV.get(2, 1, 0, 5), Objectives.neuron("conv", 1, 0, 5).evaluate(ACTS).perItem()[2], 0);
    assertGradient(Objectives.neuron("conv", 1, 4, 0), ACTS, 1e-3);
    assertEquals(LOGITS.get(0, 4), Objectives.classLogit("fc", 4).evaluate(ACTS).perItem()[0], 0);
  }

  @Test
  void deepDreamIsTheMeanSquare() {
    ObjectiveValue v = Objectives.deepDream("conv").evaluate(ACTS);
    assertEquals(CONV.mul(CONV).mean(), v.value(), 1e-6);
    assertGradient(Objectives.deepDream("conv"), ACTS, 2e-3);
  }

  @Test
  void classProbabilityIsTheSoftmax() {
    ObjectiveValue v = Objectives.classProbability("fc", 3).evaluate(ACTS);
    double z = 0;
    for (int j = 0; j < 5; j++) {
      z += Math.exp(LOGITS.get(2, j));
    }
    assertEquals(Math.exp(LOGITS.get(2, 3)) / z, v.perItem()[2], 1e-6);
    assertGradient(Objectives.classProbability("fc", 3), ACTS, 1e-4);
    assertThrows(IllegalArgumentException.class, () -> Objectives.classProbability("conv", 0).evaluate(ACTS));
  }

  @Test
  void directionIsTheDotProductAndItsCosineWeightedForm() {
    float[] dir = {0.5f, -1f, 2f, 0.25f};
    ObjectiveValue v = Objectives.direction("conv", dir).evaluate(ACTS);
    double s = 0;
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 6; x++) {
        for (int c = 0; c < 4; c++) {
          s += CONV.get(0, c, y, x) * dir[c];
        }
      }
    }
    assertEquals(s / 30, v.perItem()[0], 1e-5);
    assertGradient(Objectives.direction("conv", dir), ACTS, 1e-3);
    assertGradient(Objectives.direction("conv", dir, 1), ACTS, 2e-3);
    assertGradient(Objectives.direction("conv", dir, 2.5), ACTS, 5e-3);
    assertGradient(Objectives.directionNeuronCossim("conv", dir), ACTS, 2e-3);
    // A direction along an activation vector: cosine 1 (up to eps), so the weighted form equals the dot product.
    float[] along = new float[4];
    for (int c = 0; c < 4; c++) {
      along[c] = CONV.get(1, c, 2, 3);
    }
    ObjectiveValue dot = Objectives.directionNeuron("conv", along, 0).evaluate(ACTS);
    ObjectiveValue cos = Objectives.directionNeuronCossim("conv", along).evaluate(ACTS);
    assertEquals(dot.perItem()[1], cos.perItem()[1], 1e-3 * Math.abs(dot.perItem()[1]));
    assertThrows(IllegalArgumentException.class, () -> Objectives.direction("conv", new float[3]).evaluate(ACTS));
  }

  @Test
  void diversityOfIdenticalImagesIsMinusTheOthersAndItsGradientIsExact() {
    Tensor one = CONV.slice0(0, 1);
    Tensor same = Tensor.concat0(List.of(one, one, one));
    ObjectiveValue v = Objectives.diversity("conv").evaluate(new Activations(Map.of("conv", same), null, 3));
    assertEquals(-2, v.value(), 1e-6);
    assertArrayEquals(new double[] {-2, -2, -2}, v.perItem(), 1e-6);
    // Non-negative activations in disjoint channels have orthogonal Gram matrices: diversity 0.
    float[] d = new float[2 * 2 * 3 * 3];
    for (int i = 0; i < 9; i++) {
      d[i] = 1 + i;
      d[27 + i] = 2 + i;
    }
    Tensor disjoint = Tensor.of(Shape.of(2, 2, 3, 3), d);
    assertEquals(0, Objectives.diversity("conv").evaluate(new Activations(Map.of("conv", disjoint), null, 2)).value(), 1e-9);
    assertGradient(Objectives.diversity("conv"), ACTS, 1e-3);
    assertEquals(0, Objectives.diversity("conv").evaluate(new Activations(Map.of("conv", one), null, 1)).value());
  }

  @Test
  void imagePenaltiesMatchTheirFormulas() {
    double l1 = 0;
    double tv = 0;
    for (int i = 0; i < IMAGE.size(); i++) {
      l1 += Math.abs(IMAGE.getFlat(i) - 0.5);
    }
    for (int n = 0; n < 3; n++) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 6; y++) {
          for (int x = 0; x < 7; x++) {
            tv += y < 5 ? Math.abs(IMAGE.get(n, c, y + 1, x) - IMAGE.get(n, c, y, x)) : 0;
            tv += x < 6 ? Math.abs(IMAGE.get(n, c, y, x + 1) - IMAGE.get(n, c, y, x)) : 0;
          }
        }
      }
    }
    assertEquals(l1, Objectives.l1(0.5).evaluate(ACTS).value(), 1e-4);
    assertEquals(tv, Objectives.totalVariation().evaluate(ACTS).value(), 1e-4);
    assertEquals(Math.sqrt(1e-6 + IMAGE.mul(IMAGE).sum()), Objectives.l2().evaluate(ACTS).value(), 1e-5);
    assertGradient(Objectives.l1(0.5), ACTS, 1e-3);
    assertGradient(Objectives.l2(0.2), ACTS, 1e-3);
    assertGradient(Objectives.totalVariation(), ACTS, 1e-3);
    assertTrue(Objectives.l1().nodes().isEmpty());
  }

  @Test
  void blurEachStepGradientIsTheImageMinusItsBlur() {
    Tensor flat = Tensor.full(Shape.of(1, 1, 4, 4), 0.3f);
    ObjectiveValue flatValue = Objectives.blurEachStep().evaluate(new Activations(Map.of(), flat, 1));
    assertEquals(0, flatValue.value(), 1e-12);
    // A single bright pixel in the centre of a 3x3 image: blur there is 1 / (1 + 8 * 0.5).
    float[] d = new float[9];
    d[4] = 1;
    Tensor spot = Tensor.of(Shape.of(1, 1, 3, 3), d);
    ObjectiveValue v = Objectives.blurEachStep().evaluate(new Activations(Map.of(), spot, 1));
    assertEquals(1 - 1.0 / 5, v.imageGradient().getFlat(4), 1e-6);
    // A corner sees the centre with weight 0.5 out of 1 + 3 * 0.5.
    assertEquals(-0.5 / 2.5, v.imageGradient().getFlat(0), 1e-6);
  }

  @Test
  void combinationsAreLinearAndForItemTouchesOneItem() {
    Objective a = Objectives.channel("conv", 1);
    Objective b = Objectives.neuron("conv", 3);
    Objective combo = a.minus(b.times(0.5)).plus(Objectives.deepDream("conv").times(2));
    assertEquals("channel(conv, 1) - 0.5 * neuron(conv, 3) + 2 * deepdream(conv)", combo.description());
    double expected = a.evaluate(ACTS).value() - 0.5 * b.evaluate(ACTS).value()
        + 2 * Objectives.deepDream("conv").evaluate(ACTS).value();
    assertEquals(expected, combo.evaluate(ACTS).value(), 1e-6);
    assertGradient(combo, ACTS, 3e-3);
    Objective first = a.forItem(1);
    ObjectiveValue v = first.evaluate(ACTS);
    assertEquals(a.evaluate(ACTS).perItem()[1], v.value(), 1e-9);
    assertArrayEquals(new double[] {0, v.value(), 0}, v.perItem(), 0);
    Tensor g = v.nodeGradients().get("conv");
    assertEquals(0, g.slice0(0, 1).maxAbs());
    assertEquals(0, g.slice0(2, 3).maxAbs());
    assertGradient(first.plus(Objectives.totalVariation().forItem(2).times(-1e-2)), ACTS, 1e-3);
    assertThrows(IllegalArgumentException.class, () -> a.forItem(3).evaluate(ACTS));
  }

  @Test
  void badIndicesNameTheNodeAndTheObjective() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Objectives.channel("conv", 4).evaluate(ACTS));
    assertTrue(e.getMessage().contains("channel(conv, 4)") && e.getMessage().contains("[0, 4)"), e.getMessage());
    IllegalArgumentException pos = assertThrows(IllegalArgumentException.class,
        () -> Objectives.neuron("conv", 0, 5, 0).evaluate(ACTS));
    assertTrue(pos.getMessage().contains("row 5"), pos.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Objectives.channel("missing", 0).evaluate(ACTS));
    assertThrows(IllegalArgumentException.class, () -> Objectives.channel("conv", 0).times(Double.NaN));
  }
}
