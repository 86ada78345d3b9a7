package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Expand}: broadcasts the input against {@code shape} with NumPy rules, so the output
 * shape is the broadcast of both (an extent of 1 in {@code shape} keeps the input's extent). The
 * gradient sums over the broadcast axes.
 *
 * @param shape the extents to broadcast to
 */
public record Expand(List<Integer> shape) implements GatherOp {
  /** Copies the extents. */
  public Expand {
    shape = List.copyOf(shape);
  }

  @Override
  public String type() {
    return "Expand";
  }

  /**
   * Broadcasting the input to {@link #shape} (and the input's own extents where {@code shape} has
   * a 1), ONNX's bidirectional rule.
   *
   * @throws IllegalArgumentException naming the op and both shapes if they do not broadcast
   */
  @Override
  public Shape outputShape(Shape input) {
    return OpChecks.broadcast(type(), input, OpChecks.named(type(),
        () -> Shape.of(shape.stream().mapToInt(Integer::intValue).toArray())));
  }

  @Override
  public IndexMap indexMap(Shape input, Shape output) {
    return IndexMap.broadcast(input, output);
  }
}
