package org.xai4j.explain.attribution;

import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * Sensitivity analysis as defined by Montavon, Samek and Müller, "Methods for interpreting and
 * understanding deep neural networks" (Digital Signal Processing 73, 2018), eq. (2): the squared
 * partial derivative {@code R_i = (df/dx_i)^2}, summed over the colour channels of a pixel for
 * images.
 *
 * <p>Output shape: for an image batch {@code [N, C, H, W]} the relevance is {@code [N, 1, H, W]}
 * with {@code R_p = sum_c (df/dx_{c,p})^2}; for inputs of any other rank it has the input's
 * shape, {@code R_i = (df/dx_i)^2}. Example: {@code new Sensitivity().explain(graph, images,
 * Target.argmax()).relevance()} is {@code [N, 1, H, W]}.
 */
public record Sensitivity() implements Attributor {
  /** The rank of an image batch {@code [N, C, H, W]}, whose channels are summed. */
  public static final int IMAGE_RANK = 4;

  @Override
  public Attribution explain(Graph graph, Tensor input, Target target) {
    Trace trace = graph.forward(input);
    Tensor g = Gradient.inputSignal(trace, target, NodeRules.none());
    Tensor squared = g.mul(g);
    return new Attribution(input.rank() == IMAGE_RANK ? squared.sum(1, true) : squared, trace.output());
  }
}
