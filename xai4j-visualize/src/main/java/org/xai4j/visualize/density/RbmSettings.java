package org.xai4j.visualize.density;

import org.xai4j.train.Adam;
import org.xai4j.train.Optimizer;

/**
 * How {@link ContrastiveDivergence} trains a {@link GaussianBernoulliRbm}.
 *
 * @param hidden number of hidden units, at least 1 (default {@link #DEFAULT_HIDDEN})
 * @param gibbsSteps k of CD-k: Gibbs steps of the negative phase, at least 1 (default {@link #DEFAULT_GIBBS_STEPS})
 * @param epochs passes over the training data, at least 1 (default {@link #DEFAULT_EPOCHS})
 * @param batchSize samples per update, at least 1 (default {@link #DEFAULT_BATCH_SIZE})
 * @param optimizer updates the weights and biases from the negated CD gradient (default Adam with
 *     learning rate {@link #DEFAULT_LEARNING_RATE})
 * @param sigmaFloor every visible unit's standard deviation is its data standard deviation, but at
 *     least this, greater than 0 (default {@link #DEFAULT_SIGMA_FLOOR})
 * @param seed seeds the initial weights, the minibatch order and the Gibbs sampling
 */
public record RbmSettings(int hidden, int gibbsSteps, int epochs, int batchSize, Optimizer optimizer,
    double sigmaFloor, long seed) {
  /** Default number of hidden units. */
  public static final int DEFAULT_HIDDEN = 256;
  /** Default k of CD-k: CD-5, whose machines have a higher held-out log-likelihood on MNIST than CD-1 ones (docs/activation-maximization.md). */
  public static final int DEFAULT_GIBBS_STEPS = 5;
  /** Default number of epochs. */
  public static final int DEFAULT_EPOCHS = 10;
  /** Default minibatch size. */
  public static final int DEFAULT_BATCH_SIZE = 64;
  /** Default learning rate of the default Adam optimizer. */
  public static final double DEFAULT_LEARNING_RATE = 1e-3;
  /** Default floor of the visible standard deviations: 0.1 for data in [0, 1], as the mixture's covariance floor. */
  public static final double DEFAULT_SIGMA_FLOOR = 0.1;
  /** Default seed. */
  public static final long DEFAULT_SEED = 0;

  /** Validates the settings. */
  public RbmSettings {
    if (hidden < 1 || gibbsSteps < 1 || epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("RBM hidden units, Gibbs steps, epochs and batch size must be >= 1, got "
          + hidden + ", " + gibbsSteps + ", " + epochs + ", " + batchSize);
    }
    if (optimizer == null) {
      throw new IllegalArgumentException("the RBM needs an optimizer");
    }
    if (!(sigmaFloor > 0) || Double.isInfinite(sigmaFloor)) {
      throw new IllegalArgumentException("the sigma floor must be positive and finite, got " + sigmaFloor);
    }
  }

  /** Every default. */
  public static RbmSettings defaults() {
    return new RbmSettings(DEFAULT_HIDDEN, DEFAULT_GIBBS_STEPS, DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE,
        Adam.withLearningRate(DEFAULT_LEARNING_RATE), DEFAULT_SIGMA_FLOOR, DEFAULT_SEED);
  }

  /** These settings with another number of hidden units. */
  public RbmSettings withHidden(int h) {
    return new RbmSettings(h, gibbsSteps, epochs, batchSize, optimizer, sigmaFloor, seed);
  }

  /** These settings with another k of CD-k. */
  public RbmSettings withGibbsSteps(int k) {
    return new RbmSettings(hidden, k, epochs, batchSize, optimizer, sigmaFloor, seed);
  }

  /** These settings with another number of epochs. */
  public RbmSettings withEpochs(int e) {
    return new RbmSettings(hidden, gibbsSteps, e, batchSize, optimizer, sigmaFloor, seed);
  }

  /** These settings with another optimizer. */
  public RbmSettings withOptimizer(Optimizer o) {
    return new RbmSettings(hidden, gibbsSteps, epochs, batchSize, o, sigmaFloor, seed);
  }

  /** These settings with another seed. */
  public RbmSettings withSeed(long s) {
    return new RbmSettings(hidden, gibbsSteps, epochs, batchSize, optimizer, sigmaFloor, s);
  }
}
