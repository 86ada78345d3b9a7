package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.AxisSplit;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * What {@link Softmax} and {@link LogSoftmax} share: the shape check, the forward pass and the
 * backward pass (their loops are {@link SoftmaxFibres}). The input is seen as
 * {@code [outer, extent, inner]} around the normalized axis (opset 13 semantics) or as the 2-D
 * {@code [outer, extent]} matrix of ONNX before opset 13, and every one of the
 * {@code outer * inner} fibres of length {@code extent} is normalized on its own, in double
 * precision after subtracting the fibre's maximum. The two ops differ only in whether the result
 * is the logarithm.
 */
sealed interface SoftmaxFamily extends Op permits Softmax, LogSoftmax {
  /** The axis (negative counts from the end). */
  int axis();

  /** Whether the pre-opset-13 "coerce to 2-D" semantics apply. */
  boolean coerceTo2d();

  /** Checks arity and axis; the output shape is the input shape. */
  @Override
  default Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    split(inputs.get(0));
    return inputs.get(0);
  }

  @Override
  default Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Tensor x = inputs.get(0);
    return SoftmaxFibres.forward(x, split(x.shape()), logarithmic());
  }

  @Override
  default Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    return Gradients.ofInputs(
        SoftmaxFibres.backward(ctx.output(), gradOutput, split(gradOutput.shape()), logarithmic()));
  }

  /** Whether this op returns {@code log(softmax(x))}. */
  private boolean logarithmic() {
    return this instanceof LogSoftmax;
  }

  /** The fibres of {@code shape}, after checking the axis against it. */
  private AxisSplit split(Shape shape) {
    return OpChecks.named(type(),
        () -> coerceTo2d() ? AxisSplit.coerced2d(shape, axis()) : AxisSplit.of(shape, axis()));
  }
}
