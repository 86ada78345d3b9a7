package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Broadcast;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code Max}, {@code Min}, {@code Sum} and {@code Mean} over one or more inputs, element by
 * element with multidirectional broadcasting. For Max and Min the gradient of each output element
 * goes to the first input that holds the extreme (ties are rare in real data).
 *
 * @param combination which of the four
 */
public record Variadic(Combination combination) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Override
  public String type() {
    return combination.onnxType();
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.require(!inputs.isEmpty(), type(), "needs at least one input");
    Shape out = inputs.get(0);
    for (Shape s : inputs) {
      out = Broadcast.shape(out, s);
    }
    return out;
  }

  /** For every output element, the index of the input holding the extreme (Max/Min only). */
  private int[] winners(List<Tensor> inputs, Shape out) {
    int[] win = new int[out.size()];
    float[] best = INTERNALS.array(inputs.get(0).zip(Tensor.zeros(out), (a, b) -> a));
    boolean max = combination == Combination.MAX;
    for (int k = 1; k < inputs.size(); k++) {
      int[] idx = Broadcast.sourceIndex(inputs.get(k).shape(), out);
      float[] x = INTERNALS.array(inputs.get(k));
      for (int i = 0; i < win.length; i++) {
        float v = x[idx[i]];
        if (max ? v > best[i] : v < best[i]) {
          best[i] = v;
          win[i] = k;
        }
      }
    }
    return win;
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape out = outputShape(inputs.stream().map(Tensor::shape).toList());
    float[] y = new float[out.size()];
    if (combination == Combination.MAX || combination == Combination.MIN) {
      int[] win = winners(inputs, out);
      int[][] idx = new int[inputs.size()][];
      for (int k = 0; k < idx.length; k++) {
        idx[k] = Broadcast.sourceIndex(inputs.get(k).shape(), out);
      }
      for (int i = 0; i < y.length; i++) {
        y[i] = inputs.get(win[i]).getFlat(idx[win[i]][i]);
      }
      return INTERNALS.adopt(out, y);
    }
    double[] acc = new double[y.length];
    for (Tensor t : inputs) {
      int[] idx = Broadcast.sourceIndex(t.shape(), out);
      float[] x = INTERNALS.array(t);
      for (int i = 0; i < acc.length; i++) {
        acc[i] += x[idx[i]];
      }
    }
    double scale = combination == Combination.MEAN ? 1.0 / inputs.size() : 1.0;
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (acc[i] * scale);
    }
    return INTERNALS.adopt(out, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    List<Tensor> inputs = ctx.inputs();
    Tensor[] grads = new Tensor[inputs.size()];
    boolean extreme = combination == Combination.MAX || combination == Combination.MIN;
    int[] win = extreme ? winners(inputs, gradOutput.shape()) : null;
    float scale = combination == Combination.MEAN ? 1f / inputs.size() : 1f;
    float[] g = INTERNALS.array(gradOutput);
    for (int k = 0; k < grads.length; k++) {
      if (!ctx.needsInput(k)) {
        continue;
      }
      float[] gk = new float[g.length];
      for (int i = 0; i < g.length; i++) {
        gk[i] = extreme ? (win[i] == k ? g[i] : 0f) : g[i] * scale;
      }
      grads[k] = Broadcast.reduceTo(INTERNALS.adopt(gradOutput.shape(), gk), inputs.get(k).shape());
    }
    return Gradients.ofInputs(grads);
  }
}
