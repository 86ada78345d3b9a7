package org.xai4j.visualize.render;

import java.util.List;
import java.util.TreeSet;
import org.xai4j.train.Adam;
import org.xai4j.train.Optimizer;

/**
 * How {@link GradientAscent} runs: the optimizer, the number of steps, the seed of the per-step
 * random sources, and the steps after which the parameters are kept.
 *
 * <p>The defaults are Lucent's {@code render_vis}: Adam with learning rate {@link
 * #DEFAULT_LEARNING_RATE} (PyTorch's other Adam defaults), {@link #DEFAULT_STEPS} steps.
 *
 * @param optimizer the update rule ({@link Adam}, {@link org.xai4j.train.Sgd}); it minimizes, so the
 *     loop hands it the negated gradient of the objective
 * @param steps number of updates, at least 1
 * @param seed seeds the random source of every step ({@link AscentContext#random()})
 * @param snapshotSteps steps after which the parameters are kept, each in {@code [1, steps]};
 *     sorted and de-duplicated here. The final parameters are always in the result.
 */
public record AscentConfig(Optimizer optimizer, int steps, long seed, List<Integer> snapshotSteps) {
  /** Lucent's and Lucid's Adam learning rate for feature visualization. */
  public static final double DEFAULT_LEARNING_RATE = 0.05;
  /** Lucent's and Lucid's number of steps ({@code thresholds=(512,)}). */
  public static final int DEFAULT_STEPS = 512;
  /** The seed of {@link #defaults()}. */
  public static final long DEFAULT_SEED = 0;

  /** Validates the step counts and sorts the snapshot steps. */
  public AscentConfig {
    if (optimizer == null) {
      throw new IllegalArgumentException("an optimizer is required (for example Adam.withLearningRate(0.05))");
    }
    if (steps < 1) {
      throw new IllegalArgumentException("gradient ascent needs at least 1 step, got " + steps);
    }
    TreeSet<Integer> sorted = new TreeSet<>(snapshotSteps);
    if (!sorted.isEmpty() && (sorted.first() < 1 || sorted.last() > steps)) {
      throw new IllegalArgumentException("snapshot steps " + sorted + " must lie in [1, " + steps + "]");
    }
    snapshotSteps = List.copyOf(sorted);
  }

  /** Adam at {@link #DEFAULT_LEARNING_RATE}, {@link #DEFAULT_STEPS} steps, seed {@link #DEFAULT_SEED}, no snapshots. */
  public static AscentConfig defaults() {
    return new AscentConfig(Adam.withLearningRate(DEFAULT_LEARNING_RATE), DEFAULT_STEPS, DEFAULT_SEED, List.of());
  }

  /** This configuration with another optimizer. */
  public AscentConfig withOptimizer(Optimizer other) {
    return new AscentConfig(other, steps, seed, snapshotSteps);
  }

  /** This configuration with another number of steps (the snapshot steps must still fit). */
  public AscentConfig withSteps(int other) {
    return new AscentConfig(optimizer, other, seed, snapshotSteps);
  }

  /** This configuration with another seed. */
  public AscentConfig withSeed(long other) {
    return new AscentConfig(optimizer, steps, other, snapshotSteps);
  }

  /** This configuration keeping the parameters after each of these steps. */
  public AscentConfig withSnapshots(List<Integer> other) {
    return new AscentConfig(optimizer, steps, seed, other);
  }
}
