package org.xai4j.explain.lrp;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.MatMul;
import org.xai4j.tensor.Tensor;

/**
 * The rule for a product of two computed values ({@code Mul}, {@code MatMul}, {@code Div}): the
 * relevance goes, in proportion to their contributions, to the <em>signal</em> inputs, and the
 * other factor is held constant. With {@code k} signals each gets the share {@code 1/k}:
 * {@code R_s = s * (dz/ds)^T (R / (k stab(z)))} (the Norm rule on the product, split evenly). For
 * an element-wise product whose signal has the output's shape that is exactly {@code R_s = R / k},
 * which is what is computed then (no stabilizer shifts it).
 *
 * <ul>
 *   <li>{@link #uniform()}: both factors are signals and get half each, AttnLRP's uniform rule for
 *       the product of two activations (Achtibat et al. 2024, Proposition 3.2; for a matrix product
 *       followed by the epsilon rule on its sums, Proposition 3.3). Query-key and
 *       attention-value products get it.
 *   <li>{@link #heldConstant(int)}: one signal gets everything, the other factor (a gate) is
 *       held constant: squeeze-excitation {@code x * sigmoid(...)}, an element-wise activation
 *       written {@code x * f(x)} (SiLU, GELU, HardSwish; then {@code R_x = R}), a normalization's
 *       divisor, attention weights in CP-LRP (Ali et al. 2022).
 * </ul>
 *
 * @param signals the inputs that receive relevance, ascending, one or two of {@code {0, 1}}
 * @param stabilizer the denominator's stabilizer
 */
public record ProductRule(List<Integer> signals, Stabilizer stabilizer) implements NodeRule {
  /** Validates and copies the signal inputs. */
  public ProductRule {
    if (signals == null || signals.isEmpty() || signals.size() > 2 || stabilizer == null
        || signals.stream().anyMatch(i -> i == null || i < 0 || i > 1) || signals.stream().distinct().count() != signals.size()) {
      throw new IllegalArgumentException("a product rule needs one or two distinct signal inputs of {0, 1} and a "
          + "stabilizer, got " + signals + ", " + stabilizer);
    }
    signals = List.copyOf(signals);
  }

  /** AttnLRP's uniform rule: both factors get half of the relevance. */
  public static ProductRule uniform() {
    return new ProductRule(List.of(0, 1), Stabilizer.DEFAULT);
  }

  /** All relevance to input {@code signal}, the other factor held constant. */
  public static ProductRule heldConstant(int signal) {
    return new ProductRule(List.of(signal), Stabilizer.DEFAULT);
  }

  /**
   * @throws IllegalArgumentException unless the node has two inputs
   */
  @Override
  public BackwardRule bind(Node node) {
    if (node.inputs().size() != 2) {
      throw new IllegalArgumentException("product rule " + this + " needs a node with two inputs; node '"
          + node.name() + "' (" + node.op().type() + ") has " + node.inputs().size());
    }
    float share = 1f / signals.size();
    boolean elementwise = !(node.op() instanceof MatMul);
    return (n, ctx, signal) -> {
      if (elementwise && signals.stream().allMatch(s -> ctx.input(s).shape().equals(signal.shape()))) {
        Tensor[] relevance = new Tensor[2];
        Tensor each = signals.size() == 1 ? signal : signal.mul(share);
        for (int s : signals) {
          relevance[s] = ctx.needsInput(s) ? each : null;
        }
        return Gradients.ofInputs(relevance);
      }
      List<Boolean> needs = new ArrayList<>(List.of(false, false));
      for (int s : signals) {
        needs.set(s, ctx.needsInput(s));
      }
      BackwardContext restricted = new BackwardContext(ctx.inputs(), ctx.output(), needs, false);
      return NormRule.proportional(n.op(), restricted, signals.size() == 1 ? signal : signal.mul(share), stabilizer);
    };
  }

  @Override
  public String toString() {
    return signals.size() == 2 ? "Uniform" : "HeldConstant(to input " + signals.get(0) + ")";
  }
}
