package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xai4j.op.OpAssertions.assertOpError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class PoolTest {
  /** Spacing of tie-free test values: far larger than the finite-difference step. */
  private static final float VALUE_SPACING = 0.1f;

  /** A tensor holding a shuffled arithmetic sequence, so no two elements are within 0.1. */
  private static Tensor distinct(Shape s, long seed) {
    List<Float> v = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      v.add((i - s.size() / 2) * VALUE_SPACING);
    }
    Collections.shuffle(v, new Random(seed));
    float[] d = new float[v.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = v.get(i);
    }
    return Tensor.of(s, d);
  }

  private static Tensor row(float... values) {
    return Tensor.of(Shape.of(1, 1, values.length), values);
  }

  private static float[] forward(Op op, Tensor x) {
    return op.forward(List.of(x)).toArray();
  }

  @Test
  void oneDimensionalMaxPoolHandComputed() {
    Tensor x = row(1f, 5f, 2f, 4f, 3f, 0f, 6f);
    // kernel 3, stride 2: windows [1,5,2] [2,4,3] [3,0,6]
    assertArrayEquals(new float[] {5f, 4f, 6f},
        forward(new MaxPool(List.of(3), List.of(2), null, null, false), x), 0f);
    // kernel 2, stride 2, pads [1, 0], ceil: windows [-inf,1] [5,2] [4,3] [0,6]
    assertArrayEquals(new float[] {1f, 5f, 4f, 6f},
        forward(new MaxPool(List.of(2), List.of(2), List.of(1, 0), null, true), x), 0f);
    // kernel 2, stride 3, ceil: (7 - 2) / 3 rounds up to 2, +1 = 3 windows: [1,5] [4,3] [6]
    assertArrayEquals(new float[] {5f, 4f, 6f},
        forward(new MaxPool(List.of(2), List.of(3), null, null, true), x), 0f);
    // kernel 2, dilation 3: taps i and i + 3: max(1,4) max(5,3) max(2,0) max(4,6)
    assertArrayEquals(new float[] {4f, 5f, 2f, 6f},
        forward(new MaxPool(List.of(2), null, null, List.of(3), false), x), 0f);
  }

  @Test
  void averagePoolHandComputedWithCeilOverhang() {
    Tensor x = row(1f, 2f, 3f, 4f, 5f, 6f);
    // kernel 3, stride 2, pads [1, 1], ceil: 4 windows over [p 1 2] [2 3 4] [4 5 6] [6 p | overhang]
    AveragePool counted = new AveragePool(List.of(3), List.of(2), List.of(1, 1), true, true);
    assertArrayEquals(new float[] {1f, 3f, 5f, 3f}, forward(counted, x), 1e-6f);
    AveragePool uncounted = new AveragePool(List.of(3), List.of(2), List.of(1, 1), true, false);
    assertArrayEquals(new float[] {1.5f, 3f, 5f, 6f}, forward(uncounted, x), 1e-6f);
  }

  @Test
  void ceilModeDropsAWindowStartingInTheEndPadding() {
    // in 5, kernel 2, stride 3, pads 1 + 1: ceil(5 / 3) + 1 = 3, but window 2 would start at
    // 2 * 3 - 1 = 5, inside the end padding, so there are 2 windows (ONNX opset 19, PyTorch)
    assertEquals(2, WindowAxis.sliding(5, 2, 3, 1, 1, 1, true).out());
    assertEquals(2, WindowAxis.sliding(5, 2, 3, 1, 1, 1, false).out());
    // GoogLeNet's 3x3 stride-2 ceil-mode pooling of 112 gives 56 (floor: 55)
    assertEquals(56, WindowAxis.sliding(112, 3, 2, 0, 0, 1, true).out());
    assertEquals(55, WindowAxis.sliding(112, 3, 2, 0, 0, 1, false).out());
  }

  /** Direct 2-D pooling: max with -inf padding, or average with the ONNX divisors. */
  private static float[] reference(Tensor x, int kh, int kw, int sh, int sw, int pt, int pl,
      int pb, int pr, int dh, int dw, int outH, int outW, Boolean countIncludePad) {
    int planes = x.shape().dim(0) * x.shape().dim(1);
    int h = x.shape().dim(2);
    int w = x.shape().dim(3);
    float[] xs = x.toArray();
    float[] y = new float[planes * outH * outW];
    int o = 0;
    for (int p = 0; p < planes; p++) {
      for (int oh = 0; oh < outH; oh++) {
        for (int ow = 0; ow < outW; ow++) {
          double max = Double.NEGATIVE_INFINITY;
          double sum = 0;
          int inside = 0;
          int padded = 0;
          for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
              int ih = oh * sh - pt + i * dh;
              int iw = ow * sw - pl + j * dw;
              if (ih >= -pt && ih < h + pb && iw >= -pl && iw < w + pr) {
                padded++;
              }
              if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                float v = xs[(p * h + ih) * w + iw];
                max = Math.max(max, v);
                sum += v;
                inside++;
              }
            }
          }
          y[o++] = (float) (countIncludePad == null ? max
              : sum / (countIncludePad ? padded : inside));
        }
      }
    }
    return y;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void twoDimensionalMaxPoolMatchesDefinition(boolean ceil) {
    Tensor x = distinct(Shape.of(2, 3, 7, 8), 31);
    MaxPool pool = new MaxPool(List.of(3, 2), List.of(2, 3), List.of(1, 0, 2, 1), List.of(1, 2), ceil);
    Tensor y = pool.forward(List.of(x));
    // height: (7 + 3 - 3) / 2 + 1 = 4 either way; width: (8 + 1 - 3) / 3 + 1 = 3 either way
    assertEquals(Shape.of(2, 3, 4, 3), y.shape());
    assertArrayEquals(reference(x, 3, 2, 2, 3, 1, 0, 2, 1, 1, 2, 4, 3, null), y.toArray(), 0f);
    GradientCheck.standard().check(pool, x);
  }

  @Test
  void maxPoolCeilModeGradient() {
    Tensor x = distinct(Shape.of(1, 2, 6, 7), 32);
    MaxPool pool = new MaxPool(List.of(3, 3), List.of(2, 2), null, null, true);
    Tensor y = pool.forward(List.of(x));
    // ceil((6 - 3) / 2) + 1 = 3 rows, ceil((7 - 3) / 2) + 1 = 3 columns; last rows overhang
    assertEquals(Shape.of(1, 2, 3, 3), y.shape());
    assertArrayEquals(reference(x, 3, 3, 2, 2, 0, 0, 1, 0, 1, 1, 3, 3, null), y.toArray(), 0f);
    GradientCheck.standard().check(pool, x);
  }

  @Test
  void oneDimensionalMaxPoolGradient() {
    GradientCheck.standard().check(new MaxPool(List.of(3), List.of(2), List.of(1, 2), null, true),
        distinct(Shape.of(2, 2, 9), 33));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void twoDimensionalAveragePoolMatchesDefinition(boolean countIncludePad) {
    Random r = new Random(34);
    Tensor x = Tensor.randomNormal(Shape.of(2, 2, 7, 6), 1f, r);
    AveragePool pool = new AveragePool(List.of(3, 3), List.of(2, 2), List.of(1, 1, 2, 1), true,
        countIncludePad);
    Tensor y = pool.forward(List.of(x));
    // height: ceil((7 + 3 - 3) / 2) + 1 = 5, but window 4 starts at 8 - 1 = 7 = in, inside the
    // end padding: dropped -> 4; width: ceil((6 + 2 - 3) / 2) + 1 = 4, the last window [5, 7]
    // covers input 5, end padding 6 and overhang 7
    assertEquals(Shape.of(2, 2, 4, 4), y.shape());
    assertArrayEquals(reference(x, 3, 3, 2, 2, 1, 1, 2, 1, 1, 1, 4, 4, countIncludePad),
        y.toArray(), 1e-5f);
    GradientCheck.standard().check(pool, x);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void oneDimensionalAveragePoolGradient(boolean countIncludePad) {
    GradientCheck.standard().check(
        new AveragePool(List.of(3), List.of(2), List.of(1, 1), true, countIncludePad),
        Tensor.randomNormal(Shape.of(2, 3, 6), 1f, new Random(35)));
  }

  @Test
  void globalAveragePoolOverAnySpatialRank() {
    Tensor x = Tensor.of(Shape.of(1, 2, 3), 1f, 2f, 6f, -1f, 0f, 4f);
    Tensor y = new GlobalAveragePool().forward(List.of(x));
    assertEquals(Shape.of(1, 2, 1), y.shape());
    assertArrayEquals(new float[] {3f, 1f}, y.toArray(), 1e-6f);
    Tensor x5 = Tensor.randomNormal(Shape.of(2, 3, 2, 3, 4), 1f, new Random(36));
    Tensor y5 = new GlobalAveragePool().forward(List.of(x5));
    assertEquals(Shape.of(2, 3, 1, 1, 1), y5.shape());
    assertEquals(x5.slice0(1, 2).reshape(3, 24).sum(1, false).get(2) / 24f, y5.get(1, 2, 0, 0, 0),
        1e-6f);
    GradientCheck.standard().check(new GlobalAveragePool(), x5);
  }

  @Test
  void errorsNameOpAndShapes() {
    assertOpError("MaxPool", () -> MaxPool.square(5, 1, 0).forward(List.of(Tensor.zeros(Shape.of(1, 1, 4, 6)))),
        "[1, 1, 4, 6]", "[5, 5]");
    assertOpError("AveragePool", () -> AveragePool.square(2, 2, 0).forward(List.of(Tensor.zeros(Shape.of(1, 4, 4)))),
        "[1, 4, 4]");
    assertOpError("AveragePool", () -> AveragePool.square(2, 2, 2));
  }
}
