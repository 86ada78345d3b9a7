package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.kernel.Kernels;

/**
 * The vectorized loops give the bits of the scalar ones: {@link WinogradTransform#transformOutput}
 * and {@link WinogradTransform#transformInput} (which run them when the vector kernels are in use,
 * as in these tests) against {@code outputTile} and {@code inputColumns} tile by tile, on grids
 * whose rows of tiles are shorter and longer than a vector, ragged at the edges, and on chunks that
 * start and end inside rows of tiles.
 */
class WinogradVectorLoopsTest {
  static Stream<Arguments> grids() {
    return Stream.of(WinogradF2x2.INSTANCE, WinogradF4x4.INSTANCE).flatMap(f -> Stream.of(
        Arguments.of(f.name(), 27, 25, 19), Arguments.of(f.name(), 56, 56, 64), Arguments.of(f.name(), 13, 150, 37),
        Arguments.of(f.name(), 28, 28, 1000)));
  }

  private static WinogradTransform algorithm(String name) {
    return name.equals(WinogradF2x2.INSTANCE.name()) ? WinogradF2x2.INSTANCE : WinogradF4x4.INSTANCE;
  }

  @ParameterizedTest(name = "{0} {1}x{2}, chunks of {3}")
  @MethodSource("grids")
  void theOutputTransformHasTheBitsOfTheTileByTileOne(String name, int outH, int outW, int chunk) {
    assertEquals("vector", Kernels.provider());
    WinogradTransform f = algorithm(name);
    int m = 3;
    int t = f.tile();
    int tw = (outW + t - 1) / t;
    int tiles = tw * ((outH + t - 1) / t);
    Random r = new Random(5);
    float[] fast = new float[m * outH * outW];
    float[] plain = new float[fast.length];
    for (int t0 = 0; t0 < tiles; t0 += chunk) {
      int width = Math.min(chunk, tiles - t0);
      float[] prod = new float[f.patch() * f.patch() * m * width];
      for (int i = 0; i < prod.length; i++) {
        prod[i] = (float) r.nextGaussian();
      }
      // in two channel ranges, as a single-chunk layer splits them over the threads
      f.transformOutput(prod, m, 0, 1, width, t0, tw, outH, outW, fast, 0);
      f.transformOutput(prod, m, 1, m, width, t0, tw, outH, outW, fast, 0);
      float[] scratch = f.outputScratch();
      for (int o = 0; o < m; o++) {
        for (int q = 0; q < width; q++) {
          int oh = t * ((t0 + q) / tw);
          int ow = t * ((t0 + q) % tw);
          f.outputTile(prod, o * width + q, m * width, plain, o * outH * outW + oh * outW + ow, outW, outH - oh,
              outW - ow, scratch);
        }
      }
    }
    assertArrayEquals(plain, fast);
  }

  @ParameterizedTest(name = "{0} {1}x{2}, chunks of {3}")
  @MethodSource("grids")
  void theInputTransformHasTheBitsOfTheTileByTileOne(String name, int outH, int outW, int chunk) {
    WinogradTransform f = algorithm(name);
    int t = f.tile();
    int tw = (outW + t - 1) / t;
    int th = (outH + t - 1) / t;
    int width = t * tw + 2;
    int height = t * th + 2;
    Random r = new Random(6);
    float[] p = new float[height * width];
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) r.nextGaussian();
    }
    int positions = f.patch() * f.patch();
    float[] rows = new float[f.patch() * width];
    for (int t0 = 0; t0 < tw * th; t0 += chunk) {
      int t1 = Math.min(tw * th, t0 + chunk);
      int n = t1 - t0;
      float[] fast = new float[positions * n];
      f.transformInput(p, 0, width, t0, t1, tw, fast, 0, n, rows);
      float[] plain = new float[positions * n];
      for (int tile = t0; tile < t1; tile++) {
        int tr = tile / tw;
        int tc = tile % tw;
        f.inputRows(p, t * tr * width, width, t * tc, t * tc + f.patch(), rows);
        for (int i = 0; i < f.patch(); i++) {
          f.inputColumns(rows, i * width, tc, tc + 1, plain, tile - t0 + i * f.patch() * n, n);
        }
      }
      assertArrayEquals(plain, fast, "tiles " + t0 + " to " + t1);
    }
  }
}
