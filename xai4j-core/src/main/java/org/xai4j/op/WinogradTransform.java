package org.xai4j.op;

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
 * Implementations are stateless, and each output element is computed by a fixed sequence of
 * operations, so the bits do not depend on how tiles are grouped into chunks.
 */
interface WinogradTransform {
  /** Output positions per tile side. */
  int tile();

  /** Input positions per patch side: the tile plus the kernel minus one. */
  default int patch() {
    return tile() + Winograd.KERNEL - 1;
  }

  /** A short name for messages and keys, e.g. {@code "F(2x2,3x3)"}. */
  String name();

  /** {@code u[xi][o][i] = (G w[o][i] G^T)[xi]} for a {@code [m, c, 3, 3]} weight, computed in double and rounded once. */
  float[] transformWeight(float[] w, int m, int c);

  /**
   * {@code B^T d B} of the patches of tiles {@code [t0, t1)} (row-major over a {@code tw}-wide grid
   * of tiles) of one padded input plane starting at {@code base} in {@code p}, whose rows are
   * {@code width} floats apart and hold every patch without bounds checks; {@code rows} is scratch
   * of at least {@code patch() * width} floats.
   */
  void transformInput(float[] p, int base, int width, int t0, int t1, int tw, float[] v, int off, int stride,
      float[] rows);

  /**
   * {@code A^T M A} of the products of tiles {@code [t0, t0 + width)} of every one of the {@code m}
   * output channels, written to the output planes ({@code outH x outW}, plane {@code o} at
   * {@code yOff + o * outH * outW}); positions past the output's extent are dropped.
   */
  void transformOutput(float[] prod, int m, int width, int t0, int tw, int outH, int outW, float[] y, int yOff);
}
