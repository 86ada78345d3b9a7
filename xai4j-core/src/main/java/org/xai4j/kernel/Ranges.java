package org.xai4j.kernel;

/**
 * Splits {@code count} work items into one contiguous range per kernel thread and runs the ranges
 * through {@link Parallelism#forEach}. A range owns its scratch buffers, so buffers are allocated
 * per thread rather than per item; the split depends only on the count and the thread count.
 *
 * <p>Internal to xai4j, not API: public only for the ops of other packages; it may change in any
 * release.
 */
public final class Ranges {
  private Ranges() {}

  /** The work of one range: items {@code [from, to)}, which is range number {@code part}. */
  @FunctionalInterface
  public interface Body {
    void run(int part, int from, int to);
  }

  /** Number of ranges {@link #run} uses for {@code count} items. */
  public static int parts(int count) {
    return Math.max(1, Math.min(Parallelism.threads(), count));
  }

  /** Runs {@code body} over {@link #parts} contiguous ranges covering {@code [0, count)}. */
  public static void run(int count, Body body) {
    int parts = parts(count);
    Parallelism.forEach(parts, p -> {
      int from = (int) ((long) count * p / parts);
      int to = (int) ((long) count * (p + 1) / parts);
      body.run(p, from, to);
    });
  }
}
