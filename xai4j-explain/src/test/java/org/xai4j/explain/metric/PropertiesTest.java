package org.xai4j.explain.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Seeds;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Gemm;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class PropertiesTest {
  /** Bias-free x[2] -> fc1 [[1, -1], [2, 1]] -> relu -> fc2 [[1, -2], [0.5, 1]]: at [1, 2] logits [-8, 4]. */
  private static Graph biasFree() {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 2);
    String h = b.relu("relu", b.add("fc1", Gemm.linear(Tensor.of(Shape.of(2, 2), 1f, -1f, 2f, 1f),
        Tensor.zeros(Shape.of(2))), x));
    return b.output(b.add("fc2", Gemm.linear(Tensor.of(Shape.of(2, 2), 1f, -2f, 0.5f, 1f),
        Tensor.zeros(Shape.of(2))), h)).build();
  }

  @Test
  void gradientTimesInputConservesOnABiasFreeReluNet() {
    Tensor x = Tensor.of(Shape.of(1, 2), 1f, 2f);
    Attribution a = GradientTimesInput.plain().prepare(biasFree()).explain(x, Target.classes(1));
    double[] f = Conservation.seededOutput(a.output(), Seeds.oneHot(a.output().shape(), new int[] {1}, 1f));
    assertArrayEquals(new double[] {4}, f, 1e-6);
    Conservation.Report r = Conservation.defaults().evaluate(a.relevance(), f);
    assertTrue(r.conserved());
    assertEquals(4, r.relevanceSums()[0], 1e-6);
    Map<String, Conservation.Report> layers = Conservation.defaults().evaluateLayers(Map.of("x", a.relevance()), f);
    assertTrue(layers.get("x").conserved());
  }

  @Test
  void aBiasBreaksConservationByItsValue() {
    // f = 3 x + 0.5 at x = 2: f = 6.5, R = 6
    Graph g = Nets.linear(0.5f, 3f);
    Attribution a = GradientTimesInput.plain().prepare(g).explain(Tensor.of(Shape.of(1, 1), 2f), Target.classes(0));
    Conservation.Report r = Conservation.defaults().evaluate(a.relevance(), new double[] {a.output().getFlat(0)});
    assertFalse(r.conserved());
    assertEquals(0.5, r.maxAbsoluteError(), 1e-6);
    assertTrue(new Conservation(0.1, 0).evaluate(a.relevance(), new double[] {6.5}).conserved());
    assertThrows(IllegalArgumentException.class, () -> new Conservation(-1, 0));
  }

  @Test
  void negativeShareByHand() {
    Positivity.Result r = Positivity.of(Tensor.of(Shape.of(2, 4), 1f, -1f, 2f, -4f, 0f, 0f, 0f, 0f));
    assertArrayEquals(new double[] {5.0 / 8, 0}, r.negativeShare(), 1e-9);
    assertEquals(5.0 / 8, r.pooled(), 1e-9);
    assertEquals(5.0 / 16, r.mean(), 1e-9);
  }

  @Test
  void localizationByHand() {
    Tensor relevance = Tensor.of(Shape.of(2, 1, 3, 3),
        0.1f, 0.5f, -1f, 0.2f, 3f, 0f, 0f, 0f, 1f,
        0f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 2f);
    Tensor masks = Tensor.of(Shape.of(2, 3, 3),
        0f, 1f, 0f, 0f, 1f, 0f, 0f, 0f, 0f,
        0f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f);
    Localization.Result r = Localization.defaults().evaluate(relevance, masks);
    // sample 0: positive mass 4.8, inside 3.5; the two highest pixels are 4 (in) and 8 (out); max at 4
    assertEquals(3.5 / 4.8, r.massAccuracy()[0], 1e-6);
    assertEquals(0.5, r.rankAccuracy()[0], 1e-9);
    assertTrue(r.pointingHit()[0]);
    // sample 1: max at the corner, mask at the centre, sqrt(2) away
    assertEquals(1.0 / 3, r.massAccuracy()[1], 1e-6);
    assertEquals(0, r.rankAccuracy()[1], 1e-9);
    assertFalse(r.pointingHit()[1]);
    assertEquals(0.5, r.pointingAccuracy(), 1e-9);
    assertTrue(new Localization(1.5).evaluate(relevance, masks).pointingHit()[1]);
    assertFalse(new Localization(1.4).evaluate(relevance, masks).pointingHit()[1]);
    // a map at a layer's resolution (Grad-CAM without upsampling) is refused with both sizes, not read as 0 channels
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Localization.defaults().evaluate(Tensor.zeros(Shape.of(2, 1, 2, 2)), masks));
    assertEquals("relevance [2, 1, 2, 2] does not fit the masks [2, 3, 3]: its maps are 2x2, the images 3x3 (a map "
        + "at a layer's resolution, such as Grad-CAM's, must be resized to the input first: "
        + "GradCam.withUpsampling(true), --upsample)", e.getMessage());
    assertEquals(r.massAccuracy()[0], Localization.defaults().evaluate(relevance.reshape(2, 3, 3), masks)
        .massAccuracy()[0], 1e-12, "a map [N, H, W] as one channel");
  }

  @Test
  void spearmanWithTiesByHand() {
    // ranks [1..5] and [1, 2, 3.5, 5, 3.5]: covariance 8, variances 10 and 9.5
    assertEquals(8 / Math.sqrt(95), Similarity.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}),
        1e-12);
    assertEquals(-1, Similarity.spearman(new double[] {1, 2, 3}, new double[] {30, 20, 10}), 1e-12);
  }

  @Test
  void ssimOfOneWindowByHand() {
    double[] a = new double[49];
    double[] b = new double[49];
    for (int i = 0; i < 49; i++) {
      a[i] = i < 24 ? 1 : 0;
      b[i] = 1 - a[i];
    }
    double ma = 24.0 / 49;
    double mb = 25.0 / 49;
    double var = 25.0 / 98;
    double c1 = 1e-4;
    double c2 = 9e-4;
    double expected = (2 * ma * mb + c1) * (-2 * var + c2) / ((ma * ma + mb * mb + c1) * (2 * var + c2));
    assertEquals(expected, Similarity.ssim(a, b, 7, 7, 1), 1e-12);
    assertEquals(1, Similarity.ssim(a, a, 7, 7, 1), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Similarity.ssim(new double[36], new double[36], 6, 6, 1));
  }
}
