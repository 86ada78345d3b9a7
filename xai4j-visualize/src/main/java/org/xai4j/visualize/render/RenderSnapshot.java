package org.xai4j.visualize.render;

import org.xai4j.tensor.Tensor;

/**
 * The images of a {@link FeatureVisualization} run after a snapshot step.
 *
 * @param step the updates done
 * @param images the images {@code [N, C, H, W]} in {@code (0, 1)}
 * @param value the objective value computed in that step (before its update)
 * @param perItem its per-image values
 */
public record RenderSnapshot(int step, Tensor images, double value, double[] perItem) {
  /** Copies the array. */
  public RenderSnapshot {
    perItem = perItem.clone();
  }

  @Override
  public double[] perItem() {
    return perItem.clone();
  }
}
