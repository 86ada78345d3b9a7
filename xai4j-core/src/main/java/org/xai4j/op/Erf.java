package org.xai4j.op;

/**
 * ONNX {@code Erf}: the Gauss error function element by element, evaluated in double precision
 * ({@code ErrorFunction}) and rounded to float32; the derivative is {@code 2/sqrt(pi) exp(-x^2)}.
 * PyTorch exports the exact GELU below opset 20 as {@code 0.5 x (1 + Erf(x / sqrt 2))}.
 */
public final class Erf extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Erf";
  }

  @Override
  protected float apply(float x) {
    return (float) ErrorFunction.erf(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return (float) ErrorFunction.derivative(x);
  }
}
