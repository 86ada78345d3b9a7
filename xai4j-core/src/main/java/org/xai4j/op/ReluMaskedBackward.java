package org.xai4j.op;

import org.xai4j.tensor.Tensor;

/**
 * An op whose backward can apply, in the same pass that writes its first input's gradient, the
 * chain rule of the {@link Relu} that produced that input: the gradient is zeroed (to {@code +0})
 * wherever the input, the ReLU's output, is not positive. {@link org.xai4j.backprop.Backprop} uses
 * it where a ReLU's only reader is such an op and neither node's gradient is overridden, and then
 * skips the ReLU's own backward, which would read the gradient and the ReLU's input once more and
 * write a third tensor. Since {@code max(x, 0) > 0} exactly when {@code x > 0}, the fused result
 * has the bits of the two separate steps.
 */
public interface ReluMaskedBackward {
  /**
   * {@link Op#backward} of this op, with the gradient of input 0 (when the context asks for it)
   * {@link Relu#masked masked} by input 0 itself; parameter gradients are those of
   * {@link Op#backward}.
   */
  Gradients backwardMasked(BackwardContext ctx, Tensor gradOutput);
}
