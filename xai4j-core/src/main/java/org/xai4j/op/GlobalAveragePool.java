package org.xai4j.op;

import java.util.Arrays;
import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Global average pooling as in ONNX {@code GlobalAveragePool}: the mean over all spatial axes of
 * an input {@code [N, C, d1, ..., dk]} (k at least 1), giving {@code [N, C, 1, ..., 1]}. Its
 * gradient spreads each output gradient evenly over the plane.
 */
public final class GlobalAveragePool implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final String TYPE = "GlobalAveragePool";
  /** Inputs need a batch axis, a channel axis and at least one spatial axis. */
  private static final int MIN_RANK = 3;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape x = inputs.get(0);
    OpChecks.require(x.rank() >= MIN_RANK, TYPE, "input " + x
        + " must have rank at least " + MIN_RANK + " ([N, C, spatial...])");
    int[] d = x.toArray();
    for (int i = 2; i < d.length; i++) {
      d[i] = 1;
    }
    return Shape.of(d);
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape out = outputShape(List.of(inputs.get(0).shape()));
    Shape shape = inputs.get(0).shape();
    int area = shape.product(2, shape.rank());
    float[] x = INTERNALS.array(inputs.get(0));
    float[] y = new float[out.size()];
    for (int p = 0; p < y.length; p++) {
      double s = 0;
      for (int i = p * area; i < (p + 1) * area; i++) {
        s += x[i];
      }
      y[p] = (float) (s / area);
    }
    return INTERNALS.adopt(out, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    Shape shape = ctx.input(0).shape();
    int area = shape.product(2, shape.rank());
    float[] g = INTERNALS.array(gradOutput);
    float[] dx = new float[shape.size()];
    for (int p = 0; p < g.length; p++) {
      Arrays.fill(dx, p * area, (p + 1) * area, g[p] / area);
    }
    return Gradients.ofInputs(INTERNALS.adopt(shape, dx));
  }

  @Override
  public String toString() {
    return TYPE;
  }
}
