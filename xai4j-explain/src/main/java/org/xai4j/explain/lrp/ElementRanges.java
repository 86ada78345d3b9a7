package org.xai4j.explain.lrp;

import org.xai4j.kernel.Ranges;

/**
 * Splits the element-wise loops of the LRP rules (divide by the denominator, multiply by the
 * input) over the kernel threads with {@link Ranges} once they are long enough to pay for it, so
 * that at batch 1 they do not run on one core while the convolutions around them use all. Each element is computed by
 * the same expression whatever the split, so results do not depend on the thread count.
 */
final class ElementRanges {
  /** Below this many elements a loop runs on the calling thread (a task costs more than it saves). */
  static final int MIN_PARALLEL = 1 << 15;

  private ElementRanges() {}

  /** The work on elements {@code [from, to)}. */
  interface Body {
    void run(int from, int to);
  }

  /** Runs {@code body} over contiguous ranges that cover {@code [0, length)} ({@link Ranges} above the threshold). */
  static void run(int length, Body body) {
    if (length < MIN_PARALLEL) {
      body.run(0, length);
      return;
    }
    Ranges.run(length, (part, from, to) -> body.run(from, to));
  }
}
