package org.xai4j.visualize.blocks;

import java.util.List;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * An op whose output is another op's output times {@code alpha}: placing it at a hidden layer moves
 * that layer's activation along the straight path from 0 to its value while every other path from
 * the input stays as it is (Captum's {@code LayerIntegratedGradients} patches the layer the same way).
 * Only its forward is used: {@link HiddenAttribution} stops the reverse pass at this node.
 *
 * @param inner the layer's op
 * @param alpha the scale
 */
record ScaledOutput(Op inner, float alpha) implements Op {
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
    return inner.forward(inputs).mul(alpha);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    throw new UnsupportedOperationException("the reverse pass stops at a scaled layer");
  }
}
