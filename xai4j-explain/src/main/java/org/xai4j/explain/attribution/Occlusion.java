package org.xai4j.explain.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Occlusion (Zeiler and Fergus 2014) with Captum's conventions: a window of shape {@code window}
 * (one extent per non-batch axis) slides over each sample with {@code strides}, replacing the
 * covered values by {@code baseline}; each element's relevance is the mean of
 * {@code f(x) - f(x occluded)} over the windows that cover it, where {@code f} is the target score
 * {@code <seed, output>} (the target logit for a class target).
 *
 * <p>As in Captum, each axis is shifted {@code ceil((D - W) / s) + 1} times, a window that would
 * pass the border is cut there, and the stride may not exceed the window unless the window spans
 * the whole axis. The relevance has the input's shape. All occluded copies of all samples are
 * stacked and cut into forward passes of equal size by {@code internalBatch}
 * ({@link InternalBatch}; by default chosen from the memory one copy's forward pass needs); no
 * reverse pass is used. Example:
 * {@code Occlusion.of(1, 8, 8).withStrides(1, 4, 4).prepare(graph).explain(x, Target.argmax())}.
 *
 * @param window extent of the occluded block along each non-batch axis
 * @param strides shift along each non-batch axis
 * @param baseline the value written into the window
 * @param internalBatch how many occluded copies go through the graph per forward pass
 */
public record Occlusion(int[] window, int[] strides, float baseline, InternalBatch internalBatch)
    implements Attributor {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Copies and checks the extents. */
  public Occlusion {
    window = window.clone();
    strides = strides.clone();
    if (window.length != strides.length) {
      throw new IllegalArgumentException("Occlusion window " + Arrays.toString(window) + " and strides "
          + Arrays.toString(strides) + " need one extent per non-batch axis each");
    }
    for (int k = 0; k < window.length; k++) {
      PointBatches.requirePositive(window[k], "Occlusion window extent " + k);
      PointBatches.requirePositive(strides[k], "Occlusion stride " + k);
    }
    if (internalBatch == null) {
      throw new IllegalArgumentException("Occlusion needs an internal batch (InternalBatch.automatic())");
    }
  }

  /** A window with stride 1 along every axis and baseline 0 (Captum's defaults). */
  public static Occlusion of(int... window) {
    int[] ones = new int[window.length];
    Arrays.fill(ones, 1);
    return new Occlusion(window, ones, 0f, InternalBatch.automatic());
  }

  /** This configuration with other strides. */
  public Occlusion withStrides(int... s) {
    return new Occlusion(window, s, baseline, internalBatch);
  }

  /** This configuration with another baseline value. */
  public Occlusion withBaseline(float b) {
    return new Occlusion(window, strides, b, internalBatch);
  }

  /** This configuration with another number of copies per pass. */
  public Occlusion withInternalBatch(InternalBatch b) {
    return new Occlusion(window, strides, baseline, b);
  }

  @Override
  public int[] window() {
    return window.clone();
  }

  @Override
  public int[] strides() {
    return strides.clone();
  }

  /**
   * {@inheritDoc} Occlusion perturbs the input only: {@code at} gives the relevance at the input and
   * rejects hidden values.
   */
  @Override
  public Explainer prepare(Graph graph) {
    return Explainer.of(graph, this, (x, t) -> explain(graph, x, t));
  }

  private Attribution explain(Graph graph, Tensor input, Target target) {
    Trace trace = graph.forward(input);
    String value = target.value(graph);
    Tensor seed = target.seed(trace);
    double[] full = PointBatches.rowDots(trace.get(value), seed);
    int n = input.shape().dim(0);
    int per = input.size() / n;
    int[][] windows = windows(input.shape());
    float[] x = INTERNALS.array(input);
    PointBatches.Points points = (from, to) -> {
      float[] rows = new float[(to - from) * per];
      for (int r = from; r < to; r++) {
        int dst = (r - from) * per;
        System.arraycopy(x, (r % n) * per, rows, dst, per);
        for (int i : windows[r / n]) {
          rows[dst + i] = baseline;
        }
      }
      return INTERNALS.adopt(input.shape().withDim(0, to - from), rows);
    };
    int copies = windows.length * n;
    double[] scores = PointBatches.scores(graph, copies, points, value, seed,
        internalBatch.passes(copies, trace, false));
    double[] total = new double[input.size()];
    int[] count = new int[per];
    for (int w = 0; w < windows.length; w++) {
      for (int i : windows[w]) {
        count[i]++;
        for (int b = 0; b < n; b++) {
          total[b * per + i] += full[b] - scores[w * n + b];
        }
      }
    }
    float[] out = new float[total.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (total[j] / count[j % per]);
    }
    Tensor relevance = INTERNALS.adopt(input.shape(), out);
    String in = graph.inputs().get(0).name();
    return new Attribution(graph, relevance, trace.output(), v -> {
      if (!v.equals(in)) {
        throw new IllegalArgumentException("occlusion perturbs the input only; it has no relevance at hidden value '"
            + v + "'");
      }
      return relevance;
    });
  }

  /** The flat indices (within one sample) covered by each window position. */
  int[][] windows(Shape inputShape) {
    int axes = inputShape.rank() - 1;
    if (axes != window.length) {
      throw new IllegalArgumentException("Occlusion window " + Arrays.toString(window) + " has " + window.length
          + " extents but the input " + inputShape + " has " + axes + " non-batch axes");
    }
    int[] dims = new int[axes];
    int[] shifts = new int[axes];
    for (int k = 0; k < axes; k++) {
      dims[k] = inputShape.dim(k + 1);
      int room = dims[k] - window[k];
      if (room < 0 || (room > 0 && strides[k] > window[k])) {
        throw new IllegalArgumentException("Occlusion window " + Arrays.toString(window) + " with strides "
            + Arrays.toString(strides) + " does not fit input " + inputShape
            + " (window <= extent, stride <= window unless the window spans the axis)");
      }
      shifts[k] = (room + strides[k] - 1) / strides[k] + 1;
    }
    List<int[]> out = new ArrayList<>();
    int[] pos = new int[axes];
    do {
      out.add(covered(dims, pos));
    } while (next(pos, shifts));
    return out.toArray(new int[0][]);
  }

  /** Flat indices of the window at shift position {@code pos}, cut at the border. */
  private int[] covered(int[] dims, int[] pos) {
    int axes = dims.length;
    int[] lo = new int[axes];
    int[] ext = new int[axes];
    int size = 1;
    for (int k = 0; k < axes; k++) {
      lo[k] = pos[k] * strides[k];
      ext[k] = Math.min(window[k], dims[k] - lo[k]);
      size *= ext[k];
    }
    int[] idx = new int[size];
    int[] off = new int[axes];
    int i = 0;
    do {
      int flat = 0;
      for (int k = 0; k < axes; k++) {
        flat = flat * dims[k] + lo[k] + off[k];
      }
      idx[i++] = flat;
    } while (next(off, ext));
    return idx;
  }

  /** Advances a row-major multi-index; false after the last one. */
  private static boolean next(int[] index, int[] extents) {
    for (int k = index.length - 1; k >= 0; k--) {
      if (++index[k] < extents[k]) {
        return true;
      }
      index[k] = 0;
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Occlusion other && Arrays.equals(window, other.window) && Arrays.equals(strides, other.strides)
        && Float.compare(baseline, other.baseline) == 0 && internalBatch.equals(other.internalBatch);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(window) * 31 + Arrays.hashCode(strides);
  }

  @Override
  public String toString() {
    return "Occlusion[window=" + Arrays.toString(window) + ", strides=" + Arrays.toString(strides) + ", baseline="
        + baseline + ", internalBatch=" + internalBatch + "]";
  }
}
