package org.xai4j.op;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WinogradVectorLoops} on the Vector API, one lane per tile: the products of consecutive
 * tiles are contiguous, so each of the 16 (36) product streams of a run of {@code LANES} tiles is
 * one vector load, and the transform's arithmetic runs on whole vectors. The tiles' output values
 * are interleaved in registers (zipping lanes, then pairs of lanes, of two vectors) into the output
 * rows of the run, which are then copied into the output plane per tile row, clipped at its edges.
 * F(2x2, 3x3)'s input pass along the patch rows takes its tiles from one row of tiles, whose
 * row-transformed patch rows lie 2 floats apart: it loads them as whole vectors and separates the
 * even and odd lanes. Every loop here uses the one preferred shape: with 256-bit vectors in this
 * input pass (tried first, for short rows of tiles) the type profile of the JDK's shared
 * {@code FloatVector.intoArray} saw two vector classes, C2 could not intrinsify the stores of the
 * output loops ({@code -XX:+PrintInlining}: "failed to inline (intrinsic)") and 5-7 % of a
 * feature-visualization step ran the boxed fallback. Lanes of two
 * vectors are combined by rearranging both alike and blending them under a mask: the two-vector
 * {@code rearrange} of JDK 17 made these loops several times slower than the scalar ones. No
 * helper method takes or returns a vector: C2 compiled such a helper on its own and then did not
 * inline it ("already compiled into a big method"), and every vector crossing it was boxed. F(4x4,
 * 3x3)'s input pass has no vector loop here: separating lanes 4 floats apart in 8-lane vectors was
 * measured slower than the scalar loop. Loaded reflectively by {@link WinogradTransform} only when
 * the vector kernels are in use.
 */
final class VectorWinogradLoops implements WinogradVectorLoops {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  /** The first half of the lanes, each twice: zips two vectors' first halves under {@link #ODD}. */
  private static final VectorShuffle<Float> ZIP_LOW = VectorShuffle.fromOp(SPECIES, n -> n / 2);
  /** The second half of the lanes, each twice. */
  private static final VectorShuffle<Float> ZIP_HIGH = VectorShuffle.fromOp(SPECIES, n -> LANES / 2 + n / 2);
  /** The odd lanes. */
  private static final VectorMask<Float> ODD = VectorMask.fromLong(SPECIES, 0xAAAA_AAAA_AAAA_AAAAL);
  /** The pairs of lanes of the first half, each twice: zips pairs of lanes under {@link #ODD_PAIRS}. */
  private static final VectorShuffle<Float> PAIRS_LOW = VectorShuffle.fromOp(SPECIES, n -> n / 4 * 2 + n % 2);
  /** The pairs of lanes of the second half, each twice. */
  private static final VectorShuffle<Float> PAIRS_HIGH =
      VectorShuffle.fromOp(SPECIES, n -> LANES / 2 + n / 4 * 2 + n % 2);
  /** The odd pairs of lanes. */
  private static final VectorMask<Float> ODD_PAIRS = VectorMask.fromLong(SPECIES, 0xCCCC_CCCC_CCCC_CCCCL);
  /** The even lanes in order, in both halves: the even lanes of two vectors under {@link #HIGH}. */
  private static final VectorShuffle<Float> EVEN_LANES = VectorShuffle.fromOp(SPECIES, n -> 2 * n % LANES);
  /** The odd lanes in order, in both halves. */
  private static final VectorShuffle<Float> ODD_LANES = VectorShuffle.fromOp(SPECIES, n -> (2 * n + 1) % LANES);
  /** The high half of the lanes. */
  private static final VectorMask<Float> HIGH = VectorMask.fromLong(SPECIES, -1L << (LANES / 2));
  private static final int F4_TILE = 4;
  private static final int F4_PATCH = 6;
  private static final int F2_TILE = 2;

  /** Per vector of tiles, their patch columns {@code s0 .. s3} from four loads (two at an offset of 2). */
  @Override
  public int inputColumnsF2x2(float[] rows, int row, int tc0, int tc1, float[] v, int dst, int stride) {
    int n = tc1 - tc0;
    int done = n - n % LANES;
    for (int q = 0; q < done; q += LANES) {
      int j = row + F2_TILE * (tc0 + q);
      FloatVector a = FloatVector.fromArray(SPECIES, rows, j);
      FloatVector b = FloatVector.fromArray(SPECIES, rows, j + LANES);
      FloatVector c = FloatVector.fromArray(SPECIES, rows, j + 2);
      FloatVector d = FloatVector.fromArray(SPECIES, rows, j + 2 + LANES);
      FloatVector s0 = a.rearrange(EVEN_LANES).blend(b.rearrange(EVEN_LANES), HIGH);
      FloatVector s1 = a.rearrange(ODD_LANES).blend(b.rearrange(ODD_LANES), HIGH);
      FloatVector s2 = c.rearrange(EVEN_LANES).blend(d.rearrange(EVEN_LANES), HIGH);
      FloatVector s3 = c.rearrange(ODD_LANES).blend(d.rearrange(ODD_LANES), HIGH);
      s0.sub(s2).intoArray(v, dst + q);
      s1.add(s2).intoArray(v, dst + stride + q);
      s2.sub(s1).intoArray(v, dst + 2 * stride + q);
      s1.sub(s3).intoArray(v, dst + 3 * stride + q);
    }
    return done;
  }

  @Override
  public int outputF2x2(float[] prod, int m, int o0, int o1, int width, int t0, int tw, int outH, int outW,
      float[] y, int yOff) {
    int done = width - width % LANES;
    int stride = m * width;
    int area = outH * outW;
    float[] rows = new float[F2_TILE * F2_TILE * LANES];
    for (int o = o0; o < o1; o++) {
      int plane = yOff + o * area;
      for (int q = 0; q < done; q += LANES) {
        int i = o * width + q;
        FloatVector m00 = FloatVector.fromArray(SPECIES, prod, i);
        FloatVector m01 = FloatVector.fromArray(SPECIES, prod, i + stride);
        FloatVector m02 = FloatVector.fromArray(SPECIES, prod, i + 2 * stride);
        FloatVector m03 = FloatVector.fromArray(SPECIES, prod, i + 3 * stride);
        FloatVector m10 = FloatVector.fromArray(SPECIES, prod, i + 4 * stride);
        FloatVector m11 = FloatVector.fromArray(SPECIES, prod, i + 5 * stride);
        FloatVector m12 = FloatVector.fromArray(SPECIES, prod, i + 6 * stride);
        FloatVector m13 = FloatVector.fromArray(SPECIES, prod, i + 7 * stride);
        FloatVector m20 = FloatVector.fromArray(SPECIES, prod, i + 8 * stride);
        FloatVector m21 = FloatVector.fromArray(SPECIES, prod, i + 9 * stride);
        FloatVector m22 = FloatVector.fromArray(SPECIES, prod, i + 10 * stride);
        FloatVector m23 = FloatVector.fromArray(SPECIES, prod, i + 11 * stride);
        FloatVector m30 = FloatVector.fromArray(SPECIES, prod, i + 12 * stride);
        FloatVector m31 = FloatVector.fromArray(SPECIES, prod, i + 13 * stride);
        FloatVector m32 = FloatVector.fromArray(SPECIES, prod, i + 14 * stride);
        FloatVector m33 = FloatVector.fromArray(SPECIES, prod, i + 15 * stride);
        FloatVector a0 = m00.add(m10).add(m20);
        FloatVector a1 = m01.add(m11).add(m21);
        FloatVector a2 = m02.add(m12).add(m22);
        FloatVector a3 = m03.add(m13).add(m23);
        FloatVector b0 = m10.sub(m20).sub(m30);
        FloatVector b1 = m11.sub(m21).sub(m31);
        FloatVector b2 = m12.sub(m22).sub(m32);
        FloatVector b3 = m13.sub(m23).sub(m33);
        FloatVector y00 = a0.add(a1).add(a2);
        FloatVector y01 = a1.sub(a2).sub(a3);
        FloatVector y10 = b0.add(b1).add(b2);
        FloatVector y11 = b1.sub(b2).sub(b3);
        y00.rearrange(ZIP_LOW).blend(y01.rearrange(ZIP_LOW), ODD).intoArray(rows, 0);
        y00.rearrange(ZIP_HIGH).blend(y01.rearrange(ZIP_HIGH), ODD).intoArray(rows, LANES);
        y10.rearrange(ZIP_LOW).blend(y11.rearrange(ZIP_LOW), ODD).intoArray(rows, 2 * LANES);
        y10.rearrange(ZIP_HIGH).blend(y11.rearrange(ZIP_HIGH), ODD).intoArray(rows, 3 * LANES);
        place(rows, F2_TILE, t0 + q, tw, outH, outW, y, plane);
      }
    }
    return done;
  }

  /**
   * {@code A^T M} per column of the products into {@code z} (4 rows of 6 vectors), then per row of
   * that into {@code e}, whose 4 vectors are interleaved into the tiles' output row.
   */
  @Override
  public int outputF4x4(float[] prod, int m, int o0, int o1, int width, int t0, int tw, int outH, int outW,
      float[] y, int yOff) {
    int done = width - width % LANES;
    int stride = m * width;
    int area = outH * outW;
    float[] z = new float[F4_TILE * F4_PATCH * LANES];
    float[] e = new float[F4_TILE * LANES];
    float[] rows = new float[F4_TILE * F4_TILE * LANES];
    for (int o = o0; o < o1; o++) {
      int plane = yOff + o * area;
      for (int q = 0; q < done; q += LANES) {
        for (int j = 0; j < F4_PATCH; j++) {
          applyAt(prod, o * width + q + j * stride, F4_PATCH * stride, z, j * LANES, F4_PATCH * LANES);
        }
        for (int r = 0; r < F4_TILE; r++) {
          applyAt(z, r * F4_PATCH * LANES, LANES, e, 0, LANES);
          FloatVector y0 = FloatVector.fromArray(SPECIES, e, 0);
          FloatVector y1 = FloatVector.fromArray(SPECIES, e, LANES);
          FloatVector y2 = FloatVector.fromArray(SPECIES, e, 2 * LANES);
          FloatVector y3 = FloatVector.fromArray(SPECIES, e, 3 * LANES);
          FloatVector y01low = y0.rearrange(ZIP_LOW).blend(y1.rearrange(ZIP_LOW), ODD);
          FloatVector y01high = y0.rearrange(ZIP_HIGH).blend(y1.rearrange(ZIP_HIGH), ODD);
          FloatVector y23low = y2.rearrange(ZIP_LOW).blend(y3.rearrange(ZIP_LOW), ODD);
          FloatVector y23high = y2.rearrange(ZIP_HIGH).blend(y3.rearrange(ZIP_HIGH), ODD);
          int row = r * F4_TILE * LANES;
          y01low.rearrange(PAIRS_LOW).blend(y23low.rearrange(PAIRS_LOW), ODD_PAIRS).intoArray(rows, row);
          y01low.rearrange(PAIRS_HIGH).blend(y23low.rearrange(PAIRS_HIGH), ODD_PAIRS).intoArray(rows, row + LANES);
          y01high.rearrange(PAIRS_LOW).blend(y23high.rearrange(PAIRS_LOW), ODD_PAIRS).intoArray(rows, row + 2 * LANES);
          y01high.rearrange(PAIRS_HIGH).blend(y23high.rearrange(PAIRS_HIGH), ODD_PAIRS)
              .intoArray(rows, row + 3 * LANES);
        }
        place(rows, F4_TILE, t0 + q, tw, outH, outW, y, plane);
      }
    }
    return done;
  }

  /**
   * F(4x4, 3x3)'s {@code A^T} times 6 vectors ({@code src[at + k * step]}) into 4
   * ({@code dst[to + k * dstStep]}), with the shared terms {@code m1 +- m2} and {@code m3 +- m4}.
   */
  private static void applyAt(float[] src, int at, int step, float[] dst, int to, int dstStep) {
    FloatVector m0 = FloatVector.fromArray(SPECIES, src, at);
    FloatVector m1 = FloatVector.fromArray(SPECIES, src, at + step);
    FloatVector m2 = FloatVector.fromArray(SPECIES, src, at + 2 * step);
    FloatVector m3 = FloatVector.fromArray(SPECIES, src, at + 3 * step);
    FloatVector m4 = FloatVector.fromArray(SPECIES, src, at + 4 * step);
    FloatVector m5 = FloatVector.fromArray(SPECIES, src, at + 5 * step);
    FloatVector a = m1.add(m2);
    FloatVector b = m1.sub(m2);
    FloatVector c = m3.add(m4);
    FloatVector d = m3.sub(m4);
    m0.add(a).add(c).intoArray(dst, to);
    b.add(d.mul(2f)).intoArray(dst, to + dstStep);
    a.add(c.mul(4f)).intoArray(dst, to + 2 * dstStep);
    b.add(d.mul(8f)).add(m5).intoArray(dst, to + 3 * dstStep);
  }

  /**
   * Copies the {@code tile} output rows of the {@code LANES} tiles from {@code t} (row {@code r} at
   * {@code rows[r * tile * LANES]}, tile after tile) into the plane, per tile row of the grid
   * ({@code tw} tiles wide), dropping what lies past the output's extent.
   */
  private static void place(float[] rows, int tile, int t, int tw, int outH, int outW, float[] y, int plane) {
    int tr = t / tw;
    int tc = t - tr * tw;
    for (int lane = 0; lane < LANES; tc = 0, tr++) {
      int tiles = Math.min(LANES - lane, tw - tc);
      int oh = tile * tr;
      int ow = tile * tc;
      int len = Math.min(tile * tiles, outW - ow);
      int height = Math.min(tile, outH - oh);
      for (int r = 0; r < height; r++) {
        System.arraycopy(rows, (r * LANES + lane) * tile, y, plane + (oh + r) * outW + ow, len);
      }
      lane += tiles;
    }
  }
}
