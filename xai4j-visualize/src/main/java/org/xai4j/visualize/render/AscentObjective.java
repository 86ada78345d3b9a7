package org.xai4j.visualize.render;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * A differentiable function of a few parameter tensors that {@link GradientAscent} maximizes: at
 * each step it returns its value and the gradient of that value with respect to every parameter.
 *
 * <p>Any problem fits, not only images. For example, to find a code {@code z} that a decoder maps to
 * an image a classifier scores highly, the parameters are {@code [z]} and {@code evaluate} runs
 * {@code decoder} and {@code classifier} forward (with {@link ModelReadout}, which runs only the
 * nodes the objective reads), seeds the class logit, and passes the gradient that arrives at the
 * decoder's input back as the gradient of {@code z}, minus {@code 2 lambda z} for an L2 penalty.
 * Randomness (transformations, noise) must come from {@link AscentContext#random()}, so that a run
 * is reproducible from its seed.
 */
@FunctionalInterface
public interface AscentObjective {
  /**
   * The value and its gradients at the current parameters.
   *
   * @param parameters the current values, in the order given to {@link GradientAscent}; never
   *     modified by the loop
   * @param context the step number and this step's random source
   * @return the value to maximize, one value per batch item (for reporting), and one gradient per
   *     parameter with that parameter's shape
   */
  AscentEvaluation evaluate(List<Tensor> parameters, AscentContext context);
}
