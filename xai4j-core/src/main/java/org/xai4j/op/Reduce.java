package org.xai4j.op;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code ReduceSum}, {@code ReduceMean} and {@code ReduceMax}: reduces the input along
 * {@code axes} (all axes when empty, ONNX's default with {@code noop_with_empty_axes = 0}), keeping
 * them with extent 1 when {@code keepDims} (ONNX default 1). Sums are accumulated in double.
 *
 * @param reduction sum, mean or max
 * @param axes the reduced axes (negative values count from the end); empty for all
 * @param keepDims whether reduced axes stay with extent 1
 */
public record Reduce(Reduction reduction, List<Integer> axes, boolean keepDims) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Copies the axes. */
  public Reduce {
    axes = List.copyOf(axes);
  }

  @Override
  public String type() {
    return reduction.onnxType();
  }

  private boolean[] reduced(Shape in) {
    boolean[] r = new boolean[in.rank()];
    if (axes.isEmpty()) {
      java.util.Arrays.fill(r, true);
    }
    for (int a : axes) {
      int axis = in.axis(a);
      OpChecks.require(!r[axis] || axes.isEmpty(), type(), "axis " + a + " is repeated in " + axes);
      r[axis] = true;
    }
    return r;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Shape in = inputs.get(0);
    boolean[] r = reduced(in);
    List<Integer> dims = new ArrayList<>();
    for (int i = 0; i < in.rank(); i++) {
      if (!r[i]) {
        dims.add(in.dim(i));
      } else if (keepDims) {
        dims.add(1);
      }
    }
    return Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
  }

  /** For every input element, the flat index of the output element it contributes to. */
  private int[] outputIndex(Shape in) {
    boolean[] r = reduced(in);
    int rank = in.rank();
    int[] outStrides = new int[rank];
    int stride = 1;
    for (int i = rank - 1; i >= 0; i--) {
      outStrides[i] = r[i] ? 0 : stride;
      stride *= r[i] ? 1 : in.dim(i);
    }
    int[] index = new int[in.size()];
    int[] counter = new int[rank];
    int out = 0;
    for (int flat = 0; flat < index.length; flat++) {
      index[flat] = out;
      for (int ax = rank - 1; ax >= 0; ax--) {
        counter[ax]++;
        out += outStrides[ax];
        if (counter[ax] < in.dim(ax)) {
          break;
        }
        out -= outStrides[ax] * counter[ax];
        counter[ax] = 0;
      }
    }
    return index;
  }

  /** For MAX: the flat input index of the first maximal element of each output element. */
  private static int[] argmax(float[] x, int[] index, int outSize) {
    int[] arg = new int[outSize];
    java.util.Arrays.fill(arg, -1);
    for (int i = 0; i < x.length; i++) {
      int o = index[i];
      if (arg[o] < 0 || x[i] > x[arg[o]]) {
        arg[o] = i;
      }
    }
    return arg;
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape out = outputShape(List.of(inputs.get(0).shape()));
    Shape in = inputs.get(0).shape();
    float[] x = INTERNALS.array(inputs.get(0));
    int[] index = outputIndex(in);
    float[] y = new float[out.size()];
    if (reduction == Reduction.MAX) {
      OpChecks.require(x.length > 0, type(), "cannot take the maximum of the empty input " + in);
      int[] arg = argmax(x, index, y.length);
      for (int o = 0; o < y.length; o++) {
        y[o] = x[arg[o]];
      }
    } else {
      double[] acc = new double[y.length];
      for (int i = 0; i < x.length; i++) {
        acc[index[i]] += x[i];
      }
      double scale = reduction == Reduction.MEAN ? (double) y.length / x.length : 1.0;
      for (int o = 0; o < y.length; o++) {
        y[o] = (float) (acc[o] * scale);
      }
    }
    return INTERNALS.adopt(out, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    Shape in = ctx.input(0).shape();
    int[] index = outputIndex(in);
    float[] g = INTERNALS.array(gradOutput);
    float[] gx = new float[in.size()];
    if (reduction == Reduction.MAX) {
      int[] arg = argmax(INTERNALS.array(ctx.input(0)), index, g.length);
      for (int o = 0; o < g.length; o++) {
        gx[arg[o]] = g[o];
      }
    } else {
      float scale = reduction == Reduction.MEAN ? (float) g.length / gx.length : 1f;
      for (int i = 0; i < gx.length; i++) {
        gx[i] = g[index[i]] * scale;
      }
    }
    return Gradients.ofInputs(INTERNALS.adopt(in, gx));
  }
}
