package org.xai4j.visualize.transform;

import java.util.function.UnaryOperator;
import org.xai4j.tensor.Tensor;

/**
 * The output of a {@link Transform} applied to one input, with its backward pass: the
 * vector-Jacobian product that maps a gradient at the output to the gradient at the input.
 *
 * @param output the transformed tensor
 * @param vjp maps a gradient shaped as {@code output} to one shaped as the input
 */
public record Transformed(Tensor output, UnaryOperator<Tensor> vjp) {
  /**
   * The gradient at the input for a gradient at the output.
   *
   * @throws IllegalArgumentException naming both shapes if {@code gradOutput} is not shaped as the output
   */
  public Tensor backward(Tensor gradOutput) {
    if (!gradOutput.shape().equals(output.shape())) {
      throw new IllegalArgumentException("gradient of shape " + gradOutput.shape()
          + " for a transform output of shape " + output.shape());
    }
    return vjp.apply(gradOutput);
  }
}
