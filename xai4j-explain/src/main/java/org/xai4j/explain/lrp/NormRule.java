package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Proportional split (Zennit's {@code Norm}): every input receives relevance in proportion to its
 * contribution to the output, {@code R_i = x_i * (df/dx_i)^T (R / stab(z))} with {@code z = f(x)}
 * the recorded output. For a residual sum {@code z = a + b} this gives {@code R_a = a R / z}; for
 * average pooling each window element gets its share of the window sum; for concatenation each part
 * keeps its own relevance. Works for any op through its gradient; parameters are not modified.
 *
 * @param stabilizer the denominator's stabilizer (default {@link Stabilizer#DEFAULT})
 */
public record NormRule(Stabilizer stabilizer) implements NodeRule {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Rejects a missing stabilizer. */
  public NormRule {
    if (stabilizer == null) {
      throw new IllegalArgumentException("Norm rule needs a stabilizer");
    }
  }

  /** The Norm rule with Zennit's default stabilizer. */
  public NormRule() {
    this(Stabilizer.DEFAULT);
  }

  @Override
  public BackwardRule bind(Node node) {
    return (n, ctx, signal) -> proportional(n.op(), ctx, signal, stabilizer);
  }

  /**
   * {@code R_i = x_i * (df/dx_i)^T (R / stab(z))} for {@code op}, whose output {@code z} for the
   * context's inputs is {@code ctx.output()}.
   */
  static Gradients proportional(Op op, BackwardContext ctx, Tensor signal, Stabilizer stabilizer) {
    float[] r = INTERNALS.array(signal);
    float[] z = INTERNALS.array(ctx.output());
    float[] g = new float[r.length];
    for (int j = 0; j < g.length; j++) {
      g[j] = stabilizer.divide(r[j], z[j]);
    }
    Gradients grads = op.backward(ctx, INTERNALS.adopt(signal.shape(), g));
    Tensor[] relevance = new Tensor[ctx.inputs().size()];
    for (int i = 0; i < relevance.length; i++) {
      relevance[i] = ctx.needsInput(i) ? ctx.input(i).mul(grads.input(i)) : null;
    }
    return Gradients.ofInputs(relevance);
  }

  @Override
  public String toString() {
    return stabilizer.equals(Stabilizer.DEFAULT) ? "Norm" : "Norm(" + stabilizer.epsilon() + ")";
  }
}
