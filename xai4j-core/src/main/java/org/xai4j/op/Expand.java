package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Broadcast;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code Expand}: broadcasts the input against {@code shape} with NumPy rules, so the output
 * shape is the broadcast of both (an extent of 1 in {@code shape} keeps the input's extent). The
 * gradient sums over the broadcast axes.
 *
 * @param shape the extents to broadcast to
 */
public record Expand(List<Integer> shape) implements Op {
  /** Copies the extents. */
  public Expand {
    shape = List.copyOf(shape);
  }

  @Override
  public String type() {
    return "Expand";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    return OpChecks.broadcast(type(), inputs.get(0), Shape.of(shape.stream().mapToInt(Integer::intValue).toArray()));
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    Shape out = outputShape(List.of(x.shape()));
    int[] index = Broadcast.sourceIndex(x.shape(), out);
    float[] src = TensorInternals.array(x);
    float[] y = new float[index.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = src[index[i]];
    }
    return TensorInternals.adopt(out, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return Gradients.ofInputs(ctx.needsInput(0) ? Broadcast.reduceTo(gradOutput, ctx.input(0).shape()) : null);
  }
}
