package org.xai4j.op;

import java.util.Arrays;
import java.util.List;
import org.xai4j.tensor.Shape;

/**
 * ONNX {@code Reshape} to a fixed target: the ONNX importer folds the constant {@code shape} input
 * into the {@code shape} component. In the target, {@code -1} (at most once) is inferred from the
 * element count and, unless {@code allowzero}, {@code 0} copies the input's extent at the same
 * position; with {@code allowzero} a {@code 0} is a literal zero extent. The storage is shared; the
 * gradient is the output gradient reshaped back.
 *
 * @param shape the target extents
 * @param allowzero whether {@code 0} means an empty axis rather than "copy the input's extent"
 */
public record Reshape(List<Integer> shape, boolean allowzero) implements ReshapingOp {
  /** Copies the target so the op stays immutable. */
  public Reshape {
    shape = List.copyOf(shape);
  }

  /** A reshape with ONNX default semantics ({@code allowzero = 0}). */
  public static Reshape of(int... shape) {
    return new Reshape(Arrays.stream(shape).boxed().toList(), false);
  }

  @Override
  public String type() {
    return "Reshape";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    int[] target = shape.stream().mapToInt(Integer::intValue).toArray();
    return OpChecks.named(type(), () -> inputs.get(0).reshape(target, allowzero));
  }
}
