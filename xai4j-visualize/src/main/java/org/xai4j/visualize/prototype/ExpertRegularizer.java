package org.xai4j.visualize.prototype;

import java.util.Locale;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.density.Density;
import org.xai4j.visualize.density.LogDensityGradient;

/**
 * {@code weight * log p(x)}: activation maximization with an expert (Montavon, Samek &amp; Mueller
 * 2018, section 3.2), where a density model fitted on data replaces the L2 term and keeps the
 * prototype where data are likely. The weight trades the class score against the density: the
 * log-density of 784 pixels is of the order of a thousand nats, a log-probability at most a few.
 *
 * @param density the expert, over the model's input shape
 * @param weight the weight, greater than 0
 */
public record ExpertRegularizer(Density density, double weight) implements Regularizer {
  /** Validates the weight. */
  public ExpertRegularizer {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("the expert weight must be finite and > 0, got " + weight);
    }
  }

  @Override
  public Term evaluate(Tensor images) {
    LogDensityGradient g = density.gradient(images);
    double[] values = g.values();
    for (int i = 0; i < values.length; i++) {
      values[i] *= weight;
    }
    return new Term(values, g.gradient().mul((float) weight));
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%g log p(x), %s", weight, density.describe());
  }
}
