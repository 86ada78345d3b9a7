package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Broadcast;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Element-wise sum of two tensors with NumPy/ONNX broadcasting. */
public final class Add implements Op {
  @Override
  public String type() {
    return "Add";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 2);
    return Broadcast.shape(inputs.get(0), inputs.get(1));
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 2);
    outputShape(List.of(inputs.get(0).shape(), inputs.get(1).shape()));
    return inputs.get(0).add(inputs.get(1));
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return Gradients.ofInputs(
        ctx.needsInput(0) ? Broadcast.reduceTo(gradOutput, ctx.input(0).shape()) : null,
        ctx.needsInput(1) ? Broadcast.reduceTo(gradOutput, ctx.input(1).shape()) : null);
  }

  @Override
  public String toString() {
    return type();
  }
}
