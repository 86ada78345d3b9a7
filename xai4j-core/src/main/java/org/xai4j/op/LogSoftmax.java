package org.xai4j.op;

/**
 * ONNX {@code LogSoftmax}: {@code y_k = x_k - log(sum_j exp(x_j))} along one axis, computed stably (the maximum is
 * subtracted first). The vector-Jacobian product is {@code dx = g - exp(y) * sum(g)} along the same axis.
 *
 * <p>Since opset 13 the axis is a single axis (default {@value #DEFAULT_AXIS}). Before opset 13,
 * ONNX coerced the input to a 2-D matrix {@code [prod(dims[0..axis)), prod(dims[axis..))]} and
 * normalized each row, with default axis {@value #LEGACY_DEFAULT_AXIS}; {@link #coerced2d} gives
 * those semantics so that older models import unchanged.
 *
 * @param axis the axis (negative counts from the end); with {@code coerceTo2d} the first axis of
 *     the flattened row, in {@code [-rank, rank]}
 * @param coerceTo2d whether the pre-opset-13 "coerce to 2-D" semantics apply
 */
public record LogSoftmax(int axis, boolean coerceTo2d) implements SoftmaxFamily {
  /** The default axis since opset 13 (the last axis). */
  public static final int DEFAULT_AXIS = -1;

  /** The default axis before opset 13. */
  public static final int LEGACY_DEFAULT_AXIS = 1;

  /** Opset-13 semantics along the last axis. */
  public LogSoftmax() {
    this(DEFAULT_AXIS, false);
  }

  /** Opset-13 semantics along {@code axis}. */
  public static LogSoftmax of(int axis) {
    return new LogSoftmax(axis, false);
  }

  /** Pre-opset-13 semantics: normalizes over all axes from {@code axis} on, taken together. */
  public static LogSoftmax coerced2d(int axis) {
    return new LogSoftmax(axis, true);
  }

  @Override
  public String type() {
    return "LogSoftmax";
  }
}
