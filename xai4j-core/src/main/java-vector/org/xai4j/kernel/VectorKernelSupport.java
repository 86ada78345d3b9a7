package org.xai4j.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link KernelSupport} on the Vector API ({@code jdk.incubator.vector}); with the Winograd
 * transform loops ({@code org.xai4j.op.VectorWinogradLoops}, reached through
 * {@link Kernels#vectorImplementation}) the only code in xai4j that touches the incubator module.
 * It lives in its own source root, compiled with
 * {@code --add-modules jdk.incubator.vector}, and {@link KernelProvider} loads it reflectively
 * only after checking that the module is readable, so the scalar path never loads it.
 *
 * <p>SGEMM runs the shared {@link BlockedSgemm} driver with an 8 x (2 vectors) broadcast-FMA
 * micro-kernel: 16 vector accumulators, two B loads and eight A broadcasts per depth step (8 x 32
 * floats with 512-bit vectors). Larger register blocks (14 x 32) were seen to JIT-compile badly on
 * JDK 25 in some JVM starts (about 1 GFLOP/s); this modest block compiled well in every start we
 * tried on JDK 17 and 25 (about 200 GFLOP/s per core on L1-resident data here), and
 * {@link ThroughputCheck} guards against the rest. Matrix-vector products run
 * {@link VectorMatVecKernel}.
 */
final class VectorKernelSupport extends BlockedKernelSupport {
  /** The widest float shape the CPU runs natively (16 lanes with AVX-512, 8 with AVX2). */
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  /** Narrower vectors (or none: a 64-bit "preferred" shape) gain nothing over the scalar twin. */
  static final int MIN_VECTOR_BITS = 128;

  /**
   * @throws UnsupportedOperationException when the CPU's preferred float vector is narrower than
   *     {@value #MIN_VECTOR_BITS} bits
   */
  VectorKernelSupport() {
    super("vector", checkedMicroKernel(), new VectorMatVecKernel());
  }

  private static MicroKernel checkedMicroKernel() {
    if (SPECIES.vectorBitSize() < MIN_VECTOR_BITS) {
      throw new UnsupportedOperationException("the preferred float vector is " + SPECIES.vectorBitSize()
          + " bits wide, narrower than " + MIN_VECTOR_BITS);
    }
    return new BroadcastFmaMicroKernel();
  }

  /**
   * {@code MR x NR} = 8 x (2 x lanes). The accumulators are sixteen locals rather than an array so
   * that C2 keeps them in registers (16 of the 32 AVX-512 registers, plus 2 for B and 1 for the
   * broadcast). {@code KC = 256} keeps the B sliver (256 x 32 floats = 32 KiB) in L1 while the A
   * slivers stream from L2. Depth is summed in order with one FMA per step.
   */
  static final class BroadcastFmaMicroKernel implements MicroKernel {
    private static final int MR = 8;
    private static final int LANES = SPECIES.length();
    private static final int NR = 2 * LANES;
    private static final int KC = 256;

    @Override
    public int mr() {
      return MR;
    }

    @Override
    public int nr() {
      return NR;
    }

    @Override
    public int kc() {
      return KC;
    }

    @Override
    public void multiply(int kc, float[] a, int aIdx, int aRowStride, int aDepthStride, float[] b, int bIdx,
        int bStride, float[] c, int cIdx, int ldc, float beta) {
      int r1 = aRowStride;
      int r2 = 2 * aRowStride;
      int r3 = 3 * aRowStride;
      int r4 = 4 * aRowStride;
      int r5 = 5 * aRowStride;
      int r6 = 6 * aRowStride;
      int r7 = 7 * aRowStride;
      FloatVector zero = FloatVector.zero(SPECIES);
      FloatVector c00 = zero;
      FloatVector c01 = zero;
      FloatVector c10 = zero;
      FloatVector c11 = zero;
      FloatVector c20 = zero;
      FloatVector c21 = zero;
      FloatVector c30 = zero;
      FloatVector c31 = zero;
      FloatVector c40 = zero;
      FloatVector c41 = zero;
      FloatVector c50 = zero;
      FloatVector c51 = zero;
      FloatVector c60 = zero;
      FloatVector c61 = zero;
      FloatVector c70 = zero;
      FloatVector c71 = zero;
      int ai = aIdx;
      int bi = bIdx;
      for (int p = 0; p < kc; p++, ai += aDepthStride, bi += bStride) {
        FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
        FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
        FloatVector x = FloatVector.broadcast(SPECIES, a[ai]);
        c00 = x.fma(b0, c00);
        c01 = x.fma(b1, c01);
        x = FloatVector.broadcast(SPECIES, a[ai + r1]);
        c10 = x.fma(b0, c10);
        c11 = x.fma(b1, c11);
        x = FloatVector.broadcast(SPECIES, a[ai + r2]);
        c20 = x.fma(b0, c20);
        c21 = x.fma(b1, c21);
        x = FloatVector.broadcast(SPECIES, a[ai + r3]);
        c30 = x.fma(b0, c30);
        c31 = x.fma(b1, c31);
        x = FloatVector.broadcast(SPECIES, a[ai + r4]);
        c40 = x.fma(b0, c40);
        c41 = x.fma(b1, c41);
        x = FloatVector.broadcast(SPECIES, a[ai + r5]);
        c50 = x.fma(b0, c50);
        c51 = x.fma(b1, c51);
        x = FloatVector.broadcast(SPECIES, a[ai + r6]);
        c60 = x.fma(b0, c60);
        c61 = x.fma(b1, c61);
        x = FloatVector.broadcast(SPECIES, a[ai + r7]);
        c70 = x.fma(b0, c70);
        c71 = x.fma(b1, c71);
      }
      // The stores are written out, not factored into a helper taking vectors: when C2 does not
      // inline such a helper (seen on JDK 25) every vector is boxed and throughput collapses.
      if (beta == 0f) {
        int r = cIdx;
        c00.intoArray(c, r);
        c01.intoArray(c, r + LANES);
        r += ldc;
        c10.intoArray(c, r);
        c11.intoArray(c, r + LANES);
        r += ldc;
        c20.intoArray(c, r);
        c21.intoArray(c, r + LANES);
        r += ldc;
        c30.intoArray(c, r);
        c31.intoArray(c, r + LANES);
        r += ldc;
        c40.intoArray(c, r);
        c41.intoArray(c, r + LANES);
        r += ldc;
        c50.intoArray(c, r);
        c51.intoArray(c, r + LANES);
        r += ldc;
        c60.intoArray(c, r);
        c61.intoArray(c, r + LANES);
        r += ldc;
        c70.intoArray(c, r);
        c71.intoArray(c, r + LANES);
        return;
      }
      // acc + beta * C with one rounding, as BlockedSgemm.combine (exact for beta == 1 too).
      FloatVector bv = FloatVector.broadcast(SPECIES, beta);
      int r = cIdx;
      FloatVector.fromArray(SPECIES, c, r).fma(bv, c00).intoArray(c, r);
      FloatVector.fromArray(SPECIES, c, r + LANES).fma(bv, c01).intoArray(c, r + LANES);
      r += ldc;
      FloatVector.fromArray(SPECIES, c, r).fma(bv, c10).intoArray(c, r);
      FloatVector.fromArray(SPECIES, c, r + LANES).fma(bv, c11).intoArray(c, r + LANES);
      r += ldc;
      FloatVector.fromArray(SPECIES, c, r).fma(bv, c20).intoArray(c, r);
      FloatVector.fromArray(SPECIES, c, r + LANES).fma(bv, c21).intoArray(c, r + LANES);
      r += ldc;
      FloatVector.fromArray(SPECIES, c, r).fma(bv, c30).intoArray(c, r);
      FloatVector.fromArray(SPECIES, c, r + LANES).fma(bv, c31).intoArray(c, r + LANES);
      r += ldc;
      FloatVector.fromArray(SPECIES, c, r).fma(bv, c40).intoArray(c, r);
      FloatVector.fromArray(SPECIES, c, r + LANES).fma(bv, c41).intoArray(c, r + LANES);
      r += ldc;
      FloatVector.fromArray(SPECIES, c, r).fma(bv, c50).intoArray(c, r);
      FloatVector.fromArray(SPECIES, c, r + LANES).fma(bv, c51).intoArray(c, r + LANES);
      r += ldc;
      FloatVector.fromArray(SPECIES, c, r).fma(bv, c60).intoArray(c, r);
      FloatVector.fromArray(SPECIES, c, r + LANES).fma(bv, c61).intoArray(c, r + LANES);
      r += ldc;
      FloatVector.fromArray(SPECIES, c, r).fma(bv, c70).intoArray(c, r);
      FloatVector.fromArray(SPECIES, c, r + LANES).fma(bv, c71).intoArray(c, r + LANES);
    }
  }

  /**
   * {@link MatVecKernel} on full vectors. Both loops are bound by reading the matrix (one
   * multiply-add per element loaded), so they aim only at streaming it: four vectors per step.
   */
  static final class VectorMatVecKernel implements MatVecKernel {
    private static final int LANES = SPECIES.length();
    /** Vectors per step: four independent accumulators (dot) or four columns blocks (combine). */
    private static final int UNROLL = 4;
    private static final int STEP = UNROLL * LANES;

    /**
     * Per row: four vector partial sums over blocks of {@code 4 * LANES} elements (lane {@code l}
     * of sum {@code u} takes the elements {@code p} with {@code p % STEP == u * LANES + l}), then
     * one vector over the remaining whole vectors into the first sum, added as
     * {@code (s0 + s1) + (s2 + s3)}; its lanes are then added in lane order (not with
     * {@code reduceLanes}, whose order is unspecified and may differ between interpreted and
     * compiled code), and the last {@code depth % LANES} products are added one by one.
     */
    @Override
    public void dotRows(int rows, int depth, float[] a, int aOff, int lda, float[] x, float[] y, int yOff) {
      float[] lanes = new float[LANES];
      int unrolled = depth - depth % STEP;
      int vectors = depth - depth % LANES;
      for (int i = 0; i < rows; i++) {
        int row = aOff + i * lda;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int p = 0;
        for (; p < unrolled; p += STEP) {
          s0 = FloatVector.fromArray(SPECIES, a, row + p).fma(FloatVector.fromArray(SPECIES, x, p), s0);
          s1 = FloatVector.fromArray(SPECIES, a, row + p + LANES)
              .fma(FloatVector.fromArray(SPECIES, x, p + LANES), s1);
          s2 = FloatVector.fromArray(SPECIES, a, row + p + 2 * LANES)
              .fma(FloatVector.fromArray(SPECIES, x, p + 2 * LANES), s2);
          s3 = FloatVector.fromArray(SPECIES, a, row + p + 3 * LANES)
              .fma(FloatVector.fromArray(SPECIES, x, p + 3 * LANES), s3);
        }
        for (; p < vectors; p += LANES) {
          s0 = FloatVector.fromArray(SPECIES, a, row + p).fma(FloatVector.fromArray(SPECIES, x, p), s0);
        }
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        float s = 0f;
        for (int l = 0; l < LANES; l++) {
          s += lanes[l];
        }
        for (; p < depth; p++) {
          s = Math.fma(a[row + p], x[p], s);
        }
        y[yOff + i] = s;
      }
    }

    /**
     * Blocks of four vectors of columns, then single vectors, each summed down all the rows in
     * registers; the last {@code cols % LANES} columns one by one (the same fused multiply-adds).
     */
    @Override
    public void combineRows(int cols, int depth, float[] a, int aOff, int lda, float[] x, float[] y, int yOff) {
      int unrolled = cols - cols % STEP;
      int vectors = cols - cols % LANES;
      int j = 0;
      for (; j < unrolled; j += STEP) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        for (int p = 0, idx = aOff + j; p < depth; p++, idx += lda) {
          FloatVector xp = FloatVector.broadcast(SPECIES, x[p]);
          c0 = xp.fma(FloatVector.fromArray(SPECIES, a, idx), c0);
          c1 = xp.fma(FloatVector.fromArray(SPECIES, a, idx + LANES), c1);
          c2 = xp.fma(FloatVector.fromArray(SPECIES, a, idx + 2 * LANES), c2);
          c3 = xp.fma(FloatVector.fromArray(SPECIES, a, idx + 3 * LANES), c3);
        }
        c0.intoArray(y, yOff + j);
        c1.intoArray(y, yOff + j + LANES);
        c2.intoArray(y, yOff + j + 2 * LANES);
        c3.intoArray(y, yOff + j + 3 * LANES);
      }
      for (; j < vectors; j += LANES) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        for (int p = 0, idx = aOff + j; p < depth; p++, idx += lda) {
          c0 = FloatVector.broadcast(SPECIES, x[p]).fma(FloatVector.fromArray(SPECIES, a, idx), c0);
        }
        c0.intoArray(y, yOff + j);
      }
      for (; j < cols; j++) {
        float s = 0f;
        for (int p = 0, idx = aOff + j; p < depth; p++, idx += lda) {
          s = Math.fma(x[p], a[idx], s);
        }
        y[yOff + j] = s;
      }
    }
  }
}
