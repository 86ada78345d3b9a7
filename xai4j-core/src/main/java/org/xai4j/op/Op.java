package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * One operation of a graph: a forward function of its input tensors and the matching backward
 * function (vector-Jacobian product) for every input and every parameter.
 *
 * <p>Ops are immutable. Weights are held by the op as named {@link Parameters}, so that LRP rules
 * and canonizers can read them and build modified copies with {@link #withParameters}. Op types
 * use ONNX names ({@code Conv}, {@code Gemm}, {@code Relu}, ...).
 */
public interface Op {
  /** The ONNX-style type name, for example {@code "Conv"}. */
  String type();

  /** The op's weights, in a fixed order; empty for parameter-free ops. */
  default Parameters parameters() {
    return Parameters.EMPTY;
  }

  /**
   * A copy of this op with other parameter values of the same names and shapes.
   *
   * @throws IllegalArgumentException if a name is missing or a shape differs
   */
  default Op withParameters(Parameters replacement) {
    parameters().requireCompatible(replacement, type());
    return this;
  }

  /**
   * The output shape for the given input shapes, after checking them.
   *
   * @throws IllegalArgumentException with a message naming the op and the shapes if the inputs do
   *     not fit
   */
  Shape outputShape(List<Shape> inputs);

  /** Computes the output; checks the input shapes first. */
  Tensor forward(List<Tensor> inputs);

  /**
   * Maps the gradient arriving at the output to gradients for the inputs requested by
   * {@code ctx.needsInput(i)} and, when {@code ctx.needsParameters()}, for every parameter.
   */
  Gradients backward(BackwardContext ctx, Tensor gradOutput);
}
