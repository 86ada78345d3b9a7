package org.xai4j.visualize.render;

/**
 * Where a {@link GradientAscent} run stands after one update.
 *
 * @param step the updates done so far, from 1
 * @param steps the updates the run will do unless cancelled
 * @param value the objective value computed in this step (before its update)
 * @param perItem the per-batch-item values of this step
 */
public record AscentProgress(int step, int steps, double value, double[] perItem) {
  /** Copies the array. */
  public AscentProgress {
    perItem = perItem.clone();
  }

  @Override
  public double[] perItem() {
    return perItem.clone();
  }
}
