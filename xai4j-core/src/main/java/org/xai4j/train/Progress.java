package org.xai4j.train;

/**
 * Where a training run stands after one update.
 *
 * @param epoch the current epoch, from 1
 * @param epochs the number of epochs
 * @param step the updates done in this epoch, from 1
 * @param stepsPerEpoch updates per epoch
 * @param loss mean training loss over this epoch so far
 * @param accuracy fraction of this epoch's samples so far whose arg-max output matches the
 *     target's, or {@code NaN} when the loss is not a classification loss
 */
public record Progress(int epoch, int epochs, int step, int stepsPerEpoch, double loss, double accuracy) {
  /** Updates done in the whole run so far. */
  public long totalSteps() {
    return (long) (epoch - 1) * stepsPerEpoch + step;
  }

  /** Whether this is the last update of its epoch. */
  public boolean endOfEpoch() {
    return step == stepsPerEpoch;
  }
}
