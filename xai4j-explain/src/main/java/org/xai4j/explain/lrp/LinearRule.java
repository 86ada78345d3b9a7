package org.xai4j.explain.lrp;

import static org.xai4j.explain.lrp.BiasPolicy.MODIFY;
import static org.xai4j.explain.lrp.BiasPolicy.ZERO;

import java.util.List;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.explain.lrp.InputModifier.Elementwise;
import org.xai4j.explain.lrp.ParamModifier.Gamma;
import org.xai4j.graph.Node;

/**
 * The one general LRP rule for linear layers (dense, convolution, any op whose weights are
 * {@link org.xai4j.op.Parameters}), the counterpart of Zennit's {@code BasicHook}. For relevance
 * {@code R} at the output:
 *
 * <pre>
 *   z_k  = f(in_k(x); param_k(w, b))                       one modified forward pass per term
 *   g_G  = sel_G(z) * R / stab(sum_{k in G} sign_k z_k)     per group G
 *   R_in = sum_G coeff_G sum_{k in G} sign_k in_k(x) * (df_k/dx)^T g_G
 * </pre>
 *
 * where {@code (df_k/dx)^T} is the backward (gradient) of the op with modified parameters, so a
 * convolution propagates through the transposed convolution of its modified kernels. Every LRP
 * rule is an instance: see the factories. Rules validate their arguments, print, and compare by
 * value.
 *
 * @param name the rule's name, for printing (for example {@code Epsilon(1.0E-6)})
 * @param groups at least one group of terms
 * @param stabilizer the denominator's stabilizer
 */
public record LinearRule(String name, List<TermGroup> groups, Stabilizer stabilizer) implements NodeRule {
  /** Zennit's default gamma of the gamma rule and of {@code EpsilonGammaBox}. */
  public static final double DEFAULT_GAMMA = 0.25;

  private static final double ALPHA_BETA_TOLERANCE = 1e-12;

  /** Validates and copies the groups. */
  public LinearRule {
    if (name == null || name.isBlank() || groups == null || groups.isEmpty() || stabilizer == null) {
      throw new IllegalArgumentException("a linear rule needs a name, at least one term group and a stabilizer");
    }
    groups = List.copyOf(groups);
  }

  /**
   * LRP-epsilon (Bach et al. 2015): {@code R_i = sum_j x_i w_ij R_j / (z_j + eps sign(z_j))}.
   * Typical for upper and dense layers.
   *
   * @param epsilon the stabilizer, {@code >= 0}; Zennit's default is {@link Stabilizer#DEFAULT_EPSILON}
   */
  public static LinearRule epsilon(double epsilon) {
    return new LinearRule("Epsilon(" + epsilon + ")",
        List.of(TermGroup.of(Term.plus(Elementwise.IDENTITY, ParamModifier.Elementwise.IDENTITY, MODIFY))),
        new Stabilizer(epsilon));
  }

  /** LRP-epsilon with Zennit's default {@code epsilon = 1e-6}. */
  public static LinearRule epsilon() {
    return epsilon(Stabilizer.DEFAULT_EPSILON);
  }

  /**
   * LRP-0 (Bach et al. 2015): {@code R_i = sum_j x_i w_ij R_j / z_j}, i.e. epsilon 0. An output
   * with {@code z_j = 0} passes no relevance (see {@link Stabilizer}). It conserves relevance
   * exactly on bias-free ReLU networks.
   */
  public static LinearRule zero() {
    return new LinearRule("Zero", epsilon(0).groups(), new Stabilizer(0));
  }

  /**
   * Zennit's generalized LRP-gamma (Montavon et al. 2019; Andéol et al. 2021). Outputs with
   * {@code z > 0} distribute relevance by {@code x+ (w + g w+) + x- (w + g w-) + (b + g b+)},
   * outputs with {@code z < 0} by {@code x+ (w + g w-) + x- (w + g w+) + (b + g b-)}, where
   * {@code z} is the unmodified output; outputs with {@code z = 0} pass no relevance. For positive
   * inputs and outputs it is the original gamma rule {@code x (w + g w+)}. Typical for lower
   * convolutions.
   *
   * @param gamma the weight of the favoured part, {@code >= 0}; Zennit's default is {@value #DEFAULT_GAMMA}
   */
  public static LinearRule gamma(double gamma) {
    Gamma up = new Gamma(gamma, true);
    Gamma down = new Gamma(gamma, false);
    return new LinearRule("Gamma(" + gamma + ")", List.of(
        new TermGroup(1.0, OutputSelection.POSITIVE, List.of(
            Term.plus(Elementwise.POSITIVE, up, MODIFY), Term.plus(Elementwise.NEGATIVE, down, ZERO))),
        new TermGroup(1.0, OutputSelection.NEGATIVE, List.of(
            Term.plus(Elementwise.POSITIVE, down, MODIFY), Term.plus(Elementwise.NEGATIVE, up, ZERO)))),
        Stabilizer.DEFAULT);
  }

  /** The gamma rule with {@code gamma = } {@value #DEFAULT_GAMMA}. */
  public static LinearRule gamma() {
    return gamma(DEFAULT_GAMMA);
  }

  /**
   * LRP-alpha-beta (Bach et al. 2015) in Zennit's form: the positive contributions
   * {@code z+ = x+ w+ + x- w- + b+} and negative contributions {@code z- = x+ w- + x- w+ + b-} are
   * normalized separately, {@code R = alpha R(z+) - beta R(z-)}.
   *
   * @throws IllegalArgumentException unless {@code alpha, beta >= 0} and {@code alpha - beta = 1}
   */
  public static LinearRule alphaBeta(double alpha, double beta) {
    if (!(alpha >= 0) || !(beta >= 0) || Math.abs(alpha - beta - 1) > ALPHA_BETA_TOLERANCE) {
      throw new IllegalArgumentException(
          "alpha-beta rule needs alpha, beta >= 0 and alpha - beta = 1, got alpha=" + alpha + ", beta=" + beta);
    }
    return new LinearRule("AlphaBeta(" + alpha + ", " + beta + ")", List.of(
        new TermGroup(alpha, OutputSelection.ALL, positiveParts()),
        new TermGroup(-beta, OutputSelection.ALL, List.of(
            Term.plus(Elementwise.POSITIVE, ParamModifier.Elementwise.NEGATIVE, MODIFY),
            Term.plus(Elementwise.NEGATIVE, ParamModifier.Elementwise.POSITIVE, ZERO)))),
        Stabilizer.DEFAULT);
  }

  /**
   * LRP-z+ (Montavon et al. 2017), in Zennit's form that also admits negative inputs:
   * {@code z = x+ w+ + x- w- + b+}; equal to {@link #alphaBeta alphaBeta(1, 0)}. The deep Taylor
   * rule for ReLU layers.
   */
  public static LinearRule zPlus() {
    return new LinearRule("ZPlus", List.of(new TermGroup(1.0, OutputSelection.ALL, positiveParts())),
        Stabilizer.DEFAULT);
  }

  private static List<Term> positiveParts() {
    return List.of(
        Term.plus(Elementwise.POSITIVE, ParamModifier.Elementwise.POSITIVE, MODIFY),
        Term.plus(Elementwise.NEGATIVE, ParamModifier.Elementwise.NEGATIVE, ZERO));
  }

  /**
   * LRP-w-square (Montavon et al. 2017): {@code R_i = sum_j w_ij^2 R_j / (sum_i w_ij^2 + b_j^2)},
   * independent of the input; the deep Taylor rule for an unbounded input layer. As in Zennit the
   * squared bias enters the denominator.
   */
  public static LinearRule wSquare() {
    return new LinearRule("WSquare",
        List.of(TermGroup.of(Term.plus(Elementwise.ONES, ParamModifier.Elementwise.SQUARE, MODIFY))),
        Stabilizer.DEFAULT);
  }

  /**
   * LRP-flat (Lapuschkin et al. 2019): every weight and input is 1 and the bias 0, so each output's
   * relevance is split evenly over its receptive field. Typical for the first layer.
   */
  public static LinearRule flat() {
    return new LinearRule("Flat",
        List.of(TermGroup.of(Term.plus(Elementwise.ONES, ParamModifier.Elementwise.ONES, ZERO))),
        Stabilizer.DEFAULT);
  }

  /**
   * LRP-zB, the box rule (Montavon et al. 2017) for inputs bounded by {@code low <= x <= high}:
   * {@code z = x w - l w+ - h w-}, {@code R_i = (x_i w_ij - l_i w+_ij - h_i w-_ij) R_j / stab(z_j)}.
   * The bias cancels, as in Zennit, whose three terms all carry their modified bias.
   *
   * @throws IllegalArgumentException if {@code low > high} somewhere
   */
  public static LinearRule zBox(BoxBound low, BoxBound high) {
    if (!low.atMost(high)) {
      throw new IllegalArgumentException("zB rule needs low <= high, got low=" + low + ", high=" + high);
    }
    return new LinearRule("ZBox(" + low + ", " + high + ")", List.of(TermGroup.of(
        Term.plus(Elementwise.IDENTITY, ParamModifier.Elementwise.IDENTITY, MODIFY),
        Term.minus(new InputModifier.Fill(low), ParamModifier.Elementwise.POSITIVE, MODIFY),
        Term.minus(new InputModifier.Fill(high), ParamModifier.Elementwise.NEGATIVE, MODIFY))),
        Stabilizer.DEFAULT);
  }

  /** The zB rule with scalar bounds. */
  public static LinearRule zBox(float low, float high) {
    return zBox(BoxBound.scalar(low), BoxBound.scalar(high));
  }

  /**
   * This rule with {@code policy} for the bias of every term (the same modifiers otherwise), named
   * for example {@code ZPlus[bias KEEP]}.
   */
  public LinearRule withBias(BiasPolicy policy) {
    List<TermGroup> changed = groups.stream()
        .map(g -> new TermGroup(g.coefficient(), g.selection(), g.terms().stream()
            .map(t -> new Term(t.input(), t.param(), policy, t.sign())).toList()))
        .toList();
    return new LinearRule(name + "[bias " + policy + "]", changed, stabilizer);
  }

  /** This rule with another stabilizer (the same terms). */
  public LinearRule withStabilizer(Stabilizer replacement) {
    return new LinearRule(name, groups, replacement);
  }

  @Override
  public BackwardRule bind(Node node) {
    return new PreparedLinearRule(this, node);
  }

  @Override
  public String toString() {
    return name;
  }
}
