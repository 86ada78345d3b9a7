package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.op.Winograd.Setting;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class WinogradTest {
  private static final WinogradTransform F2 = WinogradF2x2.INSTANCE;
  private static final WinogradTransform F4 = WinogradF4x4.INSTANCE;

  /** Geometries that both algorithms take (each has at least 16 tiles of 4x4). */
  static Stream<ConvTest.Case> cases() {
    return Stream.of(
        new ConvTest.Case("pad 1, even extent", 2, 16, 16, 16, 16, 3, 3, null, List.of(1, 1, 1, 1), null, 1),
        new ConvTest.Case("pad 1, ragged tiles", 1, 17, 14, 15, 18, 3, 3, null, List.of(1, 1, 1, 1), null, 1),
        new ConvTest.Case("unpadded", 1, 16, 19, 18, 20, 3, 3, null, null, null, 1),
        new ConvTest.Case("asymmetric pads", 2, 16, 13, 17, 16, 3, 3, null, List.of(2, 0, 1, 2), null, 1),
        new ConvTest.Case("many chunks", 1, 64, 80, 72, 16, 3, 3, null, List.of(1, 1, 1, 1), null, 1),
        // enough chunks per thread for full-width chunks and a ragged last one per sample
        new ConvTest.Case("full-width chunks", 4, 16, 40, 40, 16, 3, 3, null, List.of(1, 1, 1, 1), null, 1),
        new ConvTest.Case("VGG-like depth", 1, 256, 28, 28, 32, 3, 3, null, List.of(1, 1, 1, 1), null, 1));
  }

  static Stream<Arguments> casesByAlgorithm() {
    return Stream.of(F2, F4).flatMap(f -> cases().map(k -> Arguments.of(f.name(), k)));
  }

  private static WinogradTransform algorithm(String name) {
    return name.equals(F2.name()) ? F2 : F4;
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
   * Against the double-precision definition, relative to the largest output. F(2x2, 3x3): the
   * largest error within 4 times the direct path's own (float32 sums of 9 C products) plus 1e-6,
   * and the result within 1e-5 of the direct path's. F(4x4, 3x3), whose transforms amplify rounding
   * (entries up to 8 in {@code A^T}, 5 in {@code B^T}): the root-mean-square error within 16 times
   * the direct path's, the largest within {@value #F4_MAX_ERROR} (measured: 4e-6 at 16 input
   * channels, 1.2e-5 at 256, against the direct path's 3e-7 to 5e-7).
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("casesByAlgorithm")
  void matchesTheDefinitionNearlyAsCloselyAsTheDirectPath(String name, ConvTest.Case k) {
    WinogradTransform f = algorithm(name);
    Random r = new Random(21);
    Conv conv = k.conv(r, false);
    Tensor x = k.input(r);
    ConvGeometry g = geometry(k, conv, x.shape());
    assertTrue(Winograd.fits(g, f), k.name());
    float[] exact = ConvTest.reference(x, conv);
    Errors fast = Errors.of(Winograd.forward(x.toArray(), conv.weight(), g, f), exact);
    Errors direct = Errors.of(ConvEngine.im2colForward(x.toArray(), conv.weight(), g), exact);
    String what = name + " " + k.name() + ": winograd " + fast + ", direct " + direct;
    if (f == F2) {
      assertTrue(fast.max() < 4 * direct.max() + 1e-6, what);
      assertTrue(fast.rms() < 4 * direct.rms(), what);
      assertArrayEquals(ConvEngine.im2colForward(x.toArray(), conv.weight(), g),
          Winograd.forward(x.toArray(), conv.weight(), g, f), (float) (1e-5 * maxAbs(exact)), k.name());
    } else {
      assertTrue(fast.max() < F4_MAX_ERROR, what);
      assertTrue(fast.rms() < 16 * direct.rms(), what);
    }
  }

  /** The F(4x4, 3x3) bound on the largest error relative to the largest output. */
  static final double F4_MAX_ERROR = 3e-5;

  /** The largest and the root-mean-square difference from a reference, both relative to its largest magnitude. */
  record Errors(double max, double rms) {
    static Errors of(float[] y, float[] exact) {
      double scale = maxAbs(exact);
      double max = 0;
      double squares = 0;
      for (int i = 0; i < exact.length; i++) {
        double d = Math.abs(y[i] - exact[i]) / scale;
        max = Math.max(max, d);
        squares += d * d;
      }
      return new Errors(max, Math.sqrt(squares / exact.length));
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "max %.2e rms %.2e", max, rms);
    }
  }

  /**
   * Finite differences through the op, under the default setting, on a geometry that takes each
   * algorithm. The convolution is linear, so the quotient is exact up to rounding whatever the
   * step: a long step keeps F(4x4, 3x3)'s larger float32 rounding small against it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("gradientCases")
  void gradientsMatchFiniteDifferences(String name, ConvTest.Case k) {
    Random r = new Random(22);
    Conv conv = k.conv(r, true);
    Tensor x = k.input(r);
    ConvGeometry g = geometry(k, conv, x.shape());
    assertSame(algorithm(name), Winograd.transformFor(g), k.name());
    assertSame(algorithm(name), Winograd.transformFor(FlippedKernel.geometry(g)), k.name() + ", input gradient");
    GradientCheck.with(0.5, 2e-3).check(conv, x);
  }

  static Stream<Arguments> gradientCases() {
    return Stream.of(
        Arguments.of(F2.name(), new ConvTest.Case("8x8", 2, 16, 8, 8, 16, 3, 3, null, List.of(1, 1, 1, 1), null, 1)),
        Arguments.of(F2.name(), new ConvTest.Case("odd", 1, 17, 9, 11, 18, 3, 3, null, List.of(2, 0, 1, 2), null, 1)),
        Arguments.of(F4.name(), new ConvTest.Case("ragged", 1, 128, 22, 23, 128, 3, 3, null, List.of(1, 1, 1, 1),
            null, 1)),
        Arguments.of(F4.name(), new ConvTest.Case("asymmetric", 1, 128, 21, 25, 128, 3, 3, null, List.of(2, 0, 1, 2),
            null, 1)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("casesByAlgorithm")
  void theInputGradientRunsAsAFastConvolutionToo(String name, ConvTest.Case k) {
    WinogradTransform f = algorithm(name);
    Random r = new Random(23);
    Conv conv = k.conv(r, false);
    Tensor x = k.input(r);
    ConvGeometry g = geometry(k, conv, x.shape());
    ConvGeometry flipped = FlippedKernel.geometry(g);
    assertTrue(FlippedKernel.applies(g) && Winograd.fits(flipped, f));
    Tensor y = conv.forward(List.of(x));
    Tensor gy = Tensor.randomNormal(y.shape(), 1f, r);
    float[] scattered = ConvEngine.scatteredInputGradient(gy.toArray(), conv.weight(), g);
    float[] fast = Winograd.forward(gy.toArray(), FlippedKernel.of(conv.weight(), g), flipped, f);
    assertArrayEquals(scattered, fast, (float) ((f == F2 ? 1e-5 : F4_MAX_ERROR) * maxAbs(scattered)), k.name());
    double expected = y.mul(gy).sum();
    double norm = Math.sqrt(y.mul(y).sum() * gy.mul(gy).sum());
    assertEquals(expected, x.mul(Tensor.of(x.shape(), fast)).sum(), 1e-5 * norm, k.name() + ": adjoint identity");
  }

  @Test
  void onlyUnitStrideUngrouped3x3ConvolutionsWithEnoughChannelsAndTiles() {
    Random r = new Random(24);
    Tensor w = Tensor.randomNormal(Shape.of(16, 16, 3, 3), 1f, r);
    Shape in = Shape.of(1, 16, 8, 8);
    assertTrue(fits(new Conv(w, null, null, List.of(1, 1, 1, 1), null, 1), in, F2));
    assertFalse(fits(new Conv(w, null, List.of(2, 2), List.of(1, 1, 1, 1), null, 1), in, F2));
    assertFalse(fits(new Conv(w, null, null, List.of(2, 2, 2, 2), List.of(2, 2), 1), in, F2));
    assertFalse(fits(new Conv(Tensor.randomNormal(Shape.of(16, 8, 3, 3), 1f, r), null, null, null, null, 2), in, F2));
    assertFalse(fits(new Conv(Tensor.randomNormal(Shape.of(16, 16, 2, 2), 1f, r), null, null, null, null, 1), in, F2));
    assertFalse(fits(new Conv(Tensor.randomNormal(Shape.of(8, 16, 3, 3), 1f, r), null, null, null, null, 1), in, F2));
    assertFalse(fits(new Conv(w, null, null, null, null, 1), Shape.of(1, 16, 8, 9), F2), "3 x 4 tiles");
    assertFalse(fits(new Conv(w, null, null, List.of(1, 1, 1, 1), null, 1), in, F4), "2 x 2 tiles of 4x4");
    assertTrue(fits(new Conv(w, null, null, List.of(1, 1, 1, 1), null, 1), Shape.of(1, 16, 13, 16), F4));
  }

  private static ConvGeometry geometry(Conv conv, Shape input) {
    int m = conv.weight().shape().dim(0);
    return new ConvGeometry(input.dim(0), input.dim(1), m, conv.group(), SlidingWindow.over("Conv",
        input, conv.kernelShape(), conv.strides(), conv.pads(), conv.dilations(), false));
  }

  private static boolean fits(Conv conv, Shape input, WinogradTransform f) {
    return Winograd.fits(geometry(conv, input), f);
  }

  @Test
  void eachSettingChoosesItsAlgorithm() {
    Conv conv = new Conv(Tensor.randomNormal(Shape.of(16, 16, 3, 3), 1f, new Random(25)), null, null,
        List.of(1, 1, 1, 1), null, 1);
    ConvGeometry large = geometry(conv, Shape.of(1, 16, 16, 16));
    ConvGeometry small = geometry(conv, Shape.of(1, 16, 8, 8));
    Conv deep = new Conv(Tensor.zeros(Shape.of(128, 128, 3, 3)), null, null, List.of(1, 1, 1, 1), null, 1);
    Conv narrow = new Conv(Tensor.zeros(Shape.of(128, 64, 3, 3)), null, null, List.of(1, 1, 1, 1), null, 1);
    assertSame(F4, Winograd.transformFor(geometry(deep, Shape.of(1, 128, 28, 28)), Setting.AUTO), "49 tiles");
    assertSame(F2, Winograd.transformFor(geometry(deep, Shape.of(1, 128, 14, 14)), Setting.AUTO), "16 tiles");
    assertSame(F2, Winograd.transformFor(geometry(narrow, Shape.of(1, 64, 28, 28)), Setting.AUTO), "64 to 128");
    assertSame(F2, Winograd.transformFor(large, Setting.AUTO), "16 channels");
    assertSame(F2, Winograd.transformFor(small, Setting.AUTO));
    assertSame(F2, Winograd.transformFor(large, Setting.F2X2));
    assertSame(F4, Winograd.transformFor(large, Setting.F4X4));
    assertNull(Winograd.transformFor(small, Setting.F4X4));
    assertNull(Winograd.transformFor(large, Setting.DIRECT));
  }

  @Test
  void theSwitchNamesAnAlgorithmOrTheDirectPath() {
    assertEquals(Setting.AUTO, Winograd.setting(null));
    assertEquals(Setting.AUTO, Winograd.setting(" TRUE "));
    assertEquals(Setting.AUTO, Winograd.setting("auto"));
    assertEquals(Setting.DIRECT, Winograd.setting("false"));
    assertEquals(Setting.F2X2, Winograd.setting("2x2"));
    assertEquals(Setting.F4X4, Winograd.setting("4X4"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Winograd.setting("off"));
    assertTrue(e.getMessage().contains("-Dxai4j.conv.winograd=off"), e.getMessage());
    assertTrue(e.getMessage().contains("2x2, 4x4"), e.getMessage());
  }
}
