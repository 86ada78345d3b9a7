package org.xai4j.kernel;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The SGEMM driver shared by the kernel providers, in the GotoBLAS/BLIS arrangement: op(B) is
 * packed into slivers of {@code nr} columns and op(A), pre-scaled by alpha, into slivers of
 * {@code mr} rows, one depth block of {@code kc} at a time; a {@link MicroKernel} then computes
 * each {@code mr x nr} block of C from one sliver of each. Transposes are absorbed by the packing,
 * ragged edges by zero padding (the micro-kernel writes such blocks to a scratch block that is
 * merged into C), and problems under {@link #SMALL_WORK} multiply-adds run plain loops instead.
 *
 * <p>Threads split C into disjoint tiles ({@link Parallelism#forEach}); every element of C is
 * computed by one thread, summing depth blocks in order and, within a block, depth in order. The
 * result therefore does not depend on the thread count or on scheduling.
 *
 * <p>Layouts: A sliver {@code s} of a depth block of {@code kb} holds
 * {@code packA[s*mr*kb + p*mr + r] = alpha * op(A)[s*mr + r][p]}; B sliver {@code t} holds
 * {@code packB[t*nr*kb + p*nr + q] = op(B)[p][t*nr + q]}; padding is zero.
 */
final class BlockedSgemm {
  /** Below this many multiply-adds (32^3) packing costs more than it saves: plain loops run. */
  static final long SMALL_WORK = 32L * 32 * 32;
  /** Below this many multiply-adds (about 2^20, tens of microseconds) forking costs more than it saves. */
  static final long PARALLEL_WORK = 1L << 20;
  /** Rows of C per parallel task; a multiple of every micro-kernel's {@code mr}. */
  static final int TILE_ROWS = 128;
  /** Columns of C per parallel task; a multiple of every micro-kernel's {@code nr}. */
  static final int TILE_COLS = 128;
  /** Rows of op(A) packed per round (bounds the packed-A buffer to {@code PANEL_ROWS * kc}). */
  static final int PANEL_ROWS = 1024;
  /** Columns of op(B) packed per round (bounds the packed-B buffer to {@code PANEL_COLS * kc}). */
  static final int PANEL_COLS = 2048;
  /**
   * Up to this many rows of C, an untransposed B is read in place rather than packed: each B
   * element then serves at most this many multiply-adds, too few to repay copying it (im2col
   * convolutions with few output channels are the typical case).
   */
  static final int DIRECT_B_MAX_ROWS = 128;
  /**
   * Up to this many columns of C, an untransposed A is read in place when alpha is 1 (packing
   * would be needed to fold in another alpha): each A element serves at most this many
   * multiply-adds (narrow products such as 512 x 4608 times 4608 x 49).
   */
  static final int DIRECT_A_MAX_COLS = 64;
  /** Slivers packed per parallel packing task. */
  private static final int SLIVERS_PER_TASK = 8;

  private final MicroKernel kernel;
  private final int mr;
  private final int nr;
  private final int kc;

  BlockedSgemm(MicroKernel kernel) {
    this.kernel = kernel;
    this.mr = kernel.mr();
    this.nr = kernel.nr();
    this.kc = kernel.kc();
    if (TILE_ROWS % mr != 0 || TILE_COLS % nr != 0 || PANEL_ROWS % TILE_ROWS != 0 || PANEL_COLS % TILE_COLS != 0) {
      throw new IllegalArgumentException("micro-kernel " + mr + " x " + nr + " does not divide the "
          + TILE_ROWS + " x " + TILE_COLS + " tiles or these the " + PANEL_ROWS + " x " + PANEL_COLS + " panels");
    }
  }

  /** The micro-kernel this driver runs. */
  MicroKernel microKernel() {
    return kernel;
  }

  /**
   * How one C element is finished: {@code acc + beta * old} with a single rounding (a fused
   * multiply-add, so {@code beta == 1} is a plain sum), and {@code beta == 0} ignoring {@code old}
   * (so NaNs in an overwritten C do not survive).
   */
  static float combine(float acc, float old, float beta) {
    return beta == 0f ? acc : Math.fma(beta, old, acc);
  }

  /** See {@link KernelSupport#sgemm}; arguments are trusted. */
  void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    if (k == 0 || alpha == 0f) {
      scale(m, n, beta, c, cOff, ldc);
      return;
    }
    long work = (long) m * n * k;
    if (work < SMALL_WORK) {
      plain(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    blocked(transA, transB, m, n, k, alpha, a, aOff, lda, null, b, bOff, ldb, beta, c, cOff, ldc);
  }

  /**
   * op(A) (m x k, alpha 1) packed whole, for {@link #sgemmPacked}: depth block {@code d} (depth
   * {@code [d*kc, d*kc + kb)}) starts at {@code d * kc * roundUp(m, mr)} and holds every row
   * sliver in the layout of the class documentation, sliver {@code s} at {@code s * mr * kb} within
   * the block. Every element is stored exactly as the per-call packing stores it.
   */
  float[] packWhole(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    int rows = roundUp(m, mr);
    float[] packed = new float[rows * k];
    for (int pc = 0; pc < k; pc += kc) {
      int kb = Math.min(kc, k - pc);
      for (int s = 0; s * mr < m; s++) {
        packASliver(transA, 1f, a, aOff, lda, s * mr, Math.min(mr, m - s * mr), pc, kb,
            packed, pc * rows + s * mr * kb);
      }
    }
    return packed;
  }

  /**
   * {@code C = A * op(B) + beta * C} with A given by {@link #packWhole}; the blocked loop only,
   * with {@code m * n * k >= SMALL_WORK}. Bit for bit the result of {@link #sgemm} on the unpacked
   * A with alpha 1 (the same micro-kernel calls on the same values in the same order).
   */
  void sgemmPacked(float[] packedA, boolean transB, int m, int n, int k, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    blocked(false, transB, m, n, k, 1f, null, 0, 0, packedA, b, bOff, ldb, beta, c, cOff, ldc);
  }

  /** The blocked loop; {@code prepacked} (from {@link #packWhole}) replaces the A arguments when not null. */
  private void blocked(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] prepacked, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    long work = (long) m * n * k;
    boolean parallel = work >= PARALLEL_WORK && Parallelism.threads() > 1;
    boolean directB = !transB && m <= DIRECT_B_MAX_ROWS;
    boolean directA = prepacked == null && !transA && alpha == 1f && n <= DIRECT_A_MAX_COLS;
    int depth = Math.min(kc, k);
    // Read in place, only the one ragged sliver of a panel (if any) is packed.
    Scratch scratch = Scratch.take();
    try {
      float[] packA = prepacked != null ? prepacked
          : scratch.a((directA ? mr : roundUp(Math.min(m, PANEL_ROWS), mr)) * depth);
      float[] packB = scratch.b((directB ? nr : roundUp(Math.min(n, PANEL_COLS), nr)) * depth);
      blocked(transA, transB, m, n, k, alpha, a, aOff, lda, prepacked, b, bOff, ldb, beta, c, cOff, ldc,
          parallel, directA, directB, packA, packB);
    } finally {
      scratch.release();
    }
  }

  /**
   * The packing buffers of the calling thread, reused from call to call: allocating (and so
   * zeroing) them afresh cost as much as a sixth of a Winograd convolution's time, in its many
   * narrow GEMMs. The packing writes every element that the micro-kernel reads (padding
   * included), so stale contents never reach C. A call made on a thread whose buffers are in use
   * (a task taken over while that thread waits inside a GEMM) gets fresh arrays.
   */
  private static final class Scratch {
    private static final ThreadLocal<Scratch> OWN = ThreadLocal.withInitial(Scratch::new);
    private boolean busy;
    private float[] a = new float[0];
    private float[] b = new float[0];
    private final boolean fresh;

    private Scratch() {
      this(false);
    }

    private Scratch(boolean fresh) {
      this.fresh = fresh;
    }

    static Scratch take() {
      Scratch own = OWN.get();
      if (own.busy) {
        return new Scratch(true);
      }
      own.busy = true;
      return own;
    }

    float[] a(int size) {
      if (a.length < size) {
        a = new float[size];
      }
      return a;
    }

    float[] b(int size) {
      if (b.length < size) {
        b = new float[size];
      }
      return b;
    }

    void release() {
      if (!fresh) {
        busy = false;
      }
    }
  }

  private void blocked(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] prepacked, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc, boolean parallel, boolean directA, boolean directB,
      float[] packA, float[] packB) {
    int packedRows = roundUp(m, mr);
    for (int jc = 0; jc < n; jc += PANEL_COLS) {
      int nb = Math.min(PANEL_COLS, n - jc);
      for (int pc = 0; pc < k; pc += kc) {
        int kb = Math.min(kc, k - pc);
        float blockBeta = pc == 0 ? beta : 1f;
        for (int ic = 0; ic < m; ic += PANEL_ROWS) {
          int mb = Math.min(PANEL_ROWS, m - ic);
          Panel panel = new Panel(ic, mb, jc, nb, pc, kb, directA, directB,
              prepacked == null ? 0 : pc * packedRows + ic * kb);
          pack(parallel, panel, prepacked == null, ic == 0, transA, alpha, a, aOff, lda, packA,
              transB, b, bOff, ldb, packB);
          int colTiles = ceilDiv(nb, TILE_COLS);
          run(parallel, ceilDiv(mb, TILE_ROWS) * colTiles, t -> computeTile(panel,
              (t / colTiles) * TILE_ROWS, (t % colTiles) * TILE_COLS, a, aOff, lda, packA, b, bOff, ldb, packB,
              blockBeta, c, cOff, ldc));
        }
      }
    }
  }

  /**
   * One round of the blocked loop: rows {@code [ic, ic+mb)}, columns {@code [jc, jc+nb)}, depth
   * {@code [pc, pc+kb)}; with {@code directA} ({@code directB}), full-height A (full-width B)
   * slivers are read in place. The panel's first packed A sliver starts at {@code aBase}.
   */
  private record Panel(int ic, int mb, int jc, int nb, int pc, int kb, boolean directA, boolean directB,
      int aBase) {}

  /** Where packed A sliver {@code s} starts (panels are whole slivers, so only the last can be ragged). */
  private int packedA(Panel p, int s) {
    return p.directA ? 0 : p.aBase + s * mr * p.kb;
  }

  /** Where packed B sliver {@code s} starts. */
  private int packedB(Panel p, int s) {
    return p.directB ? 0 : s * nr * p.kb;
  }

  private boolean readsAInPlace(Panel p, int height) {
    return p.directA && height == mr;
  }

  private boolean readsBInPlace(Panel p, int width) {
    return p.directB && width == nr;
  }

  private void pack(boolean parallel, Panel p, boolean withA, boolean withB, boolean transA, float alpha,
      float[] a, int aOff, int lda, float[] packA,
      boolean transB, float[] b, int bOff, int ldb, float[] packB) {
    int aSlivers = withA ? ceilDiv(p.mb, mr) : 0;
    int bSlivers = withB ? ceilDiv(p.nb, nr) : 0;
    int aTasks = ceilDiv(aSlivers, SLIVERS_PER_TASK);
    int bTasks = ceilDiv(bSlivers, SLIVERS_PER_TASK);
    run(parallel, aTasks + bTasks, task -> {
      boolean isA = task < aTasks;
      int first = (isA ? task : task - aTasks) * SLIVERS_PER_TASK;
      int last = Math.min(isA ? aSlivers : bSlivers, first + SLIVERS_PER_TASK);
      if (!isA && !transB) {
        packBRows(p, first, last, b, bOff, ldb, packB);
        return;
      }
      for (int s = first; s < last; s++) {
        if (isA) {
          if (readsAInPlace(p, Math.min(mr, p.mb - s * mr))) {
            continue;
          }
          packASliver(transA, alpha, a, aOff, lda, p.ic + s * mr, Math.min(mr, p.mb - s * mr), p.pc, p.kb,
              packA, packedA(p, s));
        } else if (!readsBInPlace(p, Math.min(nr, p.nb - s * nr))) {
          packTransposedBSliver(b, bOff, ldb, p.jc + s * nr, Math.min(nr, p.nb - s * nr), p.pc, p.kb,
              packB, packedB(p, s));
        }
      }
    });
  }

  /**
   * Packs untransposed B slivers {@code [first, last)} of the panel one row of B at a time, so
   * that the source is read in runs of {@code (last - first) * nr} consecutive floats (sliver by
   * sliver it would be read one short run per row, a stride the prefetchers follow poorly; the
   * im2col matrix of a convolution is the typical B). Copies are plain loops: for runs of one
   * sliver width, {@code System.arraycopy} costs more in call overhead than the copy itself.
   */
  private void packBRows(Panel p, int first, int last, float[] b, int bOff, int ldb, float[] packB) {
    for (int row = 0; row < p.kb; row++) {
      int src = bOff + (p.pc + row) * ldb + p.jc;
      for (int s = first; s < last; s++) {
        int w = Math.min(nr, p.nb - s * nr);
        if (readsBInPlace(p, w)) {
          continue;
        }
        int from = src + s * nr;
        int o = packedB(p, s) + row * nr;
        for (int q = 0; q < w; q++) {
          packB[o + q] = b[from + q];
        }
        for (int q = w; q < nr; q++) {
          packB[o + q] = 0f;
        }
      }
    }
  }

  private void packASliver(boolean transA, float alpha, float[] a, int aOff, int lda,
      int row0, int h, int col0, int kb, float[] dst, int d) {
    if (transA) {
      for (int p = 0; p < kb; p++) {
        int src = aOff + (col0 + p) * lda + row0;
        int o = d + p * mr;
        for (int r = 0; r < h; r++) {
          dst[o + r] = alpha * a[src + r];
        }
        Arrays.fill(dst, o + h, o + mr, 0f);
      }
      return;
    }
    for (int r = 0; r < h; r++) {
      int src = aOff + (row0 + r) * lda + col0;
      for (int p = 0; p < kb; p++) {
        dst[d + p * mr + r] = alpha * a[src + p];
      }
    }
    if (h < mr) {
      for (int p = 0; p < kb; p++) {
        Arrays.fill(dst, d + p * mr + h, d + (p + 1) * mr, 0f);
      }
    }
  }

  /** Packs one sliver of a transposed B: column {@code col0 + q} of op(B) is row {@code col0 + q} of B. */
  private void packTransposedBSliver(float[] b, int bOff, int ldb,
      int col0, int w, int row0, int kb, float[] dst, int d) {
    for (int q = 0; q < w; q++) {
      int src = bOff + (col0 + q) * ldb + row0;
      for (int p = 0; p < kb; p++) {
        dst[d + p * nr + q] = b[src + p];
      }
    }
    if (w < nr) {
      for (int p = 0; p < kb; p++) {
        Arrays.fill(dst, d + p * nr + w, d + (p + 1) * nr, 0f);
      }
    }
  }

  /** Rows {@code [i0, i0+TILE_ROWS)} x columns {@code [j0, j0+TILE_COLS)} of the panel (clipped). */
  private void computeTile(Panel p, int i0, int j0, float[] a, int aOff, int lda, float[] packA,
      float[] b, int bOff, int ldb, float[] packB, float beta, float[] c, int cOff, int ldc) {
    int i1 = Math.min(p.mb, i0 + TILE_ROWS);
    int j1 = Math.min(p.nb, j0 + TILE_COLS);
    float[] scratch = null;
    for (int j = j0; j < j1; j += nr) {
      int w = Math.min(nr, j1 - j);
      boolean bInPlace = readsBInPlace(p, w);
      float[] bSrc = bInPlace ? b : packB;
      int bIdx = bInPlace ? bOff + p.pc * ldb + p.jc + j : packedB(p, j / nr);
      int bStride = bInPlace ? ldb : nr;
      for (int i = i0; i < i1; i += mr) {
        int h = Math.min(mr, i1 - i);
        boolean aInPlace = readsAInPlace(p, h);
        float[] aSrc = aInPlace ? a : packA;
        int aIdx = aInPlace ? aOff + (p.ic + i) * lda + p.pc : packedA(p, i / mr);
        int aRowStride = aInPlace ? lda : 1;
        int aDepthStride = aInPlace ? 1 : mr;
        int cIdx = cOff + (p.ic + i) * ldc + p.jc + j;
        if (h == mr && w == nr) {
          kernel.multiply(p.kb, aSrc, aIdx, aRowStride, aDepthStride, bSrc, bIdx, bStride, c, cIdx, ldc, beta);
          continue;
        }
        if (scratch == null) {
          scratch = new float[mr * nr];
        }
        kernel.multiply(p.kb, aSrc, aIdx, aRowStride, aDepthStride, bSrc, bIdx, bStride, scratch, 0, nr, 0f);
        for (int r = 0; r < h; r++) {
          int row = cIdx + r * ldc;
          for (int q = 0; q < w; q++) {
            c[row + q] = combine(scratch[r * nr + q], c[row + q], beta);
          }
        }
      }
    }
  }

  /** {@code C = beta * C} (zero when beta is 0): the whole product when k or alpha is 0. */
  private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      for (int j = 0; j < n; j++) {
        c[row + j] = combine(0f, c[row + j], beta);
      }
    }
  }

  /** Dot-product loops for small problems, summing over depth in order. */
  private static void plain(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    int aRow = transA ? 1 : lda;
    int aStep = transA ? lda : 1;
    int bCol = transB ? ldb : 1;
    int bStep = transB ? 1 : ldb;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0f;
        int ai = aOff + i * aRow;
        int bi = bOff + j * bCol;
        for (int p = 0; p < k; p++) {
          s += a[ai + p * aStep] * b[bi + p * bStep];
        }
        int ci = cOff + i * ldc + j;
        c[ci] = combine(alpha * s, c[ci], beta);
      }
    }
  }

  private static void run(boolean parallel, int tasks, IntConsumer body) {
    if (parallel) {
      Parallelism.forEach(tasks, body);
      return;
    }
    for (int t = 0; t < tasks; t++) {
      body.accept(t);
    }
  }

  private static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  private static int roundUp(int x, int multiple) {
    return ceilDiv(x, multiple) * multiple;
  }
}
