package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.AxisSplit;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Flatten}: reshapes the input to the matrix
 * {@code [prod(dims[0..axis)), prod(dims[axis..rank))]}, with {@code axis} in {@code [-rank, rank]}
 * (negative counts from the end; {@code 0} gives {@code [1, size]}, {@code rank} gives
 * {@code [size, 1]}). The storage is shared; the gradient is the output gradient reshaped back.
 *
 * @param axis the first axis of the flattened columns (ONNX default {@value #DEFAULT_AXIS})
 */
public record Flatten(int axis) implements ReshapingOp {
  /** The ONNX default axis. */
  public static final int DEFAULT_AXIS = 1;

  /** Flatten with the ONNX default axis {@value #DEFAULT_AXIS}. */
  public Flatten() {
    this(DEFAULT_AXIS);
  }

  @Override
  public String type() {
    return "Flatten";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    AxisSplit s = OpChecks.named(type(), () -> AxisSplit.coerced2d(inputs.get(0), axis));
    return Shape.of(s.outer(), s.extent());
  }
}
