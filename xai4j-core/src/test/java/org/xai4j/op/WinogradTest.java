package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class WinogradTest {
  static Stream<ConvTest.Case> cases() {
    return Stream.of(
        new ConvTest.Case("pad 1, even extent", 2, 16, 8, 8, 16, 3, 3, null, List.of(1, 1, 1, 1), null, 1),
        new ConvTest.Case("pad 1, odd extents", 1, 17, 9, 11, 18, 3, 3, null, List.of(1, 1, 1, 1), null, 1),
        new ConvTest.Case("unpadded", 1, 16, 11, 10, 20, 3, 3, null, null, null, 1),
        new ConvTest.Case("asymmetric pads", 2, 16, 7, 9, 16, 3, 3, null, List.of(2, 0, 1, 2), null, 1),
        new ConvTest.Case("many chunks", 1, 64, 80, 72, 16, 3, 3, null, List.of(1, 1, 1, 1), null, 1));
  }

  private static ConvGeometry geometry(ConvTest.Case k, Conv conv, Shape input) {
    return new ConvGeometry(k.n(), k.c(), k.m(), k.group(), SlidingWindow.over("Conv", input,
        conv.kernelShape(), conv.strides(), conv.pads(), conv.dilations(), false));
  }

  private static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /**
   * Against the double-precision definition the fast algorithm's error is of the order of the
   * direct path's (float32 sums of 9 C products), here within 4 times the direct path's own error
   * plus a few ulps of the largest output.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void matchesTheDefinitionAsCloselyAsTheDirectPath(ConvTest.Case k) {
    Random r = new Random(21);
    Conv conv = k.conv(r, false);
    Tensor x = k.input(r);
    ConvGeometry g = geometry(k, conv, x.shape());
    assertTrue(Winograd.fits(g), k.name());
    float[] exact = ConvTest.reference(x, conv);
    float[] fast = Winograd.forward(x.toArray(), conv.weight(), g);
    float[] direct = ConvEngine.im2colForward(x.toArray(), conv.weight(), g);
    double scale = maxAbs(exact);
    double fastError = 0;
    double directError = 0;
    for (int i = 0; i < exact.length; i++) {
      fastError = Math.max(fastError, Math.abs(fast[i] - exact[i]) / scale);
      directError = Math.max(directError, Math.abs(direct[i] - exact[i]) / scale);
    }
    assertTrue(fastError < 4 * directError + 1e-6, k.name() + ": winograd " + fastError + ", direct " + directError);
    assertArrayEquals(direct, fast, (float) (1e-5 * scale), k.name());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gradientsMatchFiniteDifferences(ConvTest.Case k) {
    if (k.h() * k.w() > 100) {
      return; // the large case only checks the forward pass (finite differences would take minutes)
    }
    Random r = new Random(22);
    Conv conv = k.conv(r, true);
    Tensor x = k.input(r);
    assertTrue(Winograd.applies(geometry(k, conv, x.shape())), k.name());
    GradientCheck.standard().check(conv, x);
  }

  @Test
  void theInputGradientRunsAsAFastConvolutionToo() {
    Random r = new Random(23);
    ConvTest.Case k = cases().findFirst().orElseThrow();
    Conv conv = k.conv(r, false);
    Tensor x = k.input(r);
    ConvGeometry g = geometry(k, conv, x.shape());
    assertTrue(FlippedKernel.applies(g) && Winograd.applies(FlippedKernel.geometry(g)));
    Tensor y = conv.forward(List.of(x));
    Tensor gy = Tensor.randomNormal(y.shape(), 1f, r);
    float[] scattered = ConvEngine.scatteredInputGradient(gy.toArray(), conv.weight(), g);
    float[] fast = conv.inputGradient(gy, x.shape()).toArray();
    assertArrayEquals(scattered, fast, (float) (1e-5 * maxAbs(scattered)));
    double expected = y.mul(gy).sum();
    assertEquals(expected, x.mul(Tensor.of(x.shape(), fast)).sum(), 1e-4 * Math.abs(expected) + 1e-2);
  }

  @Test
  void onlyUnitStrideUngrouped3x3ConvolutionsWithEnoughChannelsAndTiles() {
    Random r = new Random(24);
    Tensor w = Tensor.randomNormal(Shape.of(16, 16, 3, 3), 1f, r);
    Shape in = Shape.of(1, 16, 8, 8);
    assertTrue(fits(new Conv(w, null, null, List.of(1, 1, 1, 1), null, 1), in));
    assertFalse(fits(new Conv(w, null, List.of(2, 2), List.of(1, 1, 1, 1), null, 1), in));
    assertFalse(fits(new Conv(w, null, null, List.of(2, 2, 2, 2), List.of(2, 2), 1), in));
    assertFalse(fits(new Conv(Tensor.randomNormal(Shape.of(16, 8, 3, 3), 1f, r), null, null, null, null, 2), in));
    assertFalse(fits(new Conv(Tensor.randomNormal(Shape.of(16, 16, 2, 2), 1f, r), null, null, null, null, 1), in));
    assertFalse(fits(new Conv(Tensor.randomNormal(Shape.of(8, 16, 3, 3), 1f, r), null, null, null, null, 1), in));
    assertFalse(fits(new Conv(w, null, null, null, null, 1), Shape.of(1, 16, 8, 9)), "3 x 4 tiles");
  }

  private static boolean fits(Conv conv, Shape input) {
    int m = conv.weight().shape().dim(0);
    ConvGeometry g = new ConvGeometry(input.dim(0), input.dim(1), m, conv.group(), SlidingWindow.over("Conv",
        input, conv.kernelShape(), conv.strides(), conv.pads(), conv.dilations(), false));
    return Winograd.fits(g);
  }

  @Test
  void theSwitchIsTrueOrFalse() {
    assertTrue(Winograd.enabled(null));
    assertTrue(Winograd.enabled(" TRUE "));
    assertFalse(Winograd.enabled("false"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Winograd.enabled("off"));
    assertTrue(e.getMessage().contains("-Dxai4j.conv.winograd=off"), e.getMessage());
  }
}
