package org.xai4j.explain.lrp;

/**
 * One modified forward pass of a {@link LinearRule}: {@code z_k = f(in(x); param(w), bias(b))},
 * entering the group's denominator and the relevance with sign {@code +1} or {@code -1}.
 *
 * @param input how the layer input is modified
 * @param param how the weights (and, if {@code bias} is {@link BiasPolicy#MODIFY}, the bias) are
 *     modified
 * @param bias what happens to the bias
 * @param sign {@code +1} or {@code -1}: how the term enters the sum (the zB rule subtracts its
 *     bound terms)
 */
public record Term(InputModifier input, ParamModifier param, BiasPolicy bias, int sign) {
  /** Validates the parts. */
  public Term {
    if (input == null || param == null || bias == null) {
      throw new IllegalArgumentException("a term needs an input modifier, a parameter modifier and a bias policy");
    }
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("a term's sign must be +1 or -1, got " + sign);
    }
  }

  /** A term added with sign {@code +1}. */
  public static Term plus(InputModifier input, ParamModifier param, BiasPolicy bias) {
    return new Term(input, param, bias, 1);
  }

  /** A term subtracted (sign {@code -1}). */
  public static Term minus(InputModifier input, ParamModifier param, BiasPolicy bias) {
    return new Term(input, param, bias, -1);
  }

  /** Whether the term is the unmodified layer, whose output the recorded forward pass already holds. */
  boolean isUnmodified() {
    return input == InputModifier.Elementwise.IDENTITY && param == ParamModifier.Elementwise.IDENTITY
        && bias != BiasPolicy.ZERO;
  }

  private String biasLabel() {
    return switch (bias) {
      case MODIFY -> "";
      case ZERO -> ", no bias";
      case KEEP -> ", unmodified bias";
    };
  }

  @Override
  public String toString() {
    return (sign < 0 ? "-" : "") + "[" + input + " x " + param + biasLabel() + "]";
  }
}
