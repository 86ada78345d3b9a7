package org.xai4j.visualize.render;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * The outcome of a {@link GradientAscent} run.
 *
 * @param parameters the values after the last update done
 * @param stepsDone the updates done: the configured steps, or fewer when cancelled
 * @param cancelled whether the run stopped early because cancellation was requested
 * @param values the objective value computed at each step done, in order (index 0 is step 1)
 * @param snapshots the parameters after each configured snapshot step that was reached
 */
public record AscentResult(
    List<Tensor> parameters, int stepsDone, boolean cancelled, double[] values, List<AscentSnapshot> snapshots) {
  /** Copies the lists and the array. */
  public AscentResult {
    parameters = List.copyOf(parameters);
    values = values.clone();
    snapshots = List.copyOf(snapshots);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The objective value of the last step done, or {@code NaN} if no step was done. */
  public double lastValue() {
    return values.length == 0 ? Double.NaN : values[values.length - 1];
  }
}
