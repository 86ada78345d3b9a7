package org.xai4j.visualize.prototype;

import java.util.Optional;
import org.xai4j.tensor.Tensor;

/**
 * Class prototypes found by activation maximization.
 *
 * @param classes the class of each prototype
 * @param images the prototypes x*, {@code [classes, ...]} in the model's input shape
 * @param codes the codes z* with {@code x* = g(z*)} for code-space prototypes, empty in pixel space
 * @param values the objective (summed over the batch) at each step done
 * @param stepsDone the updates done (fewer than asked when cancelled)
 */
public record Prototypes(int[] classes, Tensor images, Optional<Tensor> codes, double[] values, int stepsDone) {
  /** Copies the arrays. */
  public Prototypes {
    classes = classes.clone();
    values = values.clone();
  }

  /** The classes (a copy). */
  @Override
  public int[] classes() {
    return classes.clone();
  }

  /** The objective at each step (a copy). */
  @Override
  public double[] values() {
    return values.clone();
  }
}
