package org.xai4j.visualize.density;

import org.xai4j.tensor.Tensor;

/**
 * The log-density of each sample of a batch and its gradient.
 *
 * @param values {@code log p(x)} per sample
 * @param gradient {@code d log p / dx}, the shape of the batch
 */
public record LogDensityGradient(double[] values, Tensor gradient) {
  /** Copies the values. */
  public LogDensityGradient {
    values = values.clone();
  }

  /** The log-densities (a copy). */
  @Override
  public double[] values() {
    return values.clone();
  }
}
