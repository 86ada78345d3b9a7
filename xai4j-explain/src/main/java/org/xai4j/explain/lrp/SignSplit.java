package org.xai4j.explain.lrp;

import java.util.List;
import org.xai4j.op.Conv;
import org.xai4j.op.ConvTranspose;
import org.xai4j.op.Gemm;
import org.xai4j.op.Op;

/**
 * Decides whether the terms of a {@link LinearRule} add up to the unmodified layer, so that one
 * group's denominator can be taken from the recorded forward output instead of being recomputed.
 *
 * <p>Split input, weights and bias by sign: {@code x = x+ + x-}, {@code w = w+ + w-},
 * {@code b = b+ + b-}. For an op that is bilinear in (input, weights) plus its bias,
 * {@code z = x w + b} is the sum of the four cells {@code x+ w+, x+ w-, x- w+, x- w-} and the two
 * bias halves. A term whose input modifier is {@code x}, {@code x+} or {@code x-} and whose
 * parameter modifier is {@code w}, {@code w+} or {@code w-} covers some of those cells (and the
 * bias halves of its parameter modifier with {@link BiasPolicy#MODIFY}, both halves with
 * {@link BiasPolicy#KEEP}, none with {@link BiasPolicy#ZERO}). If every cell and every
 * bias half is covered exactly once, counting term signs, then {@code sum_k sign_k z_k = z}.
 * LRP-alpha-beta (and Zennit's z+ plus its negative counterpart) is such a rule: its negative
 * group's denominator is {@code z - z+}.
 */
final class SignSplit {
  /** Bit of the positive half. */
  private static final int POSITIVE = 1;
  /** Bit of the negative half. */
  private static final int NEGATIVE = 2;
  /** Neither half: the modifier is not a sign split ({@code 1}, {@code w^2}, gamma, a box bound). */
  private static final int NONE = 0;

  private SignSplit() {}

  /**
   * Whether {@code op} is bilinear in its input and weights plus its bias, so that the sign split
   * applies: convolutions and {@link Gemm} (whose backward passes, used with a derived
   * denominator, do not read the forward output).
   */
  static boolean isBilinear(Op op) {
    return op instanceof Conv || op instanceof ConvTranspose || op instanceof Gemm;
  }

  /** Whether the signed terms of all {@code groups} add up to the unmodified layer, as above. */
  static boolean sumsToLayer(List<TermGroup> groups) {
    int[][] cells = new int[2][2];
    int[] bias = new int[2];
    for (TermGroup g : groups) {
      for (Term t : g.terms()) {
        int in = halves(t.input());
        int param = halves(t.param());
        if (in == NONE || param == NONE) {
          return false;
        }
        for (int i = 0; i < 2; i++) {
          for (int p = 0; p < 2; p++) {
            if (has(in, i) && has(param, p)) {
              cells[i][p] += t.sign();
            }
          }
          if (t.bias() == BiasPolicy.KEEP || (t.bias() == BiasPolicy.MODIFY && has(param, i))) {
            bias[i] += t.sign();
          }
        }
      }
    }
    return cells[0][0] == 1 && cells[0][1] == 1 && cells[1][0] == 1 && cells[1][1] == 1
        && bias[0] == 1 && bias[1] == 1;
  }

  private static boolean has(int halves, int index) {
    return (halves & (index == 0 ? POSITIVE : NEGATIVE)) != 0;
  }

  private static int halves(InputModifier m) {
    if (m instanceof InputModifier.Elementwise e) {
      return switch (e) {
        case IDENTITY -> POSITIVE | NEGATIVE;
        case POSITIVE -> POSITIVE;
        case NEGATIVE -> NEGATIVE;
        case ONES -> NONE;
      };
    }
    return NONE;
  }

  private static int halves(ParamModifier m) {
    if (m instanceof ParamModifier.Elementwise e) {
      return switch (e) {
        case IDENTITY -> POSITIVE | NEGATIVE;
        case POSITIVE -> POSITIVE;
        case NEGATIVE -> NEGATIVE;
        case SQUARE, ONES -> NONE;
      };
    }
    return NONE;
  }
}
