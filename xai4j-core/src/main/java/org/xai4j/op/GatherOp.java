package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.IndexMap;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * An op that moves data: every output element is one element of its one input, or a fill value,
 * as the {@link IndexMap} of the input shape says. The output shape is the map's target, the
 * forward pass {@link IndexMap#gather} and the backward pass its adjoint,
 * {@link IndexMap#scatterAdd}. The fill value is {@link Pad#value()} for {@link Pad} and never
 * read for the other ops, which map every output element.
 */
sealed interface GatherOp extends Op permits Expand, Pad, Slice, Tile, Transpose {
  /**
   * The output shape for an input of shape {@code input}, computed from the extents alone (in
   * overflow-safe arithmetic, without building the index map), after checking the attributes
   * against the input.
   *
   * @throws IllegalArgumentException naming the op and the shape if the attributes do not fit it
   */
  Shape outputShape(Shape input);

  /**
   * The data movement of this op from {@code input} to {@code output}, which is
   * {@link #outputShape(Shape) outputShape(input)} and not empty.
   */
  IndexMap indexMap(Shape input, Shape output);

  /**
   * The data movement of this op over an input of shape {@code input}. The output shape is checked
   * first (and with it {@link org.xai4j.limit.Limit#TENSOR_ELEMENTS}), so the map's per-axis
   * tables are never larger than the output.
   *
   * @throws IllegalArgumentException naming the op and the shape if the attributes do not fit it
   */
  default IndexMap indexMap(Shape input) {
    Shape output = outputShape(input);
    return output.size() == 0 ? IndexMap.empty(input, output) : indexMap(input, output);
  }

  @Override
  default Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    return outputShape(inputs.get(0));
  }

  @Override
  default Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 1);
    return indexMap(inputs.get(0).shape()).gather(inputs.get(0), fill());
  }

  @Override
  default Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return Gradients.ofInputs(
        ctx.needsInput(0) ? indexMap(ctx.input(0).shape()).scatterAdd(gradOutput) : null);
  }

  /** The value of output elements that read no input element. */
  private float fill() {
    return this instanceof Pad pad ? pad.value() : 0f;
  }
}
