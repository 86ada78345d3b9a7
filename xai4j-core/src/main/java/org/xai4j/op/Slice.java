package org.xai4j.op;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Slice} with constant parameters: along each listed axis, the elements
 * {@code starts[i], starts[i] + steps[i], ...} up to (excluding) {@code ends[i]}. Negative starts
 * and ends count from the end of the axis; both are clamped to the axis as ONNX specifies (to
 * {@code [0, n]} for positive steps, {@code [-1, n - 1]} for negative ones), so
 * {@link Integer#MAX_VALUE} means "to the end". The backward pass scatters the gradient back.
 *
 * @param starts first index per listed axis
 * @param ends end index (exclusive) per listed axis
 * @param axes the sliced axes (negative counts from the end); empty for {@code 0..starts.size-1}
 * @param steps step per listed axis (non-zero); empty for all 1
 */
public record Slice(List<Integer> starts, List<Integer> ends, List<Integer> axes, List<Integer> steps)
    implements GatherOp {
  private static final String TYPE = "Slice";

  /** Copies the lists and checks their lengths and steps. */
  public Slice {
    starts = List.copyOf(starts);
    ends = List.copyOf(ends);
    axes = List.copyOf(axes);
    steps = List.copyOf(steps);
    OpChecks.require(starts.size() == ends.size() && (axes.isEmpty() || axes.size() == starts.size())
        && (steps.isEmpty() || steps.size() == starts.size()), TYPE, "starts " + starts + ", ends "
        + ends + ", axes " + axes + " and steps " + steps + " must have equal lengths");
    OpChecks.require(!steps.contains(0), TYPE, "steps " + steps + " must not be 0");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Shape outputShape(Shape in) {
    int[] dims = in.toArray();
    for (Range r : ranges(in)) {
      dims[r.axis()] = r.count();
    }
    return Shape.of(dims);
  }

  @Override
  public IndexMap indexMap(Shape in, Shape output) {
    int[][] coordinates = new int[in.rank()][];
    for (int ax = 0; ax < in.rank(); ax++) {
      coordinates[ax] = new Range(ax, 0, 1, in.dim(ax)).coordinates();
    }
    for (Range r : ranges(in)) {
      coordinates[r.axis()] = r.coordinates();
    }
    return IndexMap.perAxis(in, coordinates);
  }

  /** The selection on every sliced axis of {@code in}, checking that no axis is sliced twice. */
  private List<Range> ranges(Shape in) {
    List<Range> ranges = new ArrayList<>();
    boolean[] seen = new boolean[in.rank()];
    for (int k = 0; k < starts.size(); k++) {
      int given = axes.isEmpty() ? k : axes.get(k);
      int ax = OpChecks.named(TYPE, () -> in.axis(given));
      OpChecks.require(!seen[ax], TYPE, "axis " + ax + " is sliced twice in axes " + axes);
      seen[ax] = true;
      ranges.add(Range.of(ax, starts.get(k), ends.get(k), steps.isEmpty() ? 1 : steps.get(k), in.dim(ax)));
    }
    return ranges;
  }

  /** The coordinates {@code first, first + step, ...} ({@code count} of them) selected on an axis. */
  private record Range(int axis, long first, int step, int count) {
    /** The selection of {@code start:end:step} on an axis of extent {@code n}, with ONNX's clamping. */
    static Range of(int axis, long start, long end, int step, int n) {
      long b = start < 0 ? start + n : start;
      long e = end < 0 ? end + n : end;
      long lo = step > 0 ? 0 : -1;
      long hi = step > 0 ? n : n - 1;
      b = Math.max(lo, Math.min(b, hi));
      e = Math.max(lo, Math.min(e, hi));
      long count = step > 0 ? (e - b + step - 1) / step : (b - e - step - 1) / -(long) step;
      return new Range(axis, b, step, (int) Math.max(0, count));
    }

    int[] coordinates() {
      int[] c = new int[count];
      for (int i = 0; i < c.length; i++) {
        c[i] = (int) (first + (long) i * step);
      }
      return c;
    }
  }
}
