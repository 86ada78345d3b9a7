package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
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
    Attribution a = GradCam.of("act").explain(net, x, Target.classes(1, 3));
    assertEquals(Shape.of(2, 1, H, W), a.relevance().shape());
    assertArrayEquals(expected(new int[] {1, 3}), a.relevance().toArray(), 1e-6f);
  }

  @Test
  void reluClipsNegativeValues() {
    float[] raw = expected(new int[] {0, 0});
    float[] r = GradCam.of("act").withRelu(true).explain(net, x, Target.classes(0)).relevance().toArray();
    for (int i = 0; i < raw.length; i++) {
      assertEquals(Math.max(0f, raw[i]), r[i], 1e-6f);
    }
  }

  @Test
  void upsamplingToTheInputKeepsASameSizeMap() {
    Attribution a = GradCam.of("act").withUpsampling(true).explain(net, x, Target.classes(2));
    assertArrayEquals(expected(new int[] {2, 2}), a.relevance().toArray(), 1e-6f);
  }

  @Test
  void layerWithoutSpatialAxesIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradCam.of("flat").explain(net, x, Target.argmax()));
    assertEquals("Grad-CAM needs a layer output [N, C, spatial...]; 'flat' has shape [2, 18]", e.getMessage());
  }
}
