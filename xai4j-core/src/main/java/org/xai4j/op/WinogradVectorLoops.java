package org.xai4j.op;

/**
 * The loops of the Winograd transforms that the Vector API vectorizes across tiles, implemented in
 * the vector source root ({@code VectorWinogradLoops}) and used by {@link WinogradTransform} when
 * the vector kernels are in use. Each computes, per element, the same float operations in the same
 * order as the scalar code of {@link WinogradF2x2} and {@link WinogradF4x4} (no fused multiply-adds),
 * so the bits do not depend on which of the two runs; each does whole vectors of tiles only and says
 * how many tiles it did, leaving the rest to the scalar code. Arguments are those of
 * {@link WinogradTransform#transformOutput} and {@link WinogradTransform#inputColumns}.
 */
interface WinogradVectorLoops {
  /** F(2x2, 3x3)'s {@code A^T M A} of tiles {@code [t0, t0 + done)} of channels {@code [o0, o1)}; returns done. */
  int outputF2x2(float[] prod, int m, int o0, int o1, int width, int t0, int tw, int outH, int outW, float[] y,
      int yOff);

  /** F(4x4, 3x3)'s {@code A^T M A} of tiles {@code [t0, t0 + done)} of channels {@code [o0, o1)}; returns done. */
  int outputF4x4(float[] prod, int m, int o0, int o1, int width, int t0, int tw, int outH, int outW, float[] y,
      int yOff);

  /** F(2x2, 3x3)'s {@code B^T} along the patch rows of tiles {@code [tc0, tc0 + done)}; returns {@code done}. */
  int inputColumnsF2x2(float[] rows, int row, int tc0, int tc1, float[] v, int dst, int stride);
}
