package org.xai4j.explain.attribution;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.backprop.NodeRules;
import org.xai4j.op.Gradients;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The ReLU overrides of Guided Backprop and Deconvnet, as {@link BackwardRule}s for the nodes whose
 * op type is {@value #RELU_TYPE}; every other node keeps its gradient. Both match Captum's
 * {@code GuidedBackprop} / {@code Deconvolution} and Zennit's {@code GuidedBackprop} /
 * {@code DeconvNet} composites, which override {@code torch.nn.ReLU} modules only.
 */
public final class ReluOverrides {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The ONNX op type the overrides apply to. */
  public static final String RELU_TYPE = "Relu";

  private static final BackwardRule GUIDED = (node, ctx, signal) -> {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    float[] x = INTERNALS.array(ctx.input(0));
    float[] s = INTERNALS.array(signal);
    float[] g = new float[s.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = x[i] > 0f && s[i] > 0f ? s[i] : 0f;
    }
    return Gradients.ofInputs(INTERNALS.adopt(signal.shape(), g));
  };

  private static final BackwardRule DECONV = (node, ctx, signal) ->
      Gradients.ofInputs(ctx.needsInput(0) ? signal.map(v -> v > 0f ? v : 0f) : null);

  private ReluOverrides() {}

  /**
   * Guided Backprop (Springenberg et al. 2015): a ReLU passes the signal where both its input and
   * the signal are positive, {@code g_in = 1[x > 0] * max(0, g_out)}.
   */
  public static NodeRules guidedBackprop() {
    return NodeRules.byOpType(RELU_TYPE, GUIDED);
  }

  /**
   * Deconvnet (Zeiler and Fergus 2014): a ReLU passes the positive part of the signal regardless
   * of its forward input, {@code g_in = max(0, g_out)}.
   */
  public static NodeRules deconvnet() {
    return NodeRules.byOpType(RELU_TYPE, DECONV);
  }
}
