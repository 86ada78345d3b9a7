package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Unsqueeze}: inserts axes of extent 1. The axes index the output (negative values
 * count from the end of the output rank) and may come in any order; the data are not moved.
 *
 * @param axes positions of the new axes in the output
 */
public record Unsqueeze(List<Integer> axes) implements ReshapingOp {
  /** Copies the axes. */
  public Unsqueeze {
    axes = List.copyOf(axes);
    OpChecks.require(!axes.isEmpty(), "Unsqueeze", "needs at least one axis");
  }

  @Override
  public String type() {
    return "Unsqueeze";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Shape in = inputs.get(0);
    int rank = in.rank() + axes.size();
    boolean[] inserted = new boolean[rank];
    for (int a : axes) {
      int axis = a < 0 ? a + rank : a;
      OpChecks.require(axis >= 0 && axis < rank && !inserted[axis], type(),
          "axes " + axes + " are out of range or repeated for input " + in);
      inserted[axis] = true;
    }
    int[] dims = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      dims[i] = inserted[i] ? 1 : in.dim(j++);
    }
    return Shape.of(dims);
  }
}
