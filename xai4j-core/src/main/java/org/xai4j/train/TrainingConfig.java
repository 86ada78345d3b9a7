package org.xai4j.train;

/**
 * How long and in which order to train.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize samples per update, at least 1; the last batch of an epoch may be smaller
 * @param seed seed of the per-epoch shuffling ({@code new Random(seed)}, drawn from once per epoch)
 * @param schedule how the learning rate changes over the run
 */
public record TrainingConfig(int epochs, int batchSize, long seed, LearningRateSchedule schedule) {
  /** Seed used when none is given. */
  public static final long DEFAULT_SEED = 1L;

  /** A configuration with a {@link LearningRateSchedule#CONSTANT} learning rate. */
  public TrainingConfig(int epochs, int batchSize, long seed) {
    this(epochs, batchSize, seed, LearningRateSchedule.CONSTANT);
  }

  /** Validates the values. */
  public TrainingConfig {
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "training needs at least 1 epoch and a batch size of at least 1, got " + epochs + " and " + batchSize);
    }
  }
}
