package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xai4j.op.OpAssertions.assertOpError;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class ConvTransposeTest {
  private static final float FORWARD_TOLERANCE = 1e-4f;

  /** One transposed convolution configuration: input [n, c, h, w], weight [c, m / group, kh, kw]. */
  record Case(String name, int n, int c, int h, int w, int m, int kh, int kw, List<Integer> strides,
      List<Integer> pads, List<Integer> outputPadding, List<Integer> dilations, int group) {
    ConvTranspose op(Random r) {
      return new ConvTranspose(Tensor.randomNormal(Shape.of(c, m / group, kh, kw), 1f, r),
          Tensor.randomNormal(Shape.of(m), 1f, r), strides, pads, outputPadding, dilations, group);
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
        new Case("plain", 2, 3, 3, 4, 2, 3, 3, null, null, null, null, 1),
        new Case("strided with output padding", 1, 2, 3, 3, 3, 3, 2, List.of(2, 3), null,
            List.of(1, 2), null, 1),
        new Case("asymmetric pads", 1, 2, 4, 3, 2, 3, 3, List.of(2, 2), List.of(1, 0, 2, 1),
            null, null, 1),
        new Case("dilated", 1, 2, 3, 4, 2, 2, 3, null, null, null, List.of(2, 3), 1),
        new Case("grouped, every option", 2, 4, 3, 3, 6, 3, 2, List.of(2, 1), List.of(1, 0, 0, 1),
            List.of(1, 0), List.of(1, 2), 2));
  }

  /**
   * The definition as scatter loops in double precision: every x[n, c, i, j] adds
   * x * w[c, mo, a, b] to y[n, g * M/group + mo, i * sh - pt + a * dh, j * sw - pl + b * dw].
   */
  static float[] reference(Tensor x, ConvTranspose op, Shape out) {
    Tensor w = op.weight();
    int cg = w.shape().dim(0) / op.group();
    int mg = w.shape().dim(1);
    double[] y = new double[out.size()];
    int outH = out.dim(2);
    int outW = out.dim(3);
    int m = out.dim(1);
    for (int n = 0; n < x.shape().dim(0); n++) {
      for (int c = 0; c < x.shape().dim(1); c++) {
        int g = c / cg;
        for (int i = 0; i < x.shape().dim(2); i++) {
          for (int j = 0; j < x.shape().dim(3); j++) {
            for (int mo = 0; mo < mg; mo++) {
              for (int a = 0; a < w.shape().dim(2); a++) {
                for (int b = 0; b < w.shape().dim(3); b++) {
                  int oh = i * op.strides().get(0) - op.pads().get(0) + a * op.dilations().get(0);
                  int ow = j * op.strides().get(1) - op.pads().get(1) + b * op.dilations().get(1);
                  if (oh >= 0 && oh < outH && ow >= 0 && ow < outW) {
                    y[((n * m + g * mg + mo) * outH + oh) * outW + ow] +=
                        (double) x.get(n, c, i, j) * w.get(c, mo, a, b);
                  }
                }
              }
            }
          }
        }
      }
    }
    float[] f = new float[y.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) (y[i] + op.bias().get((i / (outH * outW)) % m));
    }
    return f;
  }

  private static int outExtent(int in, int k, int s, int padBegin, int padEnd, int outPad, int d) {
    return s * (in - 1) + outPad + d * (k - 1) + 1 - padBegin - padEnd;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void forwardMatchesScatterDefinition(Case k) {
    Random r = new Random(21);
    ConvTranspose op = k.op(r);
    Tensor x = k.input(r);
    Tensor y = op.forward(List.of(x));
    Shape expected = Shape.of(k.n(), k.m(),
        outExtent(k.h(), k.kh(), op.strides().get(0), op.pads().get(0), op.pads().get(2),
            op.outputPadding().get(0), op.dilations().get(0)),
        outExtent(k.w(), k.kw(), op.strides().get(1), op.pads().get(1), op.pads().get(3),
            op.outputPadding().get(1), op.dilations().get(1)));
    assertEquals(expected, y.shape());
    assertArrayEquals(reference(x, op, expected), y.toArray(), FORWARD_TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gradientsMatchFiniteDifferences(Case k) {
    Random r = new Random(22);
    GradientCheck.standard().check(k.op(r), k.input(r));
  }

  @Test
  void isTheInputGradientOfTheConvolutionWithTheSameWeight() {
    Random r = new Random(23);
    Tensor w = Tensor.randomNormal(Shape.of(4, 3, 3, 3), 1f, r);
    Conv conv = new Conv(w, null, List.of(2, 2), List.of(1, 1, 1, 1), null, 1);
    ConvTranspose transposed =
        new ConvTranspose(w, null, List.of(2, 2), List.of(1, 1, 1, 1), null, null, 1);
    Tensor g = Tensor.randomNormal(Shape.of(1, 4, 4, 4), 1f, r);
    // conv of a 7x7 input gives 4x4; the transposed convolution of 4x4 gives 7x7
    Tensor viaConv = conv.inputGradient(g, Shape.of(1, 3, 7, 7));
    Tensor viaTranspose = transposed.forward(List.of(g));
    assertArrayEquals(viaConv.toArray(), viaTranspose.toArray(), 0f);
  }

  @Test
  void oneDimensionalIsTheTwoDimensionalOneWithHeightOne() {
    Random r = new Random(24);
    Tensor w = Tensor.randomNormal(Shape.of(2, 3, 3), 1f, r);
    Tensor b = Tensor.randomNormal(Shape.of(3), 1f, r);
    Tensor x = Tensor.randomNormal(Shape.of(2, 2, 5), 1f, r);
    ConvTranspose op1 = new ConvTranspose(w, b, List.of(2), List.of(1, 0), List.of(1), List.of(2), 1);
    ConvTranspose op2 = new ConvTranspose(w.reshape(2, 3, 1, 3), b, List.of(1, 2),
        List.of(0, 1, 0, 0), List.of(0, 1), List.of(1, 2), 1);
    Tensor y = op1.forward(List.of(x));
    // 2 * (5 - 1) + 1 + 2 * (3 - 1) + 1 - 1 = 13 positions
    assertEquals(Shape.of(2, 3, 13), y.shape());
    assertArrayEquals(reference(x.reshape(2, 2, 1, 5), op2, Shape.of(2, 3, 1, 13)), y.toArray(),
        FORWARD_TOLERANCE);
    GradientCheck.standard().check(op1, x);
  }

  @Test
  void errorsNameOpAndShapes() {
    Tensor w = Tensor.zeros(Shape.of(4, 2, 3, 3));
    assertOpError("ConvTranspose", () -> ConvTranspose.of(w, null).forward(List.of(Tensor.zeros(Shape.of(1, 3, 5, 5)))),
        "[1, 3, 5, 5]", "[4, 2, 3, 3]");
    assertOpError("ConvTranspose", () -> new ConvTranspose(w, null, null, null, null, null, 3),
        "group 3", "[4, 2, 3, 3]");
  }
}
