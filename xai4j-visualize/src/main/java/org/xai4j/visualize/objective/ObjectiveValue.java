package org.xai4j.visualize.objective;

import java.util.Map;
import org.xai4j.tensor.Tensor;

/**
 * An objective's value on a batch and its gradient with respect to what it read.
 *
 * @param value the scalar to maximize
 * @param perItem the objective's value for each batch item, as each objective defines it (for an
 *     objective averaged over the batch, {@code value} is their mean)
 * @param nodeGradients the gradient of {@code value} with respect to each node read, shaped as that
 *     node's value; nodes the objective does not depend on may be absent
 * @param imageGradient the gradient with respect to the image, or {@code null} if the objective does
 *     not read it
 */
public record ObjectiveValue(double value, double[] perItem, Map<String, Tensor> nodeGradients, Tensor imageGradient) {
  /** Copies the array and the map. */
  public ObjectiveValue {
    perItem = perItem.clone();
    nodeGradients = Map.copyOf(nodeGradients);
  }

  @Override
  public double[] perItem() {
    return perItem.clone();
  }
}
