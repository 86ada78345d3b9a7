package org.xai4j.visualize.render;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * The parameters of a {@link GradientAscent} run after a chosen step.
 *
 * @param step the updates done, from 1
 * @param parameters the values after that many updates
 * @param value the objective value computed in that step, that is at the parameters before its
 *     update (as Lucent reports the loss at its thresholds)
 * @param perItem the per-batch-item values of that step
 */
public record AscentSnapshot(int step, List<Tensor> parameters, double value, double[] perItem) {
  /** Copies the list and the array. */
  public AscentSnapshot {
    parameters = List.copyOf(parameters);
    perItem = perItem.clone();
  }

  @Override
  public double[] perItem() {
    return perItem.clone();
  }
}
