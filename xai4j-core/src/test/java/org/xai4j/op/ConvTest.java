package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xai4j.op.OpAssertions.assertOpError;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class ConvTest {
  /** Forward tolerance: float32 sums of a few hundred products against a double reference. */
  private static final float FORWARD_TOLERANCE = 1e-4f;

  /** One 2-D convolution configuration. */
  record Case(String name, int n, int c, int h, int w, int m, int kh, int kw, List<Integer> strides,
      List<Integer> pads, List<Integer> dilations, int group) {
    Conv conv(Random r, boolean bias) {
      Tensor weight = Tensor.randomNormal(Shape.of(m, c / group, kh, kw), 1f, r);
      return new Conv(weight, bias ? Tensor.randomNormal(Shape.of(m), 1f, r) : null,
          strides, pads, dilations, group);
    }

    Tensor input(Random r) {
      return Tensor.randomNormal(Shape.of(n, c, h, w), 1f, r);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("plain 3x3", 2, 3, 5, 6, 4, 3, 3, null, null, null, 1),
        new Case("strided", 1, 2, 7, 8, 3, 3, 2, List.of(2, 3), null, null, 1),
        new Case("asymmetric pads", 2, 2, 4, 5, 3, 3, 3, null, List.of(1, 0, 2, 1), null, 1),
        new Case("dilated", 1, 2, 7, 7, 2, 3, 2, null, List.of(1, 1, 1, 1), List.of(2, 3), 1),
        new Case("grouped", 2, 4, 5, 5, 6, 3, 3, null, List.of(1, 1, 1, 1), null, 2),
        new Case("depthwise", 1, 3, 6, 5, 3, 3, 3, List.of(2, 1), List.of(1, 1, 1, 1), null, 3),
        new Case("pointwise", 3, 4, 3, 5, 2, 1, 1, null, null, null, 1),
        new Case("1x1 strided and padded", 1, 3, 4, 4, 2, 1, 1, List.of(2, 2), List.of(1, 0, 0, 1), null, 1),
        new Case("every option", 3, 4, 9, 8, 4, 3, 2, List.of(2, 1), List.of(2, 0, 1, 3), List.of(2, 2), 2));
  }

  /**
   * Unit-stride convolutions with at least {@link FlippedKernel#MIN_GROUP_CHANNELS} input channels
   * per group, whose input gradient runs as the convolution with the flipped kernel.
   */
  static Stream<Case> flippedCases() {
    return Stream.of(
        new Case("3x3 pad 1", 2, 8, 5, 6, 5, 3, 3, null, List.of(1, 1, 1, 1), null, 1),
        new Case("unpadded 2x3", 1, 9, 5, 6, 4, 2, 3, null, null, null, 1),
        new Case("asymmetric pads", 1, 8, 4, 5, 3, 3, 3, null, List.of(2, 0, 1, 2), null, 1),
        new Case("dilated", 1, 8, 7, 7, 2, 3, 2, null, List.of(1, 2, 3, 1), List.of(2, 3), 1),
        new Case("grouped", 1, 16, 5, 4, 6, 3, 3, null, List.of(1, 1, 1, 1), null, 2));
  }

  @ParameterizedTest
  @MethodSource("flippedCases")
  void flippedKernelInputGradientMatchesFiniteDifferencesAndTheScatter(Case k) {
    Random r = new Random(17);
    Conv conv = k.conv(r, true);
    Tensor x = k.input(r);
    GradientCheck.standard().check(conv, x);
    Tensor y = conv.forward(List.of(x));
    Tensor g = Tensor.randomNormal(y.shape(), 1f, r);
    ConvGeometry geometry = new ConvGeometry(k.n(), k.c(), k.m(), k.group(), SlidingWindow.over("Conv",
        x.shape(), conv.kernelShape(), conv.strides(), conv.pads(), conv.dilations(), false));
    assertTrue(FlippedKernel.applies(geometry), k.name());
    float[] scattered = ConvEngine.scatteredInputGradient(g.toArray(), conv.weight(), geometry);
    assertArrayEquals(scattered, conv.inputGradient(g, x.shape()).toArray(), 1e-4f);
  }

  @Test
  void flippedKernelIsNotUsedWhereItDoesNotApply() {
    Random r = new Random(18);
    for (Case k : cases().toList()) {
      Conv conv = k.conv(r, false);
      Tensor x = k.input(r);
      ConvGeometry geometry = new ConvGeometry(k.n(), k.c(), k.m(), k.group(), SlidingWindow.over("Conv",
          x.shape(), conv.kernelShape(), conv.strides(), conv.pads(), conv.dilations(), false));
      assertTrue(!FlippedKernel.applies(geometry), k.name());
    }
    // a pad beyond the kernel's reach would need cropping
    Conv wide = new Conv(Tensor.randomNormal(Shape.of(4, 8, 3, 3), 1f, r), null, null, List.of(3, 1, 1, 1), null, 1);
    ConvGeometry geometry = new ConvGeometry(1, 8, 4, 1, SlidingWindow.over("Conv", Shape.of(1, 8, 5, 5),
        wide.kernelShape(), wide.strides(), wide.pads(), wide.dilations(), false));
    assertTrue(!FlippedKernel.applies(geometry));
    GradientCheck.standard().check(wide, Tensor.randomNormal(Shape.of(1, 8, 5, 5), 1f, r));
  }

  /**
   * The definition, as nested loops in double precision: y[n, m, oh, ow] = b[m] + sum over
   * c, i, j of w[m, c, i, j] * x[n, g * C/group + c, oh * sh - pt + i * dh, ow * sw - pl + j * dw].
   */
  static float[] reference(Tensor x, Conv conv, int outH, int outW) {
    Tensor w = conv.weight();
    int n = x.shape().dim(0);
    int h = x.shape().dim(2);
    int wd = x.shape().dim(3);
    int m = w.shape().dim(0);
    int cg = w.shape().dim(1);
    int kh = w.shape().dim(2);
    int kw = w.shape().dim(3);
    int mg = m / conv.group();
    int sh = conv.strides().get(0);
    int sw = conv.strides().get(1);
    int pt = conv.pads().get(0);
    int pl = conv.pads().get(1);
    int dh = conv.dilations().get(0);
    int dw = conv.dilations().get(1);
    float[] y = new float[n * m * outH * outW];
    int o = 0;
    for (int b = 0; b < n; b++) {
      for (int mo = 0; mo < m; mo++) {
        int g = mo / mg;
        for (int oh = 0; oh < outH; oh++) {
          for (int ow = 0; ow < outW; ow++) {
            double s = conv.bias() == null ? 0 : conv.bias().get(mo);
            for (int c = 0; c < cg; c++) {
              for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                  int ih = oh * sh - pt + i * dh;
                  int iw = ow * sw - pl + j * dw;
                  if (ih >= 0 && ih < h && iw >= 0 && iw < wd) {
                    s += (double) w.get(mo, c, i, j) * x.get(b, g * cg + c, ih, iw);
                  }
                }
              }
            }
            y[o++] = (float) s;
          }
        }
      }
    }
    return y;
  }

  private static int outExtent(int in, int k, int stride, int padBegin, int padEnd, int dilation) {
    return (in + padBegin + padEnd - dilation * (k - 1) - 1) / stride + 1;
  }

  static float[] reference(Tensor x, Conv conv) {
    Shape ws = conv.weight().shape();
    int outH = outExtent(x.shape().dim(2), ws.dim(2), conv.strides().get(0), conv.pads().get(0),
        conv.pads().get(2), conv.dilations().get(0));
    int outW = outExtent(x.shape().dim(3), ws.dim(3), conv.strides().get(1), conv.pads().get(1),
        conv.pads().get(3), conv.dilations().get(1));
    return reference(x, conv, outH, outW);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void forwardMatchesNestedLoopDefinition(Case k) {
    Random r = new Random(11);
    Conv conv = k.conv(r, true);
    Tensor x = k.input(r);
    Tensor y = conv.forward(List.of(x));
    assertArrayEquals(reference(x, conv), y.toArray(), FORWARD_TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gradientsMatchFiniteDifferences(Case k) {
    Random r = new Random(12);
    GradientCheck.standard().check(k.conv(r, true), k.input(r));
  }

  @Test
  void handComputedSmallConvolution() {
    // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], w = [[1, 0], [0, -1]], bias 0.5, stride 1, no pads
    Tensor x = Tensor.of(Shape.of(1, 1, 3, 3), 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
    Conv conv = Conv.of(Tensor.of(Shape.of(1, 1, 2, 2), 1f, 0f, 0f, -1f), Tensor.vector(0.5f));
    Tensor y = conv.forward(List.of(x));
    assertTrue(y.shape().equals(Shape.of(1, 1, 2, 2)), y.shape().toString());
    assertArrayEquals(new float[] {1 - 5 + 0.5f, 2 - 6 + 0.5f, 4 - 8 + 0.5f, 5 - 9 + 0.5f},
        y.toArray(), 0f);
  }

  @Test
  void oneDimensionalConvolutionIsTheTwoDimensionalOneWithHeightOne() {
    Random r = new Random(13);
    Tensor w = Tensor.randomNormal(Shape.of(4, 1, 3), 1f, r);
    Tensor b = Tensor.randomNormal(Shape.of(4), 1f, r);
    Tensor x = Tensor.randomNormal(Shape.of(2, 2, 11), 1f, r);
    Conv conv1 = new Conv(w, b, List.of(2), List.of(2, 1), List.of(2), 2);
    Conv conv2 = new Conv(w.reshape(4, 1, 1, 3), b, List.of(1, 2), List.of(0, 2, 0, 1),
        List.of(1, 2), 2);
    Tensor y = conv1.forward(List.of(x));
    // (11 + 3 - 5) / 2 + 1 = 5 positions
    assertTrue(y.shape().equals(Shape.of(2, 4, 5)), y.shape().toString());
    assertArrayEquals(reference(x.reshape(2, 2, 1, 11), conv2), y.toArray(), FORWARD_TOLERANCE);
    GradientCheck.standard().check(conv1, x);
  }

  @Test
  void chunkedIm2colMatchesDefinitionAndAdjoints() {
    // 2048 channels x 3x3 taps exceed the im2col budget per 64 columns, so the 9x9 output is
    // processed in two chunks (64 + 17 positions) that split an output row
    Random r = new Random(14);
    int rows = 2048 * 9;
    assertTrue((long) rows * ConvEngine.MIN_CHUNK_COLUMNS > ConvEngine.COL_BUFFER_FLOATS);
    Conv conv = new Conv(Tensor.randomNormal(Shape.of(1, 2048, 3, 3), 0.05f, r), null, null,
        List.of(1, 1, 1, 1), null, 1);
    Tensor x = Tensor.randomNormal(Shape.of(2, 2048, 9, 9), 1f, r);
    Tensor y = conv.forward(List.of(x));
    assertArrayEquals(reference(x, conv), y.toArray(), 1e-3f);
    // a convolution without bias is bilinear: <conv(x), g> = <x, dx> = <w, dw>
    Tensor g = Tensor.randomNormal(y.shape(), 1f, r);
    Gradients grads = conv.backward(BackwardContext.all(List.of(x), y, true), g);
    double expected = y.mul(g).sum();
    assertEquals(expected, x.mul(grads.input(0)).sum(), 1e-4 * Math.abs(expected) + 1e-2);
    assertEquals(expected, conv.weight().mul(grads.parameters().get("weight")).sum(),
        1e-4 * Math.abs(expected) + 1e-2);
  }

  /**
   * The weight is packed once and kept with the weight tensor; a copy with modified weights (as
   * LRP makes) must multiply with its own weight. Sizes take the blocked kernels (which read the
   * packed weight). Scaling the weight by -2 scales every product and sum exactly, so the copy's
   * forward and input gradient are exactly -2 times the original's; a rectified weight (w+, as in
   * LRP's z+ rule) is checked against the definition.
   */
  @Test
  void modifiedCopiesDoNotReuseThePackedWeightOfTheOriginal() {
    Random r = new Random(16);
    Conv conv = new Conv(Tensor.randomNormal(Shape.of(16, 32, 3, 3), 1f, r), null, null,
        List.of(1, 1, 1, 1), null, 1);
    Tensor x = Tensor.randomNormal(Shape.of(1, 32, 12, 12), 1f, r);
    Tensor y = conv.forward(List.of(x));
    Tensor g = Tensor.randomNormal(y.shape(), 1f, r);
    Tensor dx = conv.inputGradient(g, x.shape());
    assertArrayEquals(y.toArray(), conv.forward(List.of(x)).toArray(), 0f, "second call, same packed weight");
    assertArrayEquals(reference(x, conv), y.toArray(), 1e-3f);

    Conv scaled = (Conv) conv.withParameters(Parameters.of("weight", conv.weight().mul(-2f), "bias", null));
    assertArrayEquals(y.mul(-2f).toArray(), scaled.forward(List.of(x)).toArray(), 0f);
    assertArrayEquals(dx.mul(-2f).toArray(), scaled.inputGradient(g, x.shape()).toArray(), 0f);

    Conv positive = (Conv) conv.withParameters(
        Parameters.of("weight", conv.weight().map(v -> Math.max(v, 0f)), "bias", null));
    assertArrayEquals(reference(x, positive), positive.forward(List.of(x)).toArray(), 1e-3f);
    // the input gradient is the adjoint: <conv+(x), g> = <x, conv+^T(g)>
    double expected = positive.forward(List.of(x)).mul(g).sum();
    assertEquals(expected, x.mul(positive.inputGradient(g, x.shape())).sum(), 1e-4 * Math.abs(expected) + 1e-2);
  }

  @Test
  void backwardSkipsWhatIsNotAsked() {
    Random r = new Random(15);
    Case k = cases().findFirst().orElseThrow();
    Conv conv = k.conv(r, true);
    Tensor x = k.input(r);
    Tensor y = conv.forward(List.of(x));
    Gradients inputOnly = conv.backward(new BackwardContext(List.of(x), y, List.of(true), false), y);
    assertTrue(inputOnly.parameters().isEmpty());
    Gradients paramsOnly = conv.backward(new BackwardContext(List.of(x), y, List.of(false), true), y);
    assertNull(paramsOnly.input(0));
    assertTrue(paramsOnly.parameters().keySet().equals(java.util.Set.of("weight", "bias")));
  }

  @Test
  void errorsNameOpAndShapes() {
    Tensor w = Tensor.zeros(Shape.of(4, 2, 3, 3));
    assertOpError("Conv", () -> Conv.of(w, null).forward(List.of(Tensor.zeros(Shape.of(1, 3, 5, 5)))),
        "[1, 3, 5, 5]", "[4, 2, 3, 3]");

    assertOpError("Conv", () -> Conv.of(w, null).forward(List.of(Tensor.zeros(Shape.of(1, 2, 2, 5)))),
        "[1, 2, 2, 5]", "[3, 3]");

    assertOpError("Conv", () -> new Conv(w, null, null, null, null, 3), "group 3", "[4, 2, 3, 3]");

    Conv grouped = new Conv(w, null, null, null, null, 2);
    assertOpError("Conv", () -> grouped.forward(List.of(Tensor.zeros(Shape.of(1, 5, 5, 5)))),
        "group 2", "[1, 5, 5, 5]");
  }
}
