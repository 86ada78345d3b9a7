package org.xai4j.kernel;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads behind {@link Parallelism#forEach}: the calling thread and {@code size - 1} daemon
 * workers, which claim the indices of one parallel region at a time from a shared counter. Between
 * regions a worker spins for {@link #SPIN_NANOS} before it parks (unless the team has more threads
 * than there are processors), as OpenMP's threads do by
 * default: a kernel pass runs dozens to hundreds of short regions a few hundred microseconds
 * apart, and waking a parked thread cost 90-210 us on the 2-vCPU machine this was measured on (a
 * {@code ForkJoinPool} fork/join, whose caller also waits idle, 20-70 us even back to back).
 *
 * <p>One region runs at a time. A call made while the team is busy (a nested call from inside a
 * region, or a call from another thread meanwhile) runs its indices on the calling thread, in
 * order; which thread runs an index never changes a result, as the callers write disjoint outputs.
 */
final class KernelTeam {
  /** How long an idle worker polls for the next region before it parks. */
  static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /**
   * {@link #SPIN_NANOS}, or 0 with more threads than processors: a polling thread would then take
   * the processor of one that has work.
   */
  private final long spinNanos;

  private final AtomicBoolean busy = new AtomicBoolean();
  private final Worker[] workers;
  /**
   * The running region, null between regions (so that nothing keeps a finished region's body and
   * what it captured); workers run each region whose number they have not yet seen.
   */
  private volatile Region current;
  private long regions;

  /** A team of {@code size} threads, the caller included; {@code size >= 2}. */
  KernelTeam(int size) {
    spinNanos = size <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
    workers = new Worker[size - 1];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Worker(i + 1);
      workers[i].start();
    }
  }

  /**
   * Runs {@code body} for every index in {@code [0, n)} on the team, the caller taking part, and
   * returns when all have run; the first exception or error thrown by {@code body} is rethrown
   * once every index has been run or abandoned.
   */
  void forEach(int n, IntConsumer body) {
    if (!busy.compareAndSet(false, true)) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    Region region = new Region(++regions, n, body);
    try {
      current = region;
      for (Worker w : workers) {
        if (w.parked) {
          LockSupport.unpark(w);
        }
      }
      region.work();
      region.awaitCompletion(spinNanos);
    } finally {
      current = null;
      busy.set(false);
    }
    region.rethrow();
  }

  /** One parallel region: the indices still to claim, those still running, the first failure. */
  private static final class Region {
    private final long number;
    private final int n;
    private final IntConsumer body;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger unfinished;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Region(long number, int n, IntConsumer body) {
      this.number = number;
      this.n = n;
      this.body = body;
      this.unfinished = new AtomicInteger(n);
    }

    /** Claims and runs indices until none is left. */
    void work() {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        try {
          if (failure.get() == null) {
            body.accept(i);
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          unfinished.decrementAndGet();
        }
      }
    }

    /** Waits for the indices other threads are running: spinning for {@code spin} ns, then in short sleeps. */
    void awaitCompletion(long spin) {
      long start = System.nanoTime();
      while (unfinished.get() > 0) {
        if (System.nanoTime() - start < spin) {
          Thread.onSpinWait();
        } else {
          LockSupport.parkNanos(10_000);
        }
      }
    }

    void rethrow() {
      Throwable t = failure.get();
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }

  /** A worker: runs every new region, spinning between regions and then parking until woken. */
  private final class Worker extends Thread {
    /** Set before the worker parks (and re-checks for a region), so that a new region wakes it. */
    volatile boolean parked;

    Worker(int index) {
      super("xai4j-kernel-" + index);
      setDaemon(true);
    }

    @Override
    public void run() {
      long seen = 0;
      while (true) {
        seen = runNext(seen);
      }
    }

    /**
     * Runs this worker's share of the region numbered after {@code seen} and returns its number
     * (a method of its own, so that no local variable of the loop keeps the region alive).
     */
    private long runNext(long seen) {
      Region r = awaitRegion(seen);
      r.work();
      return r.number;
    }

    private Region awaitRegion(long seen) {
      long start = System.nanoTime();
      while (true) {
        Region r = current;
        if (hasNew(r, seen)) {
          return r;
        }
        if (System.nanoTime() - start < spinNanos) {
          Thread.onSpinWait();
          continue;
        }
        parked = true;
        if (!hasNew(current, seen)) {
          LockSupport.park(this);
        }
        parked = false;
        start = System.nanoTime();
      }
    }
  }

  /** Whether {@code r} is a region other than the one numbered {@code seen}. */
  private static boolean hasNew(Region r, long seen) {
    return r != null && r.number != seen;
  }
}
