package org.xai4j.explain.lrp;

import org.xai4j.tensor.Tensor;

/**
 * How one term of a {@link LinearRule} modifies the layer input before the modified forward pass
 * (Zennit's {@code input_modifiers}). The relevance of a term is its modified input times the
 * gradient of its modified output.
 */
public sealed interface InputModifier permits InputModifier.Elementwise, InputModifier.Fill {
  /** The modified input. */
  Tensor apply(Tensor input);

  /** Modifiers that act on each element alone. */
  enum Elementwise implements InputModifier {
    /** {@code x}. */
    IDENTITY,
    /** {@code x+ = max(x, 0)}. */
    POSITIVE,
    /** {@code x- = min(x, 0)}. */
    NEGATIVE,
    /** {@code 1} (w-square and flat rules: the input value is ignored). */
    ONES;

    @Override
    public Tensor apply(Tensor input) {
      return switch (this) {
        case IDENTITY -> input;
        case POSITIVE -> input.map(v -> v > 0f ? v : 0f);
        case NEGATIVE -> input.map(v -> v < 0f ? v : 0f);
        case ONES -> Tensor.full(input.shape(), 1f);
      };
    }
  }

  /**
   * The input replaced by a bound of the input domain (the {@code l} and {@code h} of the zB rule).
   *
   * @param bound the value, scalar or per channel
   */
  record Fill(BoxBound bound) implements InputModifier {
    /** Rejects a missing bound. */
    public Fill {
      if (bound == null) {
        throw new IllegalArgumentException("Fill needs a bound");
      }
    }

    @Override
    public Tensor apply(Tensor input) {
      return bound.fill(input.shape());
    }

    @Override
    public String toString() {
      return "fill(" + bound + ")";
    }
  }
}
