package org.xai4j.op;

import java.util.Locale;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.PackedMatrix;
import org.xai4j.kernel.Parallelism;
import org.xai4j.kernel.Ranges;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The forward pass of an ungrouped 3x3 convolution with unit stride and dilation by one of
 * Winograd's minimal filtering algorithms ({@link WinogradTransform}; Lavin and Gray, "Fast
 * Algorithms for Convolutional Neural Networks", 2016): every {@code t x t} block of output
 * positions (a tile) is {@code A^T [(G w G^T) .* (B^T d B)] A} for the {@code (t+2) x (t+2)} input
 * patch {@code d} under it, so that the products over input channels become {@code (t+2)^2}
 * independent GEMMs, one per position {@code xi} of the transformed tile:
 * {@code Y_xi[M, tiles] = U_xi[M, C] * V_xi[C, tiles]}. {@link WinogradF2x2} does 16 multiply-adds
 * per 2x2 tile and channel pair instead of 36 (2.25 times fewer), {@link WinogradF4x4} 36 per 4x4
 * tile instead of 144 (4 times fewer). Since the input gradient of such a convolution runs as a
 * convolution of the same kind ({@link FlippedKernel}), the backward pass uses it too.
 *
 * <p>Where it runs ({@link #transformFor}): 3x3, stride 1, dilation 1, one group, at least
 * {@link #MIN_CHANNELS} input and output channels (below that the transforms, which cost the same
 * per channel whatever the other channel count, outweigh the saved multiplies) and at least
 * {@link #MIN_TILES} tiles per sample. By default ({@link Setting#AUTO}) F(4x4, 3x3) is chosen
 * where it was measured to win (at least {@link #MIN_F4_TILES} tiles and about
 * {@link #MIN_F4_CHANNELS} channels), else F(2x2, 3x3). The system property {@value #PROPERTY} chooses
 * otherwise: {@code false} forces the direct (im2col) path everywhere, {@code 2x2} or {@code 4x4}
 * one algorithm wherever its shape rules allow.
 *
 * <p>The tiles of a sample are processed in chunks of at most {@link #CHUNK_TILES} tiles;
 * chunks run in parallel, each with its own buffers, and every output element is computed within
 * one chunk by the same sequence of operations, so the bits do not depend on the thread count.
 * The transformed weight ({@code (t+2)^2 / 9} of the weight) is packed once per weight tensor and
 * algorithm and kept with it, like the direct path's packed weight.
 */
final class Winograd {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** System property choosing the algorithm; see {@link Setting}. */
  static final String PROPERTY = "xai4j.conv.winograd";
  /** Fewest input and output channels for which a fast algorithm is chosen. */
  static final int MIN_CHANNELS = 16;
  /** Fewest output tiles per sample for which a fast algorithm is chosen. */
  static final int MIN_TILES = 16;
  /** Fewest 4x4 tiles per sample for which {@link Setting#AUTO} chooses F(4x4, 3x3). */
  static final int MIN_F4_TILES = 32;
  /** The channel count (in and out alike) from which {@link Setting#AUTO} chooses F(4x4, 3x3). */
  static final int MIN_F4_CHANNELS = 128;
  /** The kernel extent these algorithms are for. */
  static final int KERNEL = 3;
  /**
   * Widest chunk, in tiles: a chunk's transformed input and products ({@code (t+2)^2 (C + M)} floats
   * per tile: 0.5 MB for 64 tiles of F(2x2, 3x3) at 64 channels, 2.4 MB of F(4x4, 3x3) at 128) then
   * stay in or near the core's L2 cache between the transforms and the GEMMs rather than going
   * through L3, whose traffic bounds the transforms. Measured on the feature-visualization step of VGG-16 (2 threads, batch
   * 1): 210-225 ms per step with at most 32, 64 or 128 tiles per chunk, 246 ms with the former
   * chunks of about 4 MB of transformed input (100-1000 tiles), which read the weights fewer times.
   */
  private static final int CHUNK_TILES = 64;
  /**
   * From this many chunks of {@link #CHUNK_TILES} per thread in a batch, chunks keep that width
   * rather than being narrowed to equal widths: VGG-16's 56 x 56 F(4x4, 3x3) layer has 196 tiles,
   * four chunks of 49 (two slivers of 32 columns each, the second 17 wide) or three of 64 and one
   * of 4 (seven slivers instead of eight).
   */
  private static final int CHUNKS_PER_THREAD = 4;

  /** The values of {@value #PROPERTY}. */
  enum Setting {
    /** Unset, {@code true} or {@code auto}: F(4x4, 3x3) where it wins, else F(2x2, 3x3) where it fits. */
    AUTO,
    /** {@code false}: the direct path for every convolution. */
    DIRECT,
    /** {@code 2x2}: F(2x2, 3x3) wherever it fits. */
    F2X2,
    /** {@code 4x4}: F(4x4, 3x3) wherever it fits. */
    F4X4
  }

  private static final Setting SETTING = setting(System.getProperty(PROPERTY));

  private Winograd() {}

  /** Parses {@value #PROPERTY}; a value other than the documented ones fails naming the flag. */
  static Setting setting(String value) {
    if (value == null || value.isBlank()) {
      return Setting.AUTO;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "auto" -> Setting.AUTO;
      case "false" -> Setting.DIRECT;
      case "2x2" -> Setting.F2X2;
      case "4x4" -> Setting.F4X4;
      default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
          + " is not one of true, auto, false, 2x2, 4x4");
    };
  }

  /** The algorithm the forward pass of {@code g} runs by under the property, or null for the direct path. */
  static WinogradTransform transformFor(ConvGeometry g) {
    return transformFor(g, SETTING);
  }

  /** The algorithm for {@code g} under {@code setting}, or null for the direct path. */
  static WinogradTransform transformFor(ConvGeometry g, Setting setting) {
    return switch (setting) {
      case DIRECT -> null;
      case F2X2 -> fits(g, WinogradF2x2.INSTANCE) ? WinogradF2x2.INSTANCE : null;
      case F4X4 -> fits(g, WinogradF4x4.INSTANCE) ? WinogradF4x4.INSTANCE : null;
      case AUTO -> fits(g, WinogradF4x4.INSTANCE) && fourByFourWins(g) ? WinogradF4x4.INSTANCE
          : fits(g, WinogradF2x2.INSTANCE) ? WinogradF2x2.INSTANCE : null;
    };
  }

  /**
   * Where F(4x4, 3x3) beats F(2x2, 3x3) (single-thread CPU time per VGG-16 layer, both measured in
   * one run): with at least {@link #MIN_F4_TILES} tiles, so that each GEMM fills the micro-kernel's
   * width (at 14 x 14, 16 tiles, F(4x4) was 1.5 times slower), and enough channels that the GEMMs
   * (work {@code C * M} per tile) outweigh the transforms (work {@code C + M}):
   * {@code C M / (C + M) >= }{@link #MIN_F4_CHANNELS}{@code / 2} (64 to 64 channels at 224 x 224:
   * F(4x4) 10 % slower; 128 to 128 at 112: 20 % faster; 256 and 512 channels: 30 % faster).
   */
  private static boolean fourByFourWins(ConvGeometry g) {
    WindowAxis h = g.window().h();
    WindowAxis w = g.window().w();
    long c = g.inChannels();
    long m = g.outChannels();
    return tiles(h, WinogradF4x4.INSTANCE) * tiles(w, WinogradF4x4.INSTANCE) >= MIN_F4_TILES
        && 2 * c * m >= MIN_F4_CHANNELS * (c + m);
  }

  /** Whether {@code g} is of the shape {@code f} takes, whatever the property says. */
  static boolean fits(ConvGeometry g, WinogradTransform f) {
    WindowAxis h = g.window().h();
    WindowAxis w = g.window().w();
    return g.group() == 1 && g.inChannels() >= MIN_CHANNELS && g.outChannels() >= MIN_CHANNELS
        && unit3(h) && unit3(w) && tiles(h, f) * tiles(w, f) >= MIN_TILES;
  }

  private static boolean unit3(WindowAxis a) {
    return a.kernel() == KERNEL && a.stride() == 1 && a.dilation() == 1;
  }

  private static int tiles(WindowAxis a, WinogradTransform f) {
    return WindowAxis.ceilDiv(a.out(), f.tile());
  }

  /** Identifies the transformed, packed weight among the weight tensor's derived values. */
  private record Key(int tile, int outChannels, int inChannels) {}

  /** The packed factors {@code U_xi = (G w G^T)_xi}, each {@code [M, C]}. */
  private static PackedMatrix[] transformedWeight(Tensor weight, ConvGeometry g, WinogradTransform f) {
    int m = g.outChannels();
    int c = g.inChannels();
    int positions = f.patch() * f.patch();
    return INTERNALS.derived(weight, new Key(f.tile(), m, c), PackedMatrix[].class, t -> {
      float[] u = f.transformWeight(INTERNALS.array(t), m, c);
      PackedMatrix[] packs = new PackedMatrix[positions];
      for (int xi = 0; xi < positions; xi++) {
        packs[xi] = Kernels.pack(false, m, c, u, xi * m * c, c);
      }
      return packs;
    });
  }

  /**
   * Tiles per chunk (the width does not change any element's operations): all of a sample's tiles
   * if they fit one chunk of {@link #CHUNK_TILES}; else that width itself, a multiple of the GEMM
   * micro-kernel's column count, when the batch has at least {@link #CHUNKS_PER_THREAD} chunks per
   * thread, so that only a sample's last chunk has a ragged sliver of columns and the threads still
   * get nearly equal work; else, for fewer chunks, as in the direct path a multiple of the thread
   * count of equal width.
   */
  private static int chunkTiles(int tiles, int batch) {
    if (tiles <= CHUNK_TILES) {
      return tiles;
    }
    int chunks = WindowAxis.ceilDiv(tiles, CHUNK_TILES);
    int threads = Parallelism.threads();
    if ((long) batch * chunks >= (long) CHUNKS_PER_THREAD * threads) {
      return CHUNK_TILES;
    }
    return WindowAxis.ceilDiv(tiles, WindowAxis.ceilDiv(chunks, threads) * threads);
  }

  /**
   * {@code y[n, m] = sum over c, taps of w[m, c, tap] * x[n, c, window(tap)]}, without bias, by
   * {@code f}, which must {@link #fits fit} {@code g}.
   */
  static float[] forward(float[] x, Tensor weight, ConvGeometry g, WinogradTransform f) {
    return forward(x, weight, g, f, null);
  }

  /**
   * {@link #forward(float[], Tensor, ConvGeometry, WinogradTransform)} with, unless {@code mask}
   * is null, each chunk's outputs masked by {@code mask} (of the output's shape) right after they
   * are written ({@link #maskTiles}).
   */
  static float[] forward(float[] x, Tensor weight, ConvGeometry g, WinogradTransform f, float[] mask) {
    int th = tiles(g.window().h(), f);
    int tw = tiles(g.window().w(), f);
    int tiles = th * tw;
    int c = g.inChannels();
    int m = g.outChannels();
    int positions = f.patch() * f.patch();
    int chunk = chunkTiles(tiles, g.batch());
    int chunks = WindowAxis.ceilDiv(tiles, chunk);
    int outH = g.window().h().out();
    int outW = g.window().w().out();
    PackedMatrix[] u = transformedWeight(weight, g, f);
    Padded padded = Padded.of(x, g, f.tile() * th + KERNEL - 1, f.tile() * tw + KERNEL - 1);
    float[] y = new float[g.batch() * m * g.window().outArea()];
    // With a single chunk (a small layer at batch 1) that one task is the caller's: its transforms then
    // split over the channels and its GEMMs over the positions, all independent of each other (each
    // GEMM then runs on one thread: split on its own, it forked once per depth block).
    boolean alone = g.batch() * chunks == 1;
    int rowsLength = f.patch() * padded.width();
    Ranges.run(g.batch() * chunks, (part, from, to) -> {
      float[] v = new float[positions * c * chunk];
      float[] prod = new float[positions * m * chunk];
      for (int t = from; t < to; t++) {
        int n = t / chunks;
        int t0 = (t % chunks) * chunk;
        int t1 = Math.min(tiles, t0 + chunk);
        int width = t1 - t0;
        int yOff = n * m * g.window().outArea();
        Ranges.Body input = (p, c0, c1) -> {
          float[] rows = new float[rowsLength];
          for (int ch = c0; ch < c1; ch++) {
            f.transformInput(padded.data(), padded.plane(n, ch), padded.width(), t0, t1, tw, v, ch * width,
                c * width, rows);
          }
        };
        Ranges.Body output = (p, o0, o1) -> {
          f.transformOutput(prod, m, o0, o1, width, t0, tw, outH, outW, y, yOff);
          if (mask != null) {
            maskTiles(y, mask, yOff, o0, o1, t0, t1, tw, f.tile(), outH, outW);
          }
        };
        Ranges.Body products = (p, x0, x1) -> {
          for (int xi = x0; xi < x1; xi++) {
            Kernels.sgemm(u[xi], false, width, v, xi * c * width, width, 0f, prod, xi * m * width, width);
          }
        };
        split(alone, c, input);
        split(alone, positions, products);
        split(alone, m, output);
      }
    });
    return y;
  }

  /** {@code body} over {@code [0, count)}: split over the threads when {@code parallel}, else in one call. */
  private static void split(boolean parallel, int count, Ranges.Body body) {
    if (parallel) {
      Ranges.run(count, body);
    } else {
      body.run(0, 0, count);
    }
  }

  /**
   * {@link Relu#maskInPlace} over the output positions of tiles {@code [t0, t1)} (row-major over a
   * {@code tw}-wide grid of {@code tile x tile} tiles, clipped to {@code outH x outW}) in the
   * planes {@code [o0, o1)} of one sample starting at {@code yOff}: one call per output row of a row
   * of tiles.
   */
  private static void maskTiles(float[] y, float[] mask, int yOff, int o0, int o1, int t0, int t1, int tw,
      int tile, int outH, int outW) {
    for (int o = o0; o < o1; o++) {
      int plane = yOff + o * outH * outW;
      for (int t = t0; t < t1; ) {
        int tr = t / tw;
        int tc0 = t - tr * tw;
        int tc1 = Math.min(tw, tc0 + t1 - t);
        for (int oh = tile * tr, end = Math.min(outH, oh + tile); oh < end; oh++) {
          int row = plane + oh * outW;
          Relu.maskInPlace(y, mask, row + tile * tc0, row + Math.min(outW, tile * tc1));
        }
        t += tc1 - tc0;
      }
    }
  }

  /**
   * The input of every sample with its padding made explicit: plane {@code [n, c]} is
   * {@code height x width} (the tiles' extent plus 2) and holds input row {@code r - padTop} at row
   * {@code r} (zero outside the input), so that every patch is read without bounds checks.
   */
  private record Padded(float[] data, int height, int width, int channels) {
    static Padded of(float[] x, ConvGeometry g, int height, int width) {
      WindowAxis ah = g.window().h();
      WindowAxis aw = g.window().w();
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
}
