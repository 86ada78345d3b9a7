package org.xai4j.explain.extending;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.explain.lrp.NodeRule;
import org.xai4j.explain.lrp.composite.OpGroup;
import org.xai4j.graph.Node;
import org.xai4j.op.Gradients;
import org.xai4j.tensor.Tensor;

/**
 * The epsilon rule written as a user rule:
 * {@code R_i = x_i * sum_j w_ji R_j / (z_j + epsilon * sign(z_j))}, with {@code z = W x + b} the
 * layer's output and {@code sign(0) = +1} (Zennit's {@code Epsilon}).
 *
 * @param epsilon the stabilizer, finite and {@code >= 0}
 */
public record MyEpsilon(double epsilon) implements NodeRule {
  /** Rejects a negative, infinite or NaN epsilon: an invalid rule cannot exist. */
  public MyEpsilon {
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("MyEpsilon needs a finite epsilon >= 0, got " + epsilon);
    }
  }

  @Override
  public BackwardRule bind(Node node) {
    if (!OpGroup.LINEAR.contains(node.op())) {
      throw new IllegalArgumentException("MyEpsilon applies to Conv, ConvTranspose and Gemm; node '"
          + node.name() + "' is " + node.op().type());
    }
    float e = (float) epsilon;
    return (n, ctx, relevance) -> {
      // s = R / stabilized z; the op's own backward maps s to c = W^T s (the gradient of <z, s>).
      Tensor s = relevance.zip(ctx.output(), (r, z) -> r / (z >= 0 ? z + e : z - e));
      Tensor c = n.op().backward(ctx, s).input(0);
      return Gradients.ofInputs(ctx.input(0).mul(c));
    };
  }

  @Override
  public String toString() {
    return "MyEpsilon(" + epsilon + ")";
  }
}
