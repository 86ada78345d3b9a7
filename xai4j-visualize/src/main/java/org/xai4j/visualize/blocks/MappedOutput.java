package org.xai4j.visualize.blocks;

import java.util.List;
import java.util.function.UnaryOperator;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * An op whose output is another op's output passed through a function of the same shape, for forward
 * passes only. {@link #scaled} at a hidden layer moves that layer's activation along the straight
 * path from 0 to its value while every other path from the input stays as it is (Captum's
 * {@code LayerIntegratedGradients} patches the layer the same way); {@link HiddenAttribution} stops
 * the reverse pass at this node.
 *
 * @param inner the layer's op
 * @param map the function of the layer's output, keeping its shape
 */
record MappedOutput(Op inner, UnaryOperator<Tensor> map) implements Op {
  /** {@code inner}'s output times {@code alpha}. */
  static MappedOutput scaled(Op inner, float alpha) {
    return new MappedOutput(inner, y -> y.mul(alpha));
  }

  @Override
  public String type() {
    return inner.type();
  }

  @Override
  public Parameters parameters() {
    return inner.parameters();
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return inner.outputShape(inputs);
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    return map.apply(inner.forward(inputs));
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    throw new UnsupportedOperationException("forward only: the reverse pass stops at a layer with a mapped output");
  }
}
