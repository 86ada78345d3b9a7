package org.xai4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.op.Conv;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class ConvLayersTest {
  /** input [N, 2, 8, 8] -> conv 3x3 -> BN -> ReLU -> max 2x2 -> depthwise conv -> avg -> global avg. */
  private static Graph smallCnn() {
    GraphBuilder b = Graph.builder().seed(3);
    String x = b.input("x", -1, 2, 8, 8);
    String h = b.conv2d("conv1", x, 2, 4, 3, 1, 1);
    h = b.relu("relu1", b.batchNorm("bn1", h, 4));
    h = b.maxPool2d("pool1", h, 2, 2, 0);
    h = b.conv2d("dw", h, 4, 4, 3, Conv2dOptions.of(1, 1).withGroups(4).withDilation(2).withoutBias());
    h = b.avgPool2d("pool2", h, 3, 1, 1);
    return b.output(b.globalAvgPool("gap", h)).build();
  }

  @Test
  void layersHaveTheRequestedShapesAndInitialization() {
    Graph g = smallCnn();
    Conv conv1 = (Conv) g.node("conv1").op();
    assertEquals(Shape.of(4, 2, 3, 3), conv1.weight().shape());
    assertEquals(List.of(1, 1, 1, 1), conv1.pads());
    float bound = (float) Math.sqrt(6.0 / (2 * 3 * 3));
    assertTrue(conv1.weight().maxAbs() <= bound && conv1.weight().maxAbs() > bound / 2,
        "Kaiming-uniform bound " + bound + ", max |w| " + conv1.weight().maxAbs());
    Conv dw = (Conv) g.node("dw").op();
    assertEquals(Shape.of(4, 1, 3, 3), dw.weight().shape());
    assertEquals(4, dw.group());
    assertEquals(null, dw.bias());
    assertEquals(Shape.of(2, 4, 1, 1),
        g.forward(Tensor.randomNormal(Shape.of(2, 2, 8, 8), 1f, new Random(1))).output().shape());
  }

  @Test
  void gradientThroughTheWholeNetworkMatchesFiniteDifferences() {
    Graph g = smallCnn();
    Tensor x = Tensor.randomNormal(Shape.of(1, 2, 8, 8), 1f, new Random(2));
    Tensor seed = Tensor.randomNormal(Shape.of(1, 4, 1, 1), 1f, new Random(3));
    Tensor grad = Backprop.gradient(g.forward(x), Map.of("gap", seed)).atInput();
    double h = 1e-2;
    Random r = new Random(4);
    for (int k = 0; k < 24; k++) {
      int i = r.nextInt(x.size());
      float[] up = x.toArray();
      float[] down = x.toArray();
      up[i] += h;
      down[i] -= h;
      double fu = g.forward(Tensor.of(x.shape(), up)).output().mul(seed).sum();
      double fd = g.forward(Tensor.of(x.shape(), down)).output().mul(seed).sum();
      assertEquals((fu - fd) / (2 * h), grad.getFlat(i), 2e-3, "d y / d x at " + i);
    }
  }
}
