package org.xai4j.op;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code Concat}: joins one or more tensors along {@code axis} (negative counts from the end).
 * All inputs have the same rank and agree on every other axis. The gradient of each input is its
 * slice of the output gradient.
 *
 * @param axis the axis to join along
 */
public record Concat(int axis) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Override
  public String type() {
    return "Concat";
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.require(!inputs.isEmpty(), type(), "needs at least one input");
    Shape first = inputs.get(0);
    int a = OpChecks.axis(type(), first, axis);
    int total = 0;
    for (int j = 0; j < inputs.size(); j++) {
      Shape s = inputs.get(j);
      String mismatch = "input " + j + " has shape " + s + " but input 0 has shape " + first;
      OpChecks.require(s.rank() == first.rank(), type(), mismatch + "; ranks differ");
      for (int d = 0; d < s.rank(); d++) {
        OpChecks.require(d == a || s.dim(d) == first.dim(d), type(), mismatch + "; extents differ"
            + " on axis " + d + " but may differ only on the concatenation axis " + a);
      }
      total += s.dim(a);
    }
    return first.withDim(a, total);
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    List<Shape> shapes = shapes(inputs);
    Shape out = outputShape(shapes);
    int a = out.axis(axis);
    int outer = out.product(0, a);
    int outBlock = out.product(a, out.rank());
    float[] y = new float[out.size()];
    int start = 0;
    for (Tensor x : inputs) {
      int block = x.shape().product(a, out.rank());
      copyBlocks(outer, block, INTERNALS.array(x), block, 0, y, outBlock, start);
      start += block;
    }
    return INTERNALS.adopt(out, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Shape out = gradOutput.shape();
    int a = out.axis(axis);
    int outer = out.product(0, a);
    int outBlock = out.product(a, out.rank());
    float[] g = INTERNALS.array(gradOutput);
    Tensor[] grads = new Tensor[ctx.inputs().size()];
    int start = 0;
    for (int j = 0; j < grads.length; j++) {
      Shape s = ctx.input(j).shape();
      int block = s.product(a, s.rank());
      if (ctx.needsInput(j)) {
        float[] gx = new float[s.size()];
        copyBlocks(outer, block, g, outBlock, start, gx, block, 0);
        grads[j] = INTERNALS.adopt(s, gx);
      }
      start += block;
    }
    return Gradients.ofInputs(grads);
  }

  /**
   * Copies {@code outer} blocks of {@code block} elements; block {@code o} starts at
   * {@code o * fromPitch + fromStart} in {@code from} and at {@code o * toPitch + toStart} in
   * {@code to}.
   */
  private static void copyBlocks(int outer, int block, float[] from, int fromPitch, int fromStart,
      float[] to, int toPitch, int toStart) {
    for (int o = 0; o < outer; o++) {
      System.arraycopy(from, o * fromPitch + fromStart, to, o * toPitch + toStart, block);
    }
  }

  private static List<Shape> shapes(List<Tensor> inputs) {
    List<Shape> shapes = new ArrayList<>(inputs.size());
    for (Tensor t : inputs) {
      shapes.add(t.shape());
    }
    return shapes;
  }
}
