package org.xai4j.op;

import java.util.Locale;
import java.util.Objects;

/**
 * ONNX {@code Gelu} (opset 20; Hendrycks and Gimpel 2016): {@code y = x Phi(x)} with the standard
 * normal distribution function {@code Phi(x) = (1 + erf(x / sqrt 2)) / 2}, or with
 * {@link Approximation#TANH} {@code y = x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2}, as
 * PyTorch's {@code GELU(approximate="tanh")}. Computed in double precision and rounded to float32;
 * the derivative of the exact form is {@code Phi(x) + x phi(x)} with the normal density
 * {@code phi}.
 */
public final class Gelu extends UnaryElementwiseOp {
  /** The cubic coefficient of the tanh approximation. */
  public static final double TANH_CUBIC = 0.044715;
  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
  private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

  /** The ONNX {@code approximate} attribute. */
  public enum Approximation {
    /** The exact form with the error function (the ONNX default). */
    NONE,
    /** The tanh approximation. */
    TANH;

    /**
     * The approximation named by an ONNX attribute value.
     *
     * @throws IllegalArgumentException naming the value unless it is {@code none} or {@code tanh}
     */
    public static Approximation fromOnnx(String value) {
      for (Approximation a : values()) {
        if (a.onnxName().equals(value)) {
          return a;
        }
      }
      throw new IllegalArgumentException("Gelu: approximate must be 'none' or 'tanh', got '" + value + "'");
    }

    /** The ONNX attribute value. */
    public String onnxName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Approximation approximation;

  /** A GELU in the given form. */
  public Gelu(Approximation approximation) {
    this.approximation = Objects.requireNonNull(approximation, "Gelu: approximation");
  }

  /** The exact GELU. */
  public Gelu() {
    this(Approximation.NONE);
  }

  /** The form (ONNX attribute {@code approximate}). */
  public Approximation approximation() {
    return approximation;
  }

  @Override
  public String type() {
    return "Gelu";
  }

  @Override
  protected float apply(float x) {
    if (approximation == Approximation.TANH) {
      return (float) (0.5 * x * (1 + Math.tanh(tanhArgument(x))));
    }
    return (float) (0.5 * x * (1 + ErrorFunction.erf(x * INV_SQRT_2)));
  }

  @Override
  protected float derivative(float x, float y) {
    if (approximation == Approximation.TANH) {
      double t = Math.tanh(tanhArgument(x));
      return (float) (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * TANH_CUBIC * x * x));
    }
    return (float) (0.5 * (1 + ErrorFunction.erf(x * INV_SQRT_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x));
  }

  private static double tanhArgument(double x) {
    return SQRT_2_OVER_PI * (x + TANH_CUBIC * x * x * x);
  }

  @Override
  public String toString() {
    return type() + "(approximate=" + approximation.onnxName() + ")";
  }
}
