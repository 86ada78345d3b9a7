package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Broadcast;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * ONNX {@code Pow}: {@code z = x^y} element-wise with broadcasting. Gradients:
 * {@code dz/dx = y x^(y-1)} and {@code dz/dy = x^y ln x}; the latter is taken as 0 where
 * {@code x <= 0}, where the logarithm is undefined (as for integer exponents in PyTorch).
 */
public final class Pow implements Op {
  @Override
  public String type() {
    return "Pow";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 2);
    return Broadcast.shape(inputs.get(0), inputs.get(1));
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 2);
    return inputs.get(0).zip(inputs.get(1), (x, y) -> (float) Math.pow(x, y));
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Tensor x = ctx.input(0);
    Tensor y = ctx.input(1);
    Tensor gx = null;
    Tensor gy = null;
    if (ctx.needsInput(0)) {
      Tensor d = x.zip(y, (a, b) -> b == 0f ? 0f : (float) (b * Math.pow(a, b - 1)));
      gx = Broadcast.reduceTo(gradOutput.mul(d), x.shape());
    }
    if (ctx.needsInput(1)) {
      Tensor d = x.zip(y, (a, b) -> a > 0f ? (float) (Math.pow(a, b) * Math.log(a)) : 0f);
      gy = Broadcast.reduceTo(gradOutput.mul(d), y.shape());
    }
    return Gradients.ofInputs(gx, gy);
  }

  @Override
  public String toString() {
    return type();
  }
}
