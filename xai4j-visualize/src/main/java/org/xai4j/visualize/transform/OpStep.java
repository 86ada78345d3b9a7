package org.xai4j.visualize.transform;

import java.util.List;
import java.util.random.RandomGenerator;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Op;
import org.xai4j.tensor.Tensor;

/**
 * One of core's single-input ops (Pad, Resize, Sigmoid, ...) as a transform step, with the op's own
 * (finite-difference tested) backward pass.
 *
 * @param op the op; it must take one input
 */
public record OpStep(Op op) implements Transform {
  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    return apply(op, image);
  }

  static Transformed apply(Op op, Tensor x) {
    Tensor y = op.forward(List.of(x));
    return new Transformed(y, g -> op.backward(BackwardContext.all(List.of(x), y, false), g).input(0));
  }

  @Override
  public String description() {
    return op.type().toLowerCase(java.util.Locale.ROOT);
  }
}
