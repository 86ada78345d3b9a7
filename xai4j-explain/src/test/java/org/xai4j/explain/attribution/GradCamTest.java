package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class GradCamTest {
  private static final int C = 2;
  private static final int H = 3;
  private static final int W = 3;
  private static final int CLASSES = 4;
  private final Graph net = TinyNets.imageNet(C, H, W, CLASSES, 13);
  private final Tensor x = Tensor.randomNormal(Shape.of(2, C, H, W), 1f, new Random(6));

  /** Independent computation: d y_t / d act = row t of the fc weight, reshaped to [C, H, W]. */
  private float[] expected(int[] targets) {
    Tensor weight = net.node("fc").op().parameters().get("weight");
    float[] out = new float[targets.length * H * W];
    for (int n = 0; n < targets.length; n++) {
      for (int c = 0; c < C; c++) {
        double mean = 0;
        for (int s = 0; s < H * W; s++) {
          mean += weight.get(targets[n], c * H * W + s);
        }
        mean /= H * W;
        for (int s = 0; s < H * W; s++) {
          out[n * H * W + s] += (float) (mean * Math.max(0f, x.get(n, c, s / W, s % W)));
        }
      }
    }
    return out;
  }

  @Test
  void captumDefinitionOnTheLayerGrid() {
    Attribution a = GradCam.of("act").prepare(net).explain(x, Target.classes(1, 3));
    assertEquals(Shape.of(2, 1, H, W), a.relevance().shape());
    assertArrayEquals(expected(new int[] {1, 3}), a.relevance().toArray(), 1e-6f);
  }

  @Test
  void reluClipsNegativeValues() {
    float[] raw = expected(new int[] {0, 0});
    float[] r = GradCam.of("act").withRelu(true).prepare(net).explain(x, Target.classes(0)).relevance().toArray();
    for (int i = 0; i < raw.length; i++) {
      assertEquals(Math.max(0f, raw[i]), r[i], 1e-6f);
    }
  }

  @Test
  void upsamplingToTheInputKeepsASameSizeMap() {
    Attribution a = GradCam.of("act").withUpsampling(true).prepare(net).explain(x, Target.classes(2));
    assertArrayEquals(expected(new int[] {2, 2}), a.relevance().toArray(), 1e-6f);
  }

  @Test
  void layerWithoutSpatialAxesIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradCam.of("flat").prepare(net).explain(x, Target.argmax()));
    assertEquals("Grad-CAM needs a layer output [N, C, spatial...]; 'flat' has shape [2, 18]", e.getMessage());
  }

  @Test
  void convNetAgainstFiniteDifferenceGradients() {
    Graph conv = TinyNets.convNet();
    Graph head = TinyNets.convHead();
    Tensor input = Tensor.randomNormal(Shape.of(2, 1, 6, 6), 1f, new Random(33));
    int[] targets = {3, 1};
    Tensor a = conv.forward(input).get("conv");
    // dy_t/dA by central differences of the head (piecewise linear; step well below the kinks' scale)
    double step = 1e-3;
    float[] av = a.toArray();
    double[] grad = new double[av.length];
    for (int i = 0; i < av.length; i++) {
      int n = i / (av.length / 2);
      float[] plus = av.clone();
      float[] minus = av.clone();
      plus[i] += (float) step;
      minus[i] -= (float) step;
      double up = head.forward(Tensor.of(a.shape(), plus)).output().get(n, targets[n]);
      double down = head.forward(Tensor.of(a.shape(), minus)).output().get(n, targets[n]);
      grad[i] = (up - down) / (2 * step);
    }
    float[] want = convNetMap(grad, av);
    Attribution cam = GradCam.of("conv").prepare(conv).explain(input, Target.classes(targets));
    assertEquals(Shape.of(2, 1, 6, 6), cam.relevance().shape());
    assertArrayEquals(want, cam.relevance().toArray(), 1e-3f * cam.relevance().maxAbs());
  }

  @Test
  void pooledLayerUpsampledToTheInput() {
    Graph conv = TinyNets.convNet();
    Tensor input = Tensor.randomNormal(Shape.of(1, 1, 6, 6), 1f, new Random(34));
    Tensor small = GradCam.of("pool").prepare(conv).explain(input, Target.argmax()).relevance();
    Tensor big = GradCam.of("pool").withUpsampling(true).prepare(conv).explain(input, Target.argmax()).relevance();
    assertEquals(Shape.of(1, 1, 3, 3), small.shape());
    assertEquals(Shape.of(1, 1, 6, 6), big.shape());
    assertArrayEquals(org.xai4j.explain.image.Bilinear.resize(small, 6, 6).toArray(), big.toArray(), 0f);
    // top-left output pixel sits at source (-0.25 -> 0, -0.25 -> 0): the top-left cell itself
    assertEquals(small.get(0, 0, 0, 0), big.get(0, 0, 0, 0), 0f);
  }

  /**
   * At a ReLU layer that a reverse pass keeping only other values would fuse away (it is read by
   * the pool only), the map is that of the gradient the unfused pass delivers there.
   */
  @Test
  void atAReluLayerTheMapUsesItsOwnSignal() {
    Graph conv = TinyNets.convNet();
    Tensor input = Tensor.randomNormal(Shape.of(2, 1, 6, 6), 1f, new Random(35));
    Target t = Target.classes(3, 1);
    Trace trace = conv.forward(input);
    Tensor g = Backprop.gradient(trace, Map.of(t.value(conv), t.seed(trace))).at("relu");
    float[] gv = g.toArray();
    double[] grad = new double[gv.length];
    for (int i = 0; i < gv.length; i++) {
      grad[i] = gv[i];
    }
    float[] want = convNetMap(grad, trace.get("relu").toArray());
    Tensor cam = GradCam.of("relu").prepare(conv).explain(input, t).relevance();
    assertArrayEquals(want, cam.toArray(), 1e-6f * cam.maxAbs());
  }

  /**
   * The Grad-CAM map (no ReLU) of the conv net's [2, 3, 6, 6] layer from its gradient and
   * activation, both in row-major order: per sample, the activation weighted by each channel's
   * spatial mean gradient, summed over channels.
   */
  private static float[] convNetMap(double[] grad, float[] activation) {
    int plane = 36;
    float[] map = new float[2 * plane];
    for (int n = 0; n < 2; n++) {
      for (int c = 0; c < 3; c++) {
        double mean = 0;
        for (int s = 0; s < plane; s++) {
          mean += grad[(n * 3 + c) * plane + s];
        }
        mean /= plane;
        for (int s = 0; s < plane; s++) {
          map[n * plane + s] += (float) (mean * activation[(n * 3 + c) * plane + s]);
        }
      }
    }
    return map;
  }
}
