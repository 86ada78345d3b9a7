package org.xai4j.visualize.render;

import java.util.random.RandomGenerator;

/**
 * What one step of {@link GradientAscent} passes to its {@link AscentObjective}.
 *
 * @param step the step being computed, from 1
 * @param steps the number of steps of the run
 * @param random this step's random source, split from the run's seed in step order; the only
 *     source of randomness an objective may use
 */
public record AscentContext(int step, int steps, RandomGenerator random) {}
