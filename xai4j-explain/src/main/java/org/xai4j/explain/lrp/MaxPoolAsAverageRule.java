package org.xai4j.explain.lrp;

import java.util.List;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;
import org.xai4j.op.AveragePool;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.MaxPool;
import org.xai4j.tensor.Tensor;

/**
 * Max pooling treated as average pooling for relevance: each window's relevance is split over all
 * its inputs in proportion to their values, {@code R_i = x_i R_w / stab(sum_window x)} (the Norm
 * rule on the average pooling with the same windows; padding is not counted). The alternative to
 * the default winner-takes-all {@link GradientRule}, which gives everything to the maximum.
 *
 * @param stabilizer the denominator's stabilizer
 */
public record MaxPoolAsAverageRule(Stabilizer stabilizer) implements NodeRule {
  /** Rejects a missing stabilizer. */
  public MaxPoolAsAverageRule {
    if (stabilizer == null) {
      throw new IllegalArgumentException("MaxPoolAsAverage rule needs a stabilizer");
    }
  }

  /** With Zennit's default stabilizer. */
  public MaxPoolAsAverageRule() {
    this(Stabilizer.DEFAULT);
  }

  /**
   * Prepares the average pooling with the max pooling's windows.
   *
   * @throws IllegalArgumentException unless the node is an undilated {@code MaxPool}
   */
  @Override
  public BackwardRule bind(Node node) {
    if (!(node.op() instanceof MaxPool max) || max.dilations().stream().anyMatch(d -> d != 1)) {
      throw new IllegalArgumentException("MaxPoolAsAverage rule needs an undilated MaxPool; node '" + node.name()
          + "' is " + node.op());
    }
    AveragePool average = new AveragePool(max.kernelShape(), max.strides(), max.pads(), max.ceilMode(), false);
    return (n, ctx, signal) -> {
      List<Tensor> inputs = ctx.inputs();
      BackwardContext averaged = new BackwardContext(inputs, average.forward(inputs), ctx.neededInputs(), false);
      return NormRule.proportional(average, averaged, signal, stabilizer);
    };
  }

  @Override
  public String toString() {
    return "MaxPoolAsAverage";
  }
}
