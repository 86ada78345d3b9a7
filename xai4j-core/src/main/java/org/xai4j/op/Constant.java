package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * A fixed tensor with no inputs (an ONNX {@code Constant} or a non-trainable initializer). It
 * receives no gradient.
 *
 * @param value the tensor produced
 */
public record Constant(Tensor value) implements Op {
  @Override
  public String type() {
    return "Constant";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 0);
    return value.shape();
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 0);
    return value;
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return Gradients.ofInputs();
  }
}
