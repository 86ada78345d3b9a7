package org.xai4j.op;

import java.util.Arrays;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.PackedMatrix;
import org.xai4j.kernel.Parallelism;
import org.xai4j.kernel.Ranges;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The three products of a grouped 2-D convolution, computed with im2col and
 * {@link Kernels#sgemm}: the forward pass, the input gradient (which is also the transposed
 * convolution) and the weight gradient. Arrays are row-major: input {@code [N, C, H, W]}, weight
 * {@code [M, C / group, kH, kW]}, output {@code [N, M, outH, outW]}.
 *
 * <p>The im2col matrix of one sample and group has one row per (input channel, kernel tap) and one
 * column per output position. It is built for a chunk of output positions at a time, so that the
 * buffer stays cache-sized ({@link #COL_BUFFER_FLOATS}); each thread owns one buffer. A pointwise
 * convolution (1x1 kernel, unit stride, no padding) hands the input to the GEMM directly.
 *
 * <p>The weight is the left factor of the forward and input-gradient products, the same for every
 * chunk and every call: it is packed for the kernels once per weight tensor and direction
 * ({@link Kernels#pack}) and the packed copies are kept with the tensor
 * ({@link TensorInternals#derived}), about one more copy of the weight each (59 MB per direction for
 * VGG-16). A weight modified for LRP is a new tensor, so it is packed afresh.
 */
final class ConvEngine {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Target size of one im2col buffer in floats (4 MiB), chosen to stay in the last-level cache. */
  static final int COL_BUFFER_FLOATS = 1 << 20;
  /** Fewest output positions per chunk, so that each GEMM call has a useful width. */
  static final int MIN_CHUNK_COLUMNS = 64;

  private ConvEngine() {}

  /**
   * Output positions handled per im2col chunk where a sample's chunks run in parallel (forward,
   * weight gradient): at most the cache-sized width, and when a sample needs several chunks, as
   * many chunks as a multiple of the kernel thread count, of equal width (the chunks are split into
   * one contiguous range per thread, so 7 chunks on 2 threads would leave one thread a chunk short
   * for a seventh of the time). Each output element is computed within one chunk, so the width
   * does not change the forward pass's bits.
   */
  private static int chunkColumns(ConvGeometry g) {
    int area = g.window().outArea();
    int chunks = WindowAxis.ceilDiv(area, widestChunk(g));
    int threads = Parallelism.threads();
    return chunks == 1 ? area : WindowAxis.ceilDiv(area, WindowAxis.ceilDiv(chunks, threads) * threads);
  }

  /**
   * Output positions per chunk where a sample's chunks run in turn (the input gradient): the
   * fewest cache-sized chunks, of equal width. It does not depend on the thread count, because
   * col2im adds chunk after chunk onto the input and the chunk boundaries set the order of those
   * additions: this way the input gradient has the same bits on any number of threads.
   */
  private static int serialChunkColumns(ConvGeometry g) {
    int area = g.window().outArea();
    return WindowAxis.ceilDiv(area, WindowAxis.ceilDiv(area, widestChunk(g)));
  }

  /** The widest chunk whose im2col buffer stays near {@link #COL_BUFFER_FLOATS}. */
  private static int widestChunk(ConvGeometry g) {
    int area = g.window().outArea();
    return Math.max(1, Math.min(area, Math.max(MIN_CHUNK_COLUMNS, COL_BUFFER_FLOATS / g.patchRows())));
  }

  private static float[] colBuffer(ConvGeometry g, int chunk) {
    return g.pointwise() ? null : new float[g.patchRows() * chunk];
  }

  /** Where the input channels of group {@code grp} of sample {@code n} start. */
  private static int inputOffset(ConvGeometry g, int n, int grp) {
    return (n * g.inChannels() + grp * g.groupInChannels()) * g.window().inArea();
  }

  /** Where the output channels of group {@code grp} of sample {@code n} start. */
  private static int outputOffset(ConvGeometry g, int n, int grp) {
    return (n * g.outChannels() + grp * g.groupOutChannels()) * g.window().outArea();
  }

  /** Where the filters of group {@code grp} start in the weight (and in the weight gradient). */
  private static int weightOffset(ConvGeometry g, int grp) {
    return grp * g.groupOutChannels() * g.patchRows();
  }

  /**
   * Identifies a packed weight among a tensor's derived values: the direction (the input gradient
   * multiplies by the transposed weight) and the sizes that fix the layout.
   */
  private record WeightPack(boolean transposed, int group, int groupOutChannels, int patchRows) {}

  /**
   * The weight's packed left factor per group, made on first use and kept with the weight: rows
   * {@code [m, patch]} for the forward product, their transpose for the input gradient.
   */
  private static PackedMatrix[] packedWeight(Tensor weight, ConvGeometry g, boolean transposed) {
    int rows = g.patchRows();
    int mg = g.groupOutChannels();
    WeightPack key = new WeightPack(transposed, g.group(), mg, rows);
    return INTERNALS.derived(weight, key, PackedMatrix[].class, t -> {
      float[] w = INTERNALS.array(t);
      PackedMatrix[] packs = new PackedMatrix[g.group()];
      for (int grp = 0; grp < packs.length; grp++) {
        packs[grp] = transposed
            ? Kernels.pack(true, rows, mg, w, weightOffset(g, grp), rows)
            : Kernels.pack(false, mg, rows, w, weightOffset(g, grp), rows);
      }
      return packs;
    });
  }

  /**
   * {@code y[n, m] = sum over c, taps of w[m, c, tap] * x[n, c, window(tap)]}, without bias; by
   * {@link Winograd} where it applies, else im2col and GEMM.
   */
  static float[] forward(float[] x, Tensor weight, ConvGeometry g) {
    return forward(x, weight, g, null);
  }

  /**
   * {@link #forward(float[], Tensor, ConvGeometry)} with, unless {@code mask} is null, every output
   * element masked by the element of {@code mask} at the same position ({@link Relu#masked}) as its
   * chunk is written, while it is still in cache: the input gradient of a convolution fused with
   * the ReLU that produced the convolution's input ({@code mask}, of the output's shape).
   */
  static float[] forward(float[] x, Tensor weight, ConvGeometry g, float[] mask) {
    WinogradTransform fast = Winograd.transformFor(g);
    if (fast != null) {
      return Winograd.forward(x, weight, g, fast, mask);
    }
    return im2colForward(x, weight, g, mask);
  }

  /** The forward pass by im2col and one packed GEMM per chunk (the direct path). */
  static float[] im2colForward(float[] x, Tensor weight, ConvGeometry g) {
    return im2colForward(x, weight, g, null);
  }

  /** {@link #im2colForward(float[], Tensor, ConvGeometry)}, each chunk masked as in {@link #forward(float[], Tensor, ConvGeometry, float[])}. */
  static float[] im2colForward(float[] x, Tensor weight, ConvGeometry g, float[] mask) {
    int area = g.window().outArea();
    int inArea = g.window().inArea();
    int chunk = chunkColumns(g);
    int chunks = WindowAxis.ceilDiv(area, chunk);
    PackedMatrix[] w = packedWeight(weight, g, false);
    float[] y = new float[g.batch() * g.outChannels() * area];
    Ranges.run(g.batch() * chunks, (part, from, to) -> {
      float[] col = colBuffer(g, chunk);
      for (int t = from; t < to; t++) {
        int n = t / chunks;
        int p0 = (t % chunks) * chunk;
        int p1 = Math.min(area, p0 + chunk);
        for (int grp = 0; grp < g.group(); grp++) {
          int xBase = inputOffset(g, n, grp);
          int yOff = outputOffset(g, n, grp) + p0;
          if (col == null) {
            Kernels.sgemm(w[grp], false, p1 - p0, x, xBase + p0, inArea, 0f, y, yOff, area);
          } else {
            transfer(false, x, xBase, col, g, p0, p1);
            Kernels.sgemm(w[grp], false, p1 - p0, col, 0, p1 - p0, 0f, y, yOff, area);
          }
          if (mask != null) {
            for (int m = 0; m < g.groupOutChannels(); m++) {
              Relu.maskInPlace(y, mask, yOff + m * area, yOff + m * area + p1 - p0);
            }
          }
        }
      }
    });
    return y;
  }

  /**
   * The gradient of the forward pass with respect to its input for output gradient {@code gy}:
   * {@code col = W^T * gy} per group, scattered back by col2im. This is also the transposed
   * convolution of {@code gy} with {@code weight}. Where {@link FlippedKernel} applies (unit
   * strides, enough channels) it runs as the forward convolution of {@code gy} with the flipped
   * kernel, without a scatter; otherwise {@link #scatteredInputGradient}.
   */
  static float[] inputGradient(float[] gy, Tensor weight, ConvGeometry g) {
    return inputGradient(gy, weight, g, null);
  }

  /**
   * {@link #inputGradient(float[], Tensor, ConvGeometry)} with, unless {@code mask} is null, the
   * chain rule of the ReLU that produced the convolution's input applied as the gradient is
   * written: element {@code i} is {@link Relu#masked masked} by {@code mask[i]}, the ReLU's output
   * (the convolution's input), bitwise what the ReLU's backward would give.
   */
  static float[] inputGradient(float[] gy, Tensor weight, ConvGeometry g, float[] mask) {
    if (FlippedKernel.applies(g)) {
      return forward(gy, FlippedKernel.of(weight, g), FlippedKernel.geometry(g), mask);
    }
    return scatteredInputGradient(gy, weight, g, mask);
  }

  /**
   * The input gradient by a GEMM with the transposed weight and col2im, for the convolutions that
   * {@link FlippedKernel} does not take (strided, few input channels per group). Samples run in
   * parallel (chunks of one sample overlap in the input and run in order); the col2im of a single
   * sample's chunk is split over its input channels.
   */
  static float[] scatteredInputGradient(float[] gy, Tensor weight, ConvGeometry g) {
    return scatteredInputGradient(gy, weight, g, null);
  }

  /**
   * {@link #scatteredInputGradient(float[], Tensor, ConvGeometry)}, each sample's gradient masked as
   * in {@link #inputGradient(float[], Tensor, ConvGeometry, float[])} once its last chunk is added
   * (chunks overlap in the input, so no element is final before).
   */
  static float[] scatteredInputGradient(float[] gy, Tensor weight, ConvGeometry g, float[] mask) {
    int area = g.window().outArea();
    int inArea = g.window().inArea();
    int chunk = serialChunkColumns(g);
    PackedMatrix[] wt = packedWeight(weight, g, true);
    float[] dx = new float[g.batch() * g.inChannels() * inArea];
    Ranges.run(g.batch(), (part, from, to) -> {
      float[] col = colBuffer(g, chunk);
      for (int n = from; n < to; n++) {
        for (int p0 = 0; p0 < area; p0 += chunk) {
          int p1 = Math.min(area, p0 + chunk);
          for (int grp = 0; grp < g.group(); grp++) {
            int xBase = inputOffset(g, n, grp);
            int gOff = outputOffset(g, n, grp) + p0;
            if (col == null) {
              Kernels.sgemm(wt[grp], false, p1 - p0, gy, gOff, area, 0f, dx, xBase + p0, inArea);
            } else {
              Kernels.sgemm(wt[grp], false, p1 - p0, gy, gOff, area, 0f, col, 0, p1 - p0);
              scatterByChannels(dx, xBase, col, g, p0, p1);
            }
          }
        }
        if (mask != null) {
          int sample = g.inChannels() * inArea;
          Relu.maskInPlace(dx, mask, n * sample, (n + 1) * sample);
        }
      }
    });
    return dx;
  }

  /**
   * The gradient of the forward pass with respect to the weight: {@code dW = gy * col^T} summed
   * over samples. Each thread accumulates its own partial sum; the partial sums are added in
   * thread order.
   */
  static float[] weightGradient(float[] x, float[] gy, ConvGeometry g) {
    int area = g.window().outArea();
    int inArea = g.window().inArea();
    int rows = g.patchRows();
    int mg = g.groupOutChannels();
    int chunk = chunkColumns(g);
    int chunks = WindowAxis.ceilDiv(area, chunk);
    int tasks = g.batch() * chunks;
    float[][] partial = new float[Ranges.parts(tasks)][];
    Ranges.run(tasks, (part, from, to) -> {
      float[] col = colBuffer(g, chunk);
      float[] acc = new float[g.outChannels() * rows];
      for (int t = from; t < to; t++) {
        int n = t / chunks;
        int p0 = (t % chunks) * chunk;
        int p1 = Math.min(area, p0 + chunk);
        for (int grp = 0; grp < g.group(); grp++) {
          int xBase = inputOffset(g, n, grp);
          int gOff = outputOffset(g, n, grp) + p0;
          if (col == null) {
            Kernels.sgemm(false, true, mg, rows, p1 - p0, 1f, gy, gOff, area,
                x, xBase + p0, inArea, 1f, acc, weightOffset(g, grp), rows);
          } else {
            transfer(false, x, xBase, col, g, p0, p1);
            Kernels.sgemm(false, true, mg, rows, p1 - p0, 1f, gy, gOff, area,
                col, 0, p1 - p0, 1f, acc, weightOffset(g, grp), rows);
          }
        }
      }
      partial[part] = acc;
    });
    float[] dw = partial[0];
    for (int p = 1; p < partial.length; p++) {
      for (int i = 0; i < dw.length; i++) {
        dw[i] += partial[p][i];
      }
    }
    return dw;
  }

  /**
   * Moves data between one group of one sample's input (starting at {@code xBase}) and the im2col
   * matrix of output positions {@code [p0, p1)}: with {@code scatter == false} (im2col) the matrix
   * is filled from the input, zeros where a tap falls into padding; with {@code scatter == true}
   * (col2im) the matrix is added back onto the input, skipping padding.
   */
  private static void transfer(boolean scatter, float[] x, int xBase, float[] col, ConvGeometry g,
      int p0, int p1) {
    transfer(scatter, x, xBase, col, g, p0, p1, 0, g.groupInChannels());
  }

  /**
   * col2im of output positions {@code [p0, p1)} with the input channels split over the kernel
   * threads: channels own disjoint input planes, and each element still receives its additions in
   * the same order, so the result is the serial one. Called where the samples do not already
   * occupy every thread (batch 1); inside a parallel task the channel ranges run in turn.
   */
  private static void scatterByChannels(float[] x, int xBase, float[] col, ConvGeometry g, int p0, int p1) {
    Ranges.run(g.groupInChannels(), (part, from, to) -> transfer(true, x, xBase, col, g, p0, p1, from, to));
  }

  /** {@link #transfer} restricted to the input channels {@code [c0, c1)} of the group (and their im2col rows). */
  private static void transfer(boolean scatter, float[] x, int xBase, float[] col, ConvGeometry g,
      int p0, int p1, int c0, int c1) {
    WindowAxis ah = g.window().h();
    WindowAxis aw = g.window().w();
    int inW = aw.in();
    int outW = aw.out();
    int sw = aw.stride();
    int plane = g.window().inArea();
    int len = p1 - p0;
    int row = c0 * ah.kernel() * aw.kernel();
    for (int c = c0; c < c1; c++) {
      int xc = xBase + c * plane;
      for (int kh = 0; kh < ah.kernel(); kh++) {
        for (int kw = 0; kw < aw.kernel(); kw++, row++) {
          int iw0 = kw * aw.dilation() - aw.padBegin();
          // the output columns whose tap kw lies inside the input row: [owIn, owOut)
          int owIn = aw.firstWindow(kw);
          int owOut = aw.endWindow(kw);
          int d = row * len;
          for (int p = p0; p < p1; ) {
            int oh = p / outW;
            int ow0 = p - oh * outW;
            int ow1 = Math.min(outW, ow0 + p1 - p);
            int ih = oh * ah.stride() - ah.padBegin() + kh * ah.dilation();
            int lo = Math.min(Math.max(owIn, ow0), ow1);
            int hi = Math.max(Math.min(owOut, ow1), lo);
            boolean rowInside = ih >= 0 && ih < ah.in();
            if (!rowInside) {
              lo = ow1;
              hi = ow1;
            }
            int src = xc + ih * inW + iw0;
            int dl = d + lo - ow0;
            if (scatter) {
              for (int ow = lo; ow < hi; ow++) {
                x[src + ow * sw] += col[dl + ow - lo];
              }
            } else {
              Arrays.fill(col, d, dl, 0f);
              if (sw == 1 && hi > lo) {
                System.arraycopy(x, src + lo, col, dl, hi - lo);
              } else {
                for (int ow = lo; ow < hi; ow++) {
                  col[dl + ow - lo] = x[src + ow * sw];
                }
              }
              Arrays.fill(col, dl + hi - lo, d + ow1 - ow0, 0f);
            }
            d += ow1 - ow0;
            p += ow1 - ow0;
          }
        }
      }
    }
  }
}
