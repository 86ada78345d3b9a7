package org.xai4j.op;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Squeeze}: removes axes of extent 1. With no axes, every axis of extent 1 is removed;
 * a listed axis whose extent is not 1 is an error. The data are not moved.
 *
 * @param axes axes of the input to remove (negative values count from the end), or empty for all
 *     axes of extent 1
 */
public record Squeeze(List<Integer> axes) implements ReshapingOp {
  /** Copies the axes. */
  public Squeeze {
    axes = List.copyOf(axes);
  }

  @Override
  public String type() {
    return "Squeeze";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Shape in = inputs.get(0);
    boolean[] removed = new boolean[in.rank()];
    if (axes.isEmpty()) {
      for (int i = 0; i < in.rank(); i++) {
        removed[i] = in.dim(i) == 1;
      }
    }
    for (int a : axes) {
      int axis = in.axis(a);
      OpChecks.require(in.dim(axis) == 1, type(),
          "axis " + a + " of input " + in + " has extent " + in.dim(axis) + ", not 1");
      removed[axis] = true;
    }
    List<Integer> dims = new ArrayList<>();
    for (int i = 0; i < in.rank(); i++) {
      if (!removed[i]) {
        dims.add(in.dim(i));
      }
    }
    return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
  }
}
