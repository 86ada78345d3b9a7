package org.xai4j.explain.attribution;

import org.xai4j.explain.Explainer;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * Sensitivity analysis as defined by Montavon, Samek and Müller, "Methods for interpreting and
 * understanding deep neural networks" (Digital Signal Processing 73, 2018), eq. (2): the squared
 * partial derivative {@code R_i = (df/dx_i)^2}, summed over the colour channels of a pixel for
 * images.
 *
 * <p>Output shape: for an image batch {@code [N, C, H, W]} the relevance is {@code [N, 1, H, W]}
 * with {@code R_p = sum_c (df/dx_{c,p})^2}; for inputs of any other rank it has the input's
 * shape, {@code R_i = (df/dx_i)^2}. At a hidden value the same holds for the signal there (a
 * {@code [N, C, H, W]} value is summed over its channels). Example: {@code
 * Sensitivity.plain().prepare(graph).explain(images, Target.argmax()).relevance()} is
 * {@code [N, 1, H, W]}.
 *
 * @param pass the reverse pass
 */
public record Sensitivity(ReversePass pass) implements GradientMethod<Sensitivity> {
  /** The rank of an image batch {@code [N, C, H, W]}, whose channels are summed. */
  public static final int IMAGE_RANK = 4;

  /** Sensitivity of the plain gradient. */
  public static Sensitivity plain() {
    return new Sensitivity(ReversePass.gradient());
  }

  @Override
  public Sensitivity withPass(ReversePass p) {
    return new Sensitivity(p);
  }

  @Override
  public Explainer prepare(Graph graph) {
    return SinglePass.prepare(this, pass, graph, null, (value, signal, activation, input) -> squared(signal));
  }

  private static Tensor squared(Tensor g) {
    Tensor s = g.mul(g);
    return s.rank() == IMAGE_RANK ? s.sum(1, true) : s;
  }
}
