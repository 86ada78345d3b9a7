package org.xai4j.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The start-up warm-up and throughput check of a kernel provider's SGEMM micro-kernel, run on the
 * calling thread. It first calls the micro-kernel {@value #WARMUP_CALLS} times on blocks of depth
 * {@value #DEPTH}, then times rounds of {@value #CALLS} calls until a round reaches
 * {@code minGflops}; it fails once the thread has spent {@code budgetNanos} of CPU time, or
 * {@value #WALL_FACTOR} times that in wall time.
 *
 * <p>Why this shape: the Vector API runs orders of magnitude slower than scalar code until C2
 * compiles the micro-kernel, which HotSpot does after about 600 calls and 15000 loop iterations;
 * a short depth gets there with little work. While rounds are still that slow (under
 * {@value #UNCOMPILED_GFLOPS} GFLOP/s) the check pauses {@value #PAUSE_MILLIS} ms after each, leaving
 * the CPU to the JIT compiler thread, and counting CPU rather than wall time keeps a busy machine
 * from failing a healthy compilation. Compiled but slow code (a poor compilation: JDK 25 was seen
 * to leave a large micro-kernel at about 1 GFLOP/s) runs without pauses, so it fails within the
 * budget. The calls cycle through beta = 0, 1 and 1/2 so that the compiled code has seen every way
 * of storing C. On an idle machine a healthy compilation passes after about 0.3 s.
 *
 * <p>The check first calls the provider's {@link MatVecKernel} {@value #MATVEC_WARMUP_CALLS} times
 * on small rows (not timed), so that HotSpot compiles it as well: otherwise the first fully
 * connected layer at batch 1 (one call over 411 MB in VGG-16) runs it interpreted, about a second
 * instead of 15 ms, until on-stack replacement catches up. The compilation itself is queued
 * behind others, so on a busy machine the first such call can still be a few times slower.
 *
 * @param minGflops throughput that counts as healthy, in GFLOP/s (2 flops per multiply-add)
 * @param budgetNanos CPU time of the calling thread after which the check fails
 */
record ThroughputCheck(double minGflops, long budgetNanos) {
  private static final int DEPTH = 8;
  private static final int WARMUP_CALLS = 2000;
  private static final int CALLS = 64;
  private static final long PAUSE_MILLIS = 2;
  /** Rounds slower than this still run interpreted or C1 code (healthy C2 code: 60-100 here). */
  private static final double UNCOMPILED_GFLOPS = 0.5;
  /** The check also fails after this many times its CPU budget in wall time. */
  private static final int WALL_FACTOR = 5;
  private static final float[] BETAS = {0f, 1f, 0.5f};
  /**
   * Untimed warm-up calls of each matrix-vector loop: with the loop iterations of each call, past
   * HotSpot's thresholds for a C2 compilation (600 calls and 15000 calls plus loop iterations).
   * Kept low because interpreted Vector API code is slow: 3000 calls of 8 rows added a second to
   * the start-up on a busy machine.
   */
  private static final int MATVEC_WARMUP_CALLS = 800;
  /**
   * Rows and columns of the matrix-vector warm-up: 150 columns run every loop of both kernels
   * (whole four-vector steps, single vectors, the scalar tail).
   */
  private static final int MATVEC_ROWS = 2;
  private static final int MATVEC_DEPTH = 150;
  /**
   * Default bar: 5 GFLOP/s on one thread, an order of magnitude under a healthy vector
   * micro-kernel here (60-100 GFLOP/s per core) and still several times a badly compiled one.
   */
  static final double DEFAULT_MIN_GFLOPS = 5.0;
  /** Default budget: 1 s of CPU time (a healthy compilation needs about 0.3 s, even on a busy machine). */
  static final long DEFAULT_BUDGET_NANOS = 1_000_000_000L;

  /** The check used at start-up. */
  static ThroughputCheck standard() {
    return new ThroughputCheck(DEFAULT_MIN_GFLOPS, DEFAULT_BUDGET_NANOS);
  }

  /**
   * What the check saw.
   *
   * @param passed whether a round reached the bar
   * @param bestGflops the fastest round
   * @param elapsedNanos wall time of the check
   */
  record Result(boolean passed, double bestGflops, long elapsedNanos) {}

  /** Runs the check on the micro-kernel of {@code support}. */
  Result run(KernelSupport support) {
    warmUp(support.matVecKernel());
    MicroKernel kernel = support.microKernel();
    int nr = kernel.nr();
    float[] a = pattern(kernel.mr() * DEPTH);
    float[] b = pattern(nr * DEPTH);
    float[] c = new float[kernel.mr() * nr];
    double flopsPerRound = 2.0 * kernel.mr() * nr * DEPTH * CALLS;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
    long start = System.nanoTime();
    long cpuStart = cpuClock ? threads.getCurrentThreadCpuTime() : start;
    for (int i = 0; i < WARMUP_CALLS; i++) {
      kernel.multiply(DEPTH, a, 0, 1, kernel.mr(), b, 0, nr, c, 0, nr, BETAS[i % BETAS.length]);
    }
    double best = 0;
    while (true) {
      long t0 = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        kernel.multiply(DEPTH, a, 0, 1, kernel.mr(), b, 0, nr, c, 0, nr, BETAS[i % BETAS.length]);
      }
      long now = System.nanoTime();
      double gflops = flopsPerRound / Math.max(1, now - t0);
      best = Math.max(best, gflops);
      long cpu = cpuClock ? threads.getCurrentThreadCpuTime() - cpuStart : now - start;
      boolean outOfTime = cpu >= budgetNanos || now - start >= WALL_FACTOR * budgetNanos;
      if (best >= minGflops || outOfTime || (gflops < UNCOMPILED_GFLOPS && !pause())) {
        return new Result(best >= minGflops, best, now - start);
      }
    }
  }

  private static void warmUp(MatVecKernel kernel) {
    float[] a = pattern(MATVEC_ROWS * MATVEC_DEPTH);
    float[] x = pattern(MATVEC_DEPTH);
    float[] y = new float[MATVEC_DEPTH];
    for (int i = 0; i < MATVEC_WARMUP_CALLS; i++) {
      kernel.dotRows(MATVEC_ROWS, MATVEC_DEPTH, a, 0, MATVEC_DEPTH, x, y, 0);
      kernel.combineRows(MATVEC_DEPTH, MATVEC_ROWS, a, 0, MATVEC_DEPTH, x, y, 0);
    }
  }

  /** Leaves the CPU to the JIT compiler; false (interrupt status kept) when interrupted. */
  private static boolean pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Small exact values (multiples of 1/8 in [-1, 1]), so that results stay finite. */
  private static float[] pattern(int size) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (i % 17 - 8) / 8f;
    }
    return x;
  }
}
