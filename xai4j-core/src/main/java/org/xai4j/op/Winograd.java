package org.xai4j.op;

import java.util.Locale;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.PackedMatrix;
import org.xai4j.kernel.Parallelism;
import org.xai4j.kernel.Ranges;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The forward pass of an ungrouped 3x3 convolution with unit stride and dilation by Winograd's
 * minimal filtering F(2x2, 3x3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural
 * Networks", 2016): every 2x2 block of output positions (a tile) is
 * {@code A^T [(G w G^T) .* (B^T d B)] A} for the 4x4 input patch {@code d} under it, so that the
 * products over input channels become 16 independent GEMMs, one per position {@code xi} of the 4x4
 * transformed tile: {@code Y_xi[M, tiles] = U_xi[M, C] * V_xi[C, tiles]}. That is 16 multiply-adds
 * per tile, channel pair instead of 36 (2.25 times fewer); the transforms are additions and
 * halvings. Since the input gradient of such a convolution runs as a convolution of the same kind
 * ({@link FlippedKernel}), the backward pass uses it too.
 *
 * <p>Numerically the transforms {@code B} and {@code A} have entries 0 and +-1, and {@code G}
 * entries 0, +-1/2 and 1 (the weight transform is computed in double and rounded once), so the
 * result differs from the direct sum only by the order of the float additions and the rounding of
 * {@code U}: {@code WinogradTest} measures it against the direct path and a double-precision
 * definition.
 *
 * <p>Where it runs ({@link #applies}): 3x3, stride 1, dilation 1, one group, at least
 * {@link #MIN_CHANNELS} input and output channels (below that the transforms, which cost the same
 * per channel whatever the other channel count, outweigh the saved multiplies) and at least
 * {@link #MIN_TILES} tiles per sample. The system property {@value #PROPERTY} = {@code false}
 * forces the direct (im2col) path everywhere.
 *
 * <p>The tiles of a sample are processed in chunks whose transformed input stays cache-sized;
 * chunks run in parallel, each with its own buffers, and every output element is computed within
 * one chunk by the same sequence of operations, so the bits do not depend on the thread count.
 * The transformed weight ({@code 16 / 9} of the weight) is packed once per weight tensor and kept
 * with it, like the direct path's packed weight.
 */
final class Winograd {
  /** System property; {@code false} forces the direct path for every convolution. */
  static final String PROPERTY = "xai4j.conv.winograd";
  /** Fewest input and output channels for which the fast algorithm is chosen. */
  static final int MIN_CHANNELS = 16;
  /** Fewest output tiles per sample for which the fast algorithm is chosen. */
  static final int MIN_TILES = 16;
  /** Output positions per tile side. */
  private static final int TILE = 2;
  /** Input positions per patch side (tile plus kernel minus one). */
  private static final int PATCH = 4;
  /** Positions of a transformed tile, hence GEMMs per chunk. */
  private static final int POSITIONS = PATCH * PATCH;
  /** The kernel extent this algorithm is for. */
  private static final int KERNEL = 3;
  /** Fewest tiles per chunk, so that each GEMM has a useful width. */
  private static final int MIN_CHUNK_TILES = 64;

  private static final boolean ENABLED = enabled(System.getProperty(PROPERTY));

  private Winograd() {}

  /** Parses {@value #PROPERTY}: unset, blank or {@code true} enable, {@code false} disables. */
  static boolean enabled(String value) {
    if (value == null || value.isBlank()) {
      return true;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not true or false");
    };
  }

  /** Whether the forward pass of {@code g} runs by this algorithm (and the property allows it). */
  static boolean applies(ConvGeometry g) {
    return ENABLED && fits(g);
  }

  /** Whether {@code g} is of the shape this algorithm takes, whatever the property says. */
  static boolean fits(ConvGeometry g) {
    WindowAxis h = g.window().h();
    WindowAxis w = g.window().w();
    return g.group() == 1 && g.inChannels() >= MIN_CHANNELS && g.outChannels() >= MIN_CHANNELS
        && unit3(h) && unit3(w) && tilesH(g) * tilesW(g) >= MIN_TILES;
  }

  private static boolean unit3(WindowAxis a) {
    return a.kernel() == KERNEL && a.stride() == 1 && a.dilation() == 1;
  }

  private static int tilesH(ConvGeometry g) {
    return WindowAxis.ceilDiv(g.window().h().out(), TILE);
  }

  private static int tilesW(ConvGeometry g) {
    return WindowAxis.ceilDiv(g.window().w().out(), TILE);
  }

  /** Identifies the transformed, packed weight among the weight tensor's derived values. */
  private record Key(int outChannels, int inChannels) {}

  /** The 16 packed factors {@code U_xi = (G w G^T)_xi}, each {@code [M, C]}. */
  private static PackedMatrix[] transformedWeight(Tensor weight, ConvGeometry g) {
    int m = g.outChannels();
    int c = g.inChannels();
    return TensorInternals.derived(weight, new Key(m, c), PackedMatrix[].class, t -> {
      float[] u = transformWeight(TensorInternals.array(t), m, c);
      PackedMatrix[] packs = new PackedMatrix[POSITIONS];
      for (int xi = 0; xi < POSITIONS; xi++) {
        packs[xi] = Kernels.pack(false, m, c, u, xi * m * c, c);
      }
      return packs;
    });
  }

  /** {@code u[xi][m][c] = (G w[m][c] G^T)[xi]}, with {@code G = [[1,0,0],[1/2,1/2,1/2],[1/2,-1/2,1/2],[0,0,1]]}. */
  static float[] transformWeight(float[] w, int m, int c) {
    float[] u = new float[POSITIONS * m * c];
    double[] gw = new double[PATCH * KERNEL];
    for (int o = 0; o < m; o++) {
      for (int i = 0; i < c; i++) {
        int src = (o * c + i) * KERNEL * KERNEL;
        for (int col = 0; col < KERNEL; col++) {
          double w0 = w[src + col];
          double w1 = w[src + KERNEL + col];
          double w2 = w[src + 2 * KERNEL + col];
          gw[col] = w0;
          gw[KERNEL + col] = (w0 + w1 + w2) / 2;
          gw[2 * KERNEL + col] = (w0 - w1 + w2) / 2;
          gw[3 * KERNEL + col] = w2;
        }
        for (int row = 0; row < PATCH; row++) {
          double w0 = gw[row * KERNEL];
          double w1 = gw[row * KERNEL + 1];
          double w2 = gw[row * KERNEL + 2];
          int dst = (row * PATCH) * m * c + o * c + i;
          u[dst] = (float) w0;
          u[dst + m * c] = (float) ((w0 + w1 + w2) / 2);
          u[dst + 2 * m * c] = (float) ((w0 - w1 + w2) / 2);
          u[dst + 3 * m * c] = (float) w2;
        }
      }
    }
    return u;
  }

  /**
   * Tiles per chunk: at most what keeps the transformed input near
   * {@link ConvEngine#COL_BUFFER_FLOATS}, and as in the direct path, when a sample needs several
   * chunks, a multiple of the thread count of equal width (the width does not change any element's
   * operations).
   */
  private static int chunkTiles(ConvGeometry g, int tiles) {
    int widest = Math.max(MIN_CHUNK_TILES, ConvEngine.COL_BUFFER_FLOATS / (POSITIONS * g.inChannels()));
    int chunks = WindowAxis.ceilDiv(tiles, Math.min(tiles, widest));
    int threads = Parallelism.threads();
    return chunks == 1 ? tiles : WindowAxis.ceilDiv(tiles, WindowAxis.ceilDiv(chunks, threads) * threads);
  }

  /** {@code y[n, m] = sum over c, taps of w[m, c, tap] * x[n, c, window(tap)]}, without bias, for {@link #applies} shapes. */
  static float[] forward(float[] x, Tensor weight, ConvGeometry g) {
    int th = tilesH(g);
    int tw = tilesW(g);
    int tiles = th * tw;
    int c = g.inChannels();
    int m = g.outChannels();
    int chunk = chunkTiles(g, tiles);
    int chunks = WindowAxis.ceilDiv(tiles, chunk);
    PackedMatrix[] u = transformedWeight(weight, g);
    Padded padded = Padded.of(x, g, th, tw);
    float[] y = new float[g.batch() * m * g.window().outArea()];
    Ranges.run(g.batch() * chunks, (part, from, to) -> {
      float[] v = new float[POSITIONS * c * chunk];
      float[] prod = new float[POSITIONS * m * chunk];
      float[] rows = new float[PATCH * padded.width()];
      for (int t = from; t < to; t++) {
        int n = t / chunks;
        int t0 = (t % chunks) * chunk;
        int t1 = Math.min(tiles, t0 + chunk);
        int width = t1 - t0;
        for (int ch = 0; ch < c; ch++) {
          transformInput(padded, n, ch, t0, t1, tw, v, ch * width, c * width, rows);
        }
        for (int xi = 0; xi < POSITIONS; xi++) {
          Kernels.sgemm(u[xi], false, width, v, xi * c * width, width, 0f, prod, xi * m * width, width);
        }
        transformOutput(prod, m, width, t0, tw, g, y, n * m * g.window().outArea());
      }
    });
    return y;
  }

  /**
   * The input of every sample with its padding made explicit: plane {@code [n, c]} is
   * {@code (2 * tilesH + 2) x (2 * tilesW + 2)} and holds input row {@code r - padTop} at row
   * {@code r} (zero outside the input), so that every 4x4 patch is read without bounds checks.
   */
  private record Padded(float[] data, int height, int width, int channels) {
    static Padded of(float[] x, ConvGeometry g, int th, int tw) {
      WindowAxis ah = g.window().h();
      WindowAxis aw = g.window().w();
      int height = TILE * th + KERNEL - 1;
      int width = TILE * tw + KERNEL - 1;
      int planes = g.batch() * g.inChannels();
      float[] p = new float[planes * height * width];
      int inH = ah.in();
      int inW = aw.in();
      Ranges.run(planes, (part, from, to) -> {
        for (int plane = from; plane < to; plane++) {
          for (int r = 0; r < height; r++) {
            int ih = r - ah.padBegin();
            if (ih < 0 || ih >= inH) {
              continue;
            }
            int len = Math.min(inW, width - aw.padBegin());
            if (len > 0) {
              System.arraycopy(x, (plane * inH + ih) * inW, p, (plane * height + r) * width + aw.padBegin(), len);
            }
          }
        }
      });
      return new Padded(p, height, width, g.inChannels());
    }

    int plane(int n, int c) {
      return (n * channels + c) * height * width;
    }
  }

  /**
   * {@code B^T d B} of the patches of tiles {@code [t0, t1)} of channel {@code ch}, position
   * {@code xi} written to {@code v[off + xi * stride + (tile - t0)]}, with
   * {@code B^T = [[1,0,-1,0],[0,1,1,0],[0,-1,1,0],[0,1,0,-1]]}. The row combinations run over whole
   * padded rows first (unit-stride loops the JIT vectorizes), then the column combinations per tile.
   */
  private static void transformInput(Padded in, int n, int ch, int t0, int t1, int tw, float[] v, int off,
      int stride, float[] rows) {
    float[] p = in.data();
    int width = in.width();
    int base = in.plane(n, ch);
    int t = t0;
    while (t < t1) {
      int tr = t / tw;
      int tc0 = t - tr * tw;
      int tc1 = Math.min(tw, tc0 + t1 - t);
      int r0 = base + TILE * tr * width;
      int r1 = r0 + width;
      int r2 = r1 + width;
      int r3 = r2 + width;
      int lo = TILE * tc0;
      int hi = TILE * tc1 + KERNEL - 1;
      for (int j = lo; j < hi; j++) {
        float d0 = p[r0 + j];
        float d1 = p[r1 + j];
        float d2 = p[r2 + j];
        float d3 = p[r3 + j];
        rows[j] = d0 - d2;
        rows[width + j] = d1 + d2;
        rows[2 * width + j] = d2 - d1;
        rows[3 * width + j] = d1 - d3;
      }
      int o = off + t - t0;
      for (int i = 0; i < PATCH; i++) {
        int row = i * width;
        int dst = o + (i * PATCH) * stride;
        for (int tc = tc0, q = 0; tc < tc1; tc++, q++) {
          int j = row + TILE * tc;
          float s0 = rows[j];
          float s1 = rows[j + 1];
          float s2 = rows[j + 2];
          float s3 = rows[j + 3];
          v[dst + q] = s0 - s2;
          v[dst + stride + q] = s1 + s2;
          v[dst + 2 * stride + q] = s2 - s1;
          v[dst + 3 * stride + q] = s1 - s3;
        }
      }
      t += tc1 - tc0;
    }
  }

  /**
   * {@code A^T Y A} of every output channel's transformed tiles, with
   * {@code A^T = [[1,1,1,0],[0,1,-1,-1]]}, written to the 2x2 output blocks (positions past the
   * output's extent dropped).
   */
  private static void transformOutput(float[] prod, int m, int width, int t0, int tw, ConvGeometry g,
      float[] y, int yOff) {
    int outH = g.window().h().out();
    int outW = g.window().w().out();
    int area = outH * outW;
    int stride = m * width;
    for (int o = 0; o < m; o++) {
      int src = o * width;
      int plane = yOff + o * area;
      for (int q = 0; q < width; q++) {
        int i = src + q;
        float m00 = prod[i];
        float m01 = prod[i + stride];
        float m02 = prod[i + 2 * stride];
        float m03 = prod[i + 3 * stride];
        float m10 = prod[i + 4 * stride];
        float m11 = prod[i + 5 * stride];
        float m12 = prod[i + 6 * stride];
        float m13 = prod[i + 7 * stride];
        float m20 = prod[i + 8 * stride];
        float m21 = prod[i + 9 * stride];
        float m22 = prod[i + 10 * stride];
        float m23 = prod[i + 11 * stride];
        float m30 = prod[i + 12 * stride];
        float m31 = prod[i + 13 * stride];
        float m32 = prod[i + 14 * stride];
        float m33 = prod[i + 15 * stride];
        // rows of A^T M
        float a0 = m00 + m10 + m20;
        float a1 = m01 + m11 + m21;
        float a2 = m02 + m12 + m22;
        float a3 = m03 + m13 + m23;
        float b0 = m10 - m20 - m30;
        float b1 = m11 - m21 - m31;
        float b2 = m12 - m22 - m32;
        float b3 = m13 - m23 - m33;
        int t = t0 + q;
        int tr = t / tw;
        int oh = TILE * tr;
        int ow = TILE * (t - tr * tw);
        int dst = plane + oh * outW + ow;
        boolean right = ow + 1 < outW;
        y[dst] = a0 + a1 + a2;
        if (right) {
          y[dst + 1] = a1 - a2 - a3;
        }
        if (oh + 1 < outH) {
          y[dst + outW] = b0 + b1 + b2;
          if (right) {
            y[dst + outW + 1] = b1 - b2 - b3;
          }
        }
      }
    }
  }
}
