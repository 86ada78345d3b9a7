package org.xai4j.kernel;

import java.util.function.IntConsumer;

/**
 * The threads that xai4j's kernels split work over (batch entries, output tiles): the calling
 * thread and a {@link KernelTeam} of workers.
 *
 * <p>The thread count is read once from the system property {@code xai4j.threads} (default: the
 * number of available processors). Work is split into disjoint index ranges, so results do not
 * depend on scheduling; reductions over the split are combined in index order by the callers.
 */
public final class Parallelism {
  /** System property that sets the number of kernel threads. */
  public static final String THREADS_PROPERTY = "xai4j.threads";

  private Parallelism() {}

  /** Reads the property on first use; an invalid value is kept and reported on every use. */
  private static final class Holder {
    static final RuntimeException FAILURE;
    static final int THREADS;
    static final KernelTeam TEAM;

    static {
      int threads = 1;
      RuntimeException failure = null;
      try {
        threads = parseThreads(System.getProperty(THREADS_PROPERTY), Runtime.getRuntime().availableProcessors());
      } catch (IllegalArgumentException e) {
        failure = e;
      }
      FAILURE = failure;
      THREADS = threads;
      TEAM = failure == null && threads > 1 ? new KernelTeam(threads) : null;
    }
  }

  /**
   * The thread count a value of {@value #THREADS_PROPERTY} asks for; {@code null} or blank means {@code dflt}.
   *
   * @throws IllegalArgumentException naming the property if the value is not a whole number of at least 1
   */
  static int parseThreads(String v, int dflt) {
    if (v == null || v.isBlank()) {
      return dflt;
    }
    int t;
    try {
      t = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + v + " is not a whole number of threads", e);
    }
    if (t < 1) {
      throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + v + " must be at least 1");
    }
    return t;
  }

  /**
   * Number of threads kernels use.
   *
   * @throws IllegalArgumentException if {@value #THREADS_PROPERTY} is invalid (on every call)
   */
  public static int threads() {
    requireValid();
    return Holder.THREADS;
  }

  private static void requireValid() {
    if (Holder.FAILURE != null) {
      throw new IllegalArgumentException(Holder.FAILURE.getMessage(), Holder.FAILURE);
    }
  }

  /**
   * Runs {@code body} for every index in {@code [0, n)}, in parallel when there is more than one
   * thread and more than one index. Each index runs once; after an index has thrown, those not yet
   * started are skipped and the first exception or error is rethrown here.
   */
  public static void forEach(int n, IntConsumer body) {
    if (n <= 0) {
      return;
    }
    requireValid();
    if (Holder.TEAM == null || n == 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    Holder.TEAM.forEach(n, body);
  }
}
