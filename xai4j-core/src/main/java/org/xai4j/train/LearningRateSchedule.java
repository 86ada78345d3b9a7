package org.xai4j.train;

/**
 * How the learning rate changes over a training run: a factor in {@code [0, 1]} that
 * {@link Trainer} multiplies into the optimizer's learning rate before every update.
 */
public enum LearningRateSchedule {
  /** The configured learning rate throughout (factor 1). */
  CONSTANT {
    @Override
    public double factor(long step, long totalSteps) {
      return 1;
    }
  },
  /**
   * Cosine annealing without restarts (Loshchilov &amp; Hutter, "SGDR", ICLR 2017): factor
   * {@code (1 + cos(pi * step / totalSteps)) / 2}, from 1 at the first update towards 0 at the last.
   */
  COSINE {
    @Override
    public double factor(long step, long totalSteps) {
      return (1 + Math.cos(Math.PI * step / totalSteps)) / 2;
    }
  };

  /**
   * The factor for update {@code step} (counted from 0) of {@code totalSteps}.
   *
   * @param step the number of updates already done
   * @param totalSteps all updates of the run
   */
  public abstract double factor(long step, long totalSteps);
}
