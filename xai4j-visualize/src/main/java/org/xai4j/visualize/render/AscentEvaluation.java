package org.xai4j.visualize.render;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * What an {@link AscentObjective} computed at one step.
 *
 * @param value the scalar being maximized
 * @param perItem the objective's value for each batch item, for progress and reports (for an
 *     objective averaged over the batch, {@code value} is their mean); may be empty
 * @param gradients the gradient of {@code value} with respect to each parameter, in parameter order
 */
public record AscentEvaluation(double value, double[] perItem, List<Tensor> gradients) {
  /** Copies the arrays. */
  public AscentEvaluation {
    perItem = perItem.clone();
    gradients = List.copyOf(gradients);
  }

  @Override
  public double[] perItem() {
    return perItem.clone();
  }
}
