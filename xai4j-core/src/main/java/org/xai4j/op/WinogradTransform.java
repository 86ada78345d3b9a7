package org.xai4j.op;

import java.lang.invoke.MethodHandles;
import org.xai4j.kernel.Kernels;

/**
 * The three transforms of one of Winograd's minimal filtering algorithms F(t x t, 3x3), which
 * {@link Winograd} runs around its GEMMs: every {@code t x t} block of outputs (a tile) is
 * {@code A^T [(G w G^T) .* (B^T d B)] A} for the {@code (t + 2) x (t + 2)} input patch {@code d}
 * under it. Layouts, with {@code P = patch()} and {@code xi} a position of the transformed tile in
 * row-major order ({@code 0 <= xi < P * P}):
 *
 * <ul>
 *   <li>transformed weight: {@code u[(xi * m + o) * c + i]} for filter {@code o}, input channel {@code i};
 *   <li>transformed input of a chunk of tiles: {@code v[off + xi * stride + (tile - t0)]};
 *   <li>products: {@code prod[(xi * m + o) * width + (tile - t0)]}.
 * </ul>
 *
 * <p>This class walks the weights, the tiles and the output planes in those layouts once for every
 * algorithm; an algorithm supplies only its matrices' arithmetic: {@code G} applied to three values
 * ({@link #kernelTransform}), {@code B^T} applied down the columns of whole padded rows
 * ({@link #inputRows}) and then along the rows of each patch ({@link #inputColumns}), and
 * {@code A^T M A} of one tile's products ({@link #outputTile}).
 *
 * <p>Implementations are stateless, and each output element is computed by a fixed sequence of
 * operations, so the bits do not depend on how tiles are grouped into chunks.
 */
abstract sealed class WinogradTransform permits WinogradF2x2, WinogradF4x4 {
  /** The kernel extent. */
  static final int KERNEL = Winograd.KERNEL;

  private final int tile;
  private final int patch;
  private final String name;

  /** An algorithm with {@code tile x tile} output tiles, named {@code name} in messages and keys. */
  WinogradTransform(int tile, String name) {
    this.tile = tile;
    this.patch = tile + KERNEL - 1;
    this.name = name;
  }

  /** Output positions per tile side. */
  final int tile() {
    return tile;
  }

  /** Input positions per patch side: the tile plus the kernel minus one. */
  final int patch() {
    return patch;
  }

  /** A short name for messages and keys, e.g. {@code "F(2x2,3x3)"}. */
  final String name() {
    return name;
  }

  /** {@code u[xi][o][i] = (G w[o][i] G^T)[xi]} for a {@code [m, c, 3, 3]} weight, computed in double and rounded once. */
  final float[] transformWeight(float[] w, int m, int c) {
    float[] u = new float[patch * patch * m * c];
    double[] gw = new double[patch * KERNEL];
    double[] g = new double[patch];
    int plane = m * c;
    for (int o = 0; o < m; o++) {
      for (int i = 0; i < c; i++) {
        int src = (o * c + i) * KERNEL * KERNEL;
        for (int col = 0; col < KERNEL; col++) {
          kernelTransform(w[src + col], w[src + KERNEL + col], w[src + 2 * KERNEL + col], g);
          for (int row = 0; row < patch; row++) {
            gw[row * KERNEL + col] = g[row];
          }
        }
        for (int row = 0; row < patch; row++) {
          kernelTransform(gw[row * KERNEL], gw[row * KERNEL + 1], gw[row * KERNEL + 2], g);
          int dst = (row * patch) * plane + o * c + i;
          for (int col = 0; col < patch; col++) {
            u[dst + col * plane] = (float) g[col];
          }
        }
      }
    }
    return u;
  }

  /** {@code G (w0, w1, w2)^T} into {@code g[0 .. patch() - 1]}. */
  abstract void kernelTransform(double w0, double w1, double w2, double[] g);

  /**
   * {@code B^T d B} of the patches of tiles {@code [t0, t1)} (row-major over a {@code tw}-wide grid
   * of tiles) of one padded input plane starting at {@code base} in {@code p}, whose rows are
   * {@code width} floats apart and hold every patch without bounds checks; {@code rows} is scratch
   * of at least {@code patch() * width} floats. Per row of tiles, {@code B^T} combines whole padded
   * rows first (unit-stride loops the JIT vectorizes), then the columns of each tile: with the
   * vector kernels, whole vectors of tiles vectorized ({@link #vectorInputColumns}), the rest tile
   * by tile ({@link #inputColumns}); the bits are the same either way.
   */
  final void transformInput(float[] p, int base, int width, int t0, int t1, int tw, float[] v, int off, int stride,
      float[] rows) {
    WinogradVectorLoops loops = Vectorized.LOOPS;
    int t = t0;
    while (t < t1) {
      int tr = t / tw;
      int tc0 = t - tr * tw;
      int tc1 = Math.min(tw, tc0 + t1 - t);
      inputRows(p, base + tile * tr * width, width, tile * tc0, tile * tc1 + KERNEL - 1, rows);
      int o = off + t - t0;
      for (int i = 0; i < patch; i++) {
        int dst = o + (i * patch) * stride;
        int done = loops == null ? 0 : vectorInputColumns(loops, rows, i * width, tc0, tc1, v, dst, stride);
        inputColumns(rows, i * width, tc0 + done, tc1, v, dst + done, stride);
      }
      t += tc1 - tc0;
    }
  }

  /**
   * {@code B^T} down the columns {@code [lo, hi)} of the {@code patch()} padded rows from {@code r0}
   * in {@code p} ({@code width} floats apart): row {@code k} of {@code B^T} times them into
   * {@code rows[k * width + j]}.
   */
  abstract void inputRows(float[] p, int r0, int width, int lo, int hi, float[] rows);

  /**
   * {@code B^T} along one row of the row-transformed patches of tiles {@code [tc0, tc1)} of a tile
   * row (the row starts at {@code row} in {@code rows}): row {@code k} of {@code B^T} times the patch
   * row of the {@code q}-th of those tiles into {@code v[dst + k * stride + q]}.
   */
  abstract void inputColumns(float[] rows, int row, int tc0, int tc1, float[] v, int dst, int stride);

  /**
   * This algorithm's {@link WinogradVectorLoops} loop for {@link #inputColumns}: the first
   * {@code done} of the tiles, returning {@code done}; by default none (0), all tiles are left to
   * {@link #inputColumns}.
   */
  int vectorInputColumns(WinogradVectorLoops loops, float[] rows, int row, int tc0, int tc1, float[] v, int dst,
      int stride) {
    return 0;
  }

  /**
   * {@code A^T M A} of the products of tiles {@code [t0, t0 + width)} of the output channels
   * {@code [o0, o1)} of {@code m}, written to the output planes ({@code outH x outW}, plane {@code o} at
   * {@code yOff + o * outH * outW}); positions past the output's extent are dropped. With the vector
   * kernels, whole vectors of tiles run vectorized ({@link #vectorOutput}) and only the rest tile by
   * tile ({@link #outputTile}); the bits are the same either way.
   */
  final void transformOutput(float[] prod, int m, int o0, int o1, int width, int t0, int tw, int outH, int outW,
      float[] y, int yOff) {
    WinogradVectorLoops loops = Vectorized.LOOPS;
    int done = loops == null ? 0 : vectorOutput(loops, prod, m, o0, o1, width, t0, tw, outH, outW, y, yOff);
    int area = outH * outW;
    int stride = m * width;
    float[] scratch = outputScratch();
    for (int o = o0; o < o1; o++) {
      int src = o * width;
      int plane = yOff + o * area;
      int tr = (t0 + done) / tw;
      int tc = t0 + done - tr * tw;
      for (int q = done; q < width; q++) {
        int oh = tile * tr;
        int ow = tile * tc;
        outputTile(prod, src + q, stride, y, plane + oh * outW + ow, outW, outH - oh, outW - ow, scratch);
        if (++tc == tw) {
          tc = 0;
          tr++;
        }
      }
    }
  }

  /** The vectorized loops, loaded on first use (after the first GEMM has chosen the kernels). */
  private static final class Vectorized {
    static final WinogradVectorLoops LOOPS =
        Kernels.vectorImplementation(MethodHandles.lookup(), WinogradVectorLoops.class,
             "org.xai4j.op.VectorWinogradLoops");
  }

  /**
   * This algorithm's {@link WinogradVectorLoops} output loop: {@link #transformOutput} of the first
   * {@code done} tiles of the channels {@code [o0, o1)}, returning {@code done}.
   */
  abstract int vectorOutput(WinogradVectorLoops loops, float[] prod, int m, int o0, int o1, int width, int t0, int tw,
      int outH, int outW, float[] y, int yOff);

  /** Scratch for {@link #outputTile}, one per {@link #transformOutput} call (null if it needs none). */
  abstract float[] outputScratch();

  /**
   * {@code A^T M A} of one tile's products ({@code M[r][c]} at {@code prod[i + (r * patch() + c) * stride]})
   * into {@code y} from {@code dst}, in rows {@code outW} apart; of its {@code tile() x tile()} values
   * only the first {@code rowsLeft} rows and {@code colsLeft} columns are within the output and written
   * ({@code rowsLeft} and {@code colsLeft} are at least 1 and may exceed the tile). Each algorithm
   * clips with its own constant tile, so that the JIT knows the bounds.
   */
  abstract void outputTile(float[] prod, int i, int stride, float[] y, int dst, int outW, int rowsLeft, int colsLeft,
      float[] scratch);
}
