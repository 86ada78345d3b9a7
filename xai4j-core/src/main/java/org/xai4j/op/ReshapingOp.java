package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * An op whose output is its one input's data, unchanged and in the same order, in the shape
 * {@link #outputShape} gives: the forward pass is a reshape to that shape and the backward pass a
 * reshape of the output gradient back to the input shape.
 */
sealed interface ReshapingOp extends Op permits Flatten, Reshape, Squeeze, Unsqueeze {
  @Override
  default Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 1);
    return inputs.get(0).reshape(outputShape(List.of(inputs.get(0).shape())));
  }

  @Override
  default Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return Gradients.ofInputs(ctx.needsInput(0) ? gradOutput.reshape(ctx.input(0).shape()) : null);
  }
}
