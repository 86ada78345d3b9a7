package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Broadcast;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code Where(condition, x, y)}: {@code x} where the condition is true (non-zero), else
 * {@code y}, with NumPy/ONNX broadcasting of all three inputs. The gradient goes to {@code x}
 * where the condition holds and to {@code y} elsewhere, each summed back to its input's shape;
 * the condition, a mask, gets none.
 */
public final class Where implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final String TYPE = "Where";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 3);
    return OpChecks.broadcast(TYPE, OpChecks.broadcast(TYPE, inputs.get(0), inputs.get(1)), inputs.get(2));
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape out = outputShape(inputs.stream().map(Tensor::shape).toList());
    float[] c = INTERNALS.array(inputs.get(0));
    float[] x = INTERNALS.array(inputs.get(1));
    float[] y = INTERNALS.array(inputs.get(2));
    int[] ic = Broadcast.sourceIndex(inputs.get(0).shape(), out);
    int[] ix = Broadcast.sourceIndex(inputs.get(1).shape(), out);
    int[] iy = Broadcast.sourceIndex(inputs.get(2).shape(), out);
    float[] r = new float[out.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = c[ic[i]] != 0f ? x[ix[i]] : y[iy[i]];
    }
    return INTERNALS.adopt(out, r);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Shape out = gradOutput.shape();
    float[] c = INTERNALS.array(ctx.input(0));
    int[] ic = Broadcast.sourceIndex(ctx.input(0).shape(), out);
    float[] g = INTERNALS.array(gradOutput);
    float[] gx = ctx.needsInput(1) ? new float[g.length] : null;
    float[] gy = ctx.needsInput(2) ? new float[g.length] : null;
    for (int i = 0; i < g.length; i++) {
      boolean take = c[ic[i]] != 0f;
      if (gx != null && take) {
        gx[i] = g[i];
      }
      if (gy != null && !take) {
        gy[i] = g[i];
      }
    }
    return Gradients.ofInputs(null,
        gx == null ? null : Broadcast.reduceTo(INTERNALS.adopt(out, gx), ctx.input(1).shape()),
        gy == null ? null : Broadcast.reduceTo(INTERNALS.adopt(out, gy), ctx.input(2).shape()));
  }

  @Override
  public String toString() {
    return TYPE;
  }
}
