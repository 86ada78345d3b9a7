package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Broadcast;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Base of ops that combine two inputs element by element with NumPy/ONNX multidirectional
 * broadcasting ({@code Add}, {@code Sub}, {@code Mul}, {@code Div}): subclasses give the scalar
 * function and its two partial derivatives; shape checks, broadcasting, the forward loop and the
 * backward loop (with the gradients summed back to each input's shape by
 * {@link Broadcast#reduceTo}) live here once. The forward pass is {@link Tensor#zip}.
 */
public abstract class BroadcastingBinaryOp implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The function at {@code (a, b)}. */
  protected abstract float apply(float a, float b);

  /** The partial derivative by {@code a}, where {@code y = apply(a, b)} is given for reuse. */
  protected abstract float derivativeA(float a, float b, float y);

  /** The partial derivative by {@code b}, where {@code y = apply(a, b)} is given for reuse. */
  protected abstract float derivativeB(float a, float b, float y);

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 2);
    return OpChecks.broadcast(type(), inputs.get(0), inputs.get(1));
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 2);
    outputShape(List.of(inputs.get(0).shape(), inputs.get(1).shape()));
    return inputs.get(0).zip(inputs.get(1), this::apply);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Tensor a = ctx.input(0);
    Tensor b = ctx.input(1);
    Shape out = gradOutput.shape();
    float[] x = INTERNALS.array(a);
    float[] z = INTERNALS.array(b);
    float[] y = INTERNALS.array(ctx.output());
    float[] g = INTERNALS.array(gradOutput);
    int[] ia = sourceIndex(a.shape(), out);
    int[] ib = sourceIndex(b.shape(), out);
    float[] ga = ctx.needsInput(0) ? new float[g.length] : null;
    float[] gb = ctx.needsInput(1) ? new float[g.length] : null;
    for (int i = 0; i < g.length; i++) {
      float av = x[ia == null ? i : ia[i]];
      float bv = z[ib == null ? i : ib[i]];
      if (ga != null) {
        ga[i] = g[i] * derivativeA(av, bv, y[i]);
      }
      if (gb != null) {
        gb[i] = g[i] * derivativeB(av, bv, y[i]);
      }
    }
    return Gradients.ofInputs(
        ga == null ? null : Broadcast.reduceTo(INTERNALS.adopt(out, ga), a.shape()),
        gb == null ? null : Broadcast.reduceTo(INTERNALS.adopt(out, gb), b.shape()));
  }

  /** The broadcast source index of an operand, or {@code null} when it already has the output shape. */
  private static int[] sourceIndex(Shape operand, Shape out) {
    return operand.equals(out) ? null : Broadcast.sourceIndex(operand, out);
  }

  @Override
  public String toString() {
    return type();
  }
}
