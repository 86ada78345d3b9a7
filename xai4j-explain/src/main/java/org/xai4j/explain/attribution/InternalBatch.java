package org.xai4j.explain.attribution;

import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.graph.Trace;

/**
 * How many points (Integrated Gradients' path points, SmoothGrad's noisy copies, occluded copies)
 * go through the graph in one forward (and reverse) pass: a fixed number, or {@linkplain
 * #automatic() chosen} from the memory one point needs.
 *
 * <p>The points of all explained samples are stacked along the batch axis (point {@code r} belongs
 * to sample {@code r % N}) and cut into passes of equal size: with at most {@code R} rows per pass,
 * {@code P} points take {@code ceil(P / R)} passes whose sizes differ by at most one point (50
 * points at {@code R = 16}: four passes of 12, 13, 12 and 13 rows, not 16, 16, 16 and 2).
 * Large passes are what makes these methods fast: every weight is read once per pass rather than
 * once per point (the fully connected layers of VGG-16 read 0.5 GB per pass), and the kernels get
 * wide matrix products and work for every thread.
 *
 * <p>The automatic rule: one point needs {@code bytes = 4 * passes * values}, where
 * {@code values} is the number of floats the forward pass records per sample (the sum of the sizes
 * of all graph values, measured on the explained batch's own forward pass) and {@code passes} is 2
 * for methods with a reverse pass (its signals at every value are kept to the end of the pass too)
 * and 1 for occlusion. The largest number of rows is then
 * {@code min(}{@value #MAX_ROWS}{@code , floor(}{@link #HEAP_SHARE}{@code  * maxHeap / bytes))}, at
 * least 1. An eighth of the heap for one pass leaves room for what the application holds besides
 * (the model, its packed weights, other prepared explainers), the explained batch and the result,
 * and for the collector: on JDK 17, G1 allocates every array above half a region (2-4 MB) as a
 * humongous object and does not move those in a full collection, so a heap of large activations can
 * fragment before it is full; a quarter of the heap per pass ran out of memory for Integrated
 * Gradients on VGG-16 in a 6 GB heap that also held two prepared LRP explainers. For VGG-16 at 224 x 224 (about 29 million
 * floats recorded per point, 0.23 GB for a gradient point) and a 6 GB heap that is 3 rows
 * (Integrated Gradients' 50 path points: 17 passes of 2 or 3); for an MNIST network it is
 * {@value #MAX_ROWS}.
 * The cap {@value #MAX_ROWS} is where the gain of larger passes has run out (the weights' share of
 * the time is then negligible and every product is wide), so that a small model does not build
 * passes of thousands of rows whose activations leave the caches.
 *
 * @param rows the largest number of rows per pass, or 0 for the automatic rule
 */
public record InternalBatch(int rows) {
  /** Largest number of rows per pass the automatic rule chooses. */
  public static final int MAX_ROWS = 64;
  /** Share of the maximum heap ({@link Runtime#maxMemory()}) that one automatic pass may fill. */
  public static final double HEAP_SHARE = 0.125;
  private static final long BYTES_PER_FLOAT = Float.BYTES;

  /** Rejects a negative row count. */
  public InternalBatch {
    if (rows < 0) {
      throw new IllegalArgumentException("internal batch must be at least 1 row (or automatic), got " + rows);
    }
  }

  /** The automatic rule (the default of every method that evaluates many points). */
  public static InternalBatch automatic() {
    return new InternalBatch(0);
  }

  /**
   * At most {@code rows} points per pass.
   *
   * @throws IllegalArgumentException if {@code rows < 1}
   */
  public static InternalBatch of(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("internal batch must be at least 1 row, got " + rows);
    }
    return new InternalBatch(rows);
  }

  /** Whether the row count is chosen by the automatic rule. */
  public boolean isAutomatic() {
    return rows == 0;
  }

  /**
   * The number of passes for {@code points} points of a batch whose forward pass is {@code trace}:
   * {@code ceil(points / R)} for at most {@code R} rows per pass; the points are split into that
   * many passes of equal size, one point more or less (see {@link InternalBatch}).
   *
   * @param trace the explained batch's forward pass (for the automatic rule's memory per point)
   * @param reverse whether each pass also runs the reverse pass
   */
  int passes(int points, Trace trace, boolean reverse) {
    int most = isAutomatic() ? automaticRows(recordedFloatsPerSample(trace) * (reverse ? 2 : 1),
        Runtime.getRuntime().maxMemory()) : rows;
    return Math.max(1, (points + most - 1) / most);
  }

  /** The automatic rule's largest row count for {@code floats} floats per point and a heap of {@code maxHeap} bytes. */
  static int automaticRows(long floats, long maxHeap) {
    long bytes = Math.max(1, floats * BYTES_PER_FLOAT);
    return (int) Math.max(1, Math.min(MAX_ROWS, (long) (HEAP_SHARE * maxHeap) / bytes));
  }

  /** Floats the forward pass recorded per sample: all computed graph values over the batch size. */
  static long recordedFloatsPerSample(Trace trace) {
    long total = 0;
    for (GraphInput in : trace.graph().inputs()) {
      total += trace.computed(in.name()) ? trace.get(in.name()).size() : 0;
    }
    for (Node node : trace.graph().nodes()) {
      total += trace.computed(node.name()) ? trace.get(node.name()).size() : 0;
    }
    int n = trace.get(trace.graph().inputs().get(0).name()).shape().dim(0);
    return Math.max(1, total / Math.max(1, n));
  }

  @Override
  public String toString() {
    return isAutomatic() ? "automatic" : Integer.toString(rows);
  }
}
