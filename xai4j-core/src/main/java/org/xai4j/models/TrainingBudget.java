package org.xai4j.models;

/**
 * How much a recipe trains: the defaults of {@link ModelRecipe#defaultBudget()} reproduce the
 * bundled model; smaller budgets give quick runs (tests, smoke checks).
 *
 * @param epochs passes over the training samples, at least 1
 * @param trainSamples training samples used (the first ones of the recipe's training set), at
 *     least 1; larger values are capped at the set's size
 * @param seed seed of the minibatch shuffling and augmentation
 */
public record TrainingBudget(int epochs, int trainSamples, long seed) {
  /** Validates the values. */
  public TrainingBudget {
    if (epochs < 1 || trainSamples < 1) {
      throw new IllegalArgumentException(
          "a training budget needs at least 1 epoch and 1 sample, got " + epochs + " and " + trainSamples);
    }
  }

  /** This budget with another number of epochs. */
  public TrainingBudget withEpochs(int e) {
    return new TrainingBudget(e, trainSamples, seed);
  }

  /** This budget with another number of training samples. */
  public TrainingBudget withTrainSamples(int n) {
    return new TrainingBudget(epochs, n, seed);
  }

  /** This budget with another seed. */
  public TrainingBudget withSeed(long s) {
    return new TrainingBudget(epochs, trainSamples, s);
  }
}
