package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Base of ops that apply one scalar function to every element ({@code Relu}, {@code Sigmoid}, ...):
 * subclasses give the function and its derivative; shape handling, forward and backward loops live
 * here once.
 */
public abstract class UnaryElementwiseOp implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The function at {@code x}. */
  protected abstract float apply(float x);

  /** The derivative at input {@code x}, where {@code y = apply(x)} is given for reuse. */
  protected abstract float derivative(float x, float y);

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    return inputs.get(0);
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 1);
    float[] x = INTERNALS.array(inputs.get(0));
    float[] y = new float[x.length];
    applyAll(x, y);
    return INTERNALS.adopt(inputs.get(0).shape(), y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    float[] x = INTERNALS.array(ctx.input(0));
    float[] y = INTERNALS.array(ctx.output());
    float[] g = INTERNALS.array(gradOutput);
    float[] gx = new float[x.length];
    chainAll(x, y, g, gx);
    return Gradients.ofInputs(INTERNALS.adopt(ctx.input(0).shape(), gx));
  }

  /**
   * {@code y[i] = apply(x[i])} for all elements. Hot ops override this with a loop of their own:
   * with many subclasses loaded, the call to {@link #apply} inside a shared loop is megamorphic and
   * blocks inlining and auto-vectorization.
   */
  protected void applyAll(float[] x, float[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] = apply(x[i]);
    }
  }

  /** {@code gx[i] = g[i] * derivative(x[i], y[i])} for all elements; overridable like {@link #applyAll}. */
  protected void chainAll(float[] x, float[] y, float[] g, float[] gx) {
    for (int i = 0; i < x.length; i++) {
      gx[i] = g[i] * derivative(x[i], y[i]);
    }
  }

  @Override
  public String toString() {
    return type();
  }
}
