package org.xai4j.explain.lrp;

import org.xai4j.tensor.Tensor;

/**
 * How one term of a {@link LinearRule} modifies the layer's parameters (Zennit's
 * {@code ParamMod}). The modifier applies to every parameter of the op, the bias included unless
 * the term's {@link BiasPolicy} is {@link BiasPolicy#ZERO}, exactly as Zennit applies its parameter
 * modifiers to all parameters of a module.
 */
public sealed interface ParamModifier permits ParamModifier.Elementwise, ParamModifier.Gamma {
  /** The modified parameter tensor. */
  Tensor apply(Tensor parameter);

  /** Modifiers that act on each weight alone. */
  enum Elementwise implements ParamModifier {
    /** {@code w}. */
    IDENTITY,
    /** {@code w+ = max(w, 0)}. */
    POSITIVE,
    /** {@code w- = min(w, 0)}. */
    NEGATIVE,
    /** {@code w^2}. */
    SQUARE,
    /** {@code 1}. */
    ONES;

    @Override
    public Tensor apply(Tensor p) {
      return switch (this) {
        case IDENTITY -> p;
        case POSITIVE -> p.map(v -> v > 0f ? v : 0f);
        case NEGATIVE -> p.map(v -> v < 0f ? v : 0f);
        case SQUARE -> p.map(v -> v * v);
        case ONES -> Tensor.full(p.shape(), 1f);
      };
    }
  }

  /**
   * The gamma modification {@code w + gamma * w+} ({@code positive}) or {@code w + gamma * w-}
   * (Zennit's {@code GammaMod}).
   *
   * @param gamma the weight of the added part, finite and non-negative
   * @param positive whether the positive part is added (otherwise the negative part)
   */
  record Gamma(double gamma, boolean positive) implements ParamModifier {
    /** Rejects negative or non-finite gamma. */
    public Gamma {
      if (!(gamma >= 0) || Double.isInfinite(gamma)) {
        throw new IllegalArgumentException("gamma must be finite and >= 0, got " + gamma);
      }
    }

    @Override
    public Tensor apply(Tensor p) {
      float g = (float) gamma;
      return positive
          ? p.map(v -> v + g * (v > 0f ? v : 0f))
          : p.map(v -> v + g * (v < 0f ? v : 0f));
    }

    @Override
    public String toString() {
      return "w+" + gamma + (positive ? "w+" : "w-");
    }
  }
}
