package org.xai4j.visualize.prototype;

import org.xai4j.visualize.render.AscentConfig;

/**
 * How activation maximization runs, whatever its regularizer.
 *
 * @param score what is maximized per class (default {@link ClassScore#LOG_SOFTMAX})
 * @param pixels the valid input range, kept by a sigmoid parameterization in pixel space (default
 *     {@code [0, 1]}, the bundled data's range); code space relies on the decoder's output range
 * @param ascent optimizer, steps and seed of the shared loop (default Adam at learning rate
 *     {@link #DEFAULT_LEARNING_RATE}, {@link #DEFAULT_STEPS} steps)
 */
public record PrototypeSettings(ClassScore score, SigmoidPixels pixels, AscentConfig ascent) {
  /** Default Adam learning rate (in the sigmoid's parameter for pixel space, in code units for code space). */
  public static final double DEFAULT_LEARNING_RATE = 0.05;
  /** Default number of steps. */
  public static final int DEFAULT_STEPS = 200;

  /** Validates that every setting is given. */
  public PrototypeSettings {
    if (score == null || pixels == null || ascent == null) {
      throw new IllegalArgumentException("score, pixel range and ascent settings are all required");
    }
  }

  /** Every default. */
  public static PrototypeSettings defaults() {
    return new PrototypeSettings(ClassScore.LOG_SOFTMAX, new SigmoidPixels(0, 1),
        AscentConfig.defaults().withOptimizer(org.xai4j.train.Adam.withLearningRate(DEFAULT_LEARNING_RATE))
            .withSteps(DEFAULT_STEPS));
  }

  /** These settings with another score. */
  public PrototypeSettings withScore(ClassScore s) {
    return new PrototypeSettings(s, pixels, ascent);
  }

  /** These settings with another input range. */
  public PrototypeSettings withPixels(SigmoidPixels p) {
    return new PrototypeSettings(score, p, ascent);
  }

  /** These settings with another loop configuration. */
  public PrototypeSettings withAscent(AscentConfig a) {
    return new PrototypeSettings(score, pixels, a);
  }
}
