package org.xai4j.visualize.prototype;

import org.xai4j.tensor.Tensor;

/**
 * The term added to the class score of a pixel-space prototype to keep it a plausible input:
 * {@link L2Regularizer} (closeness to an anchor image) or {@link ExpertRegularizer} (the
 * log-density of a fitted density model).
 */
public sealed interface Regularizer permits L2Regularizer, ExpertRegularizer {
  /**
   * The term's value for each image of a batch and the gradient of their sum.
   *
   * @param images {@code [N, ...]}, the model's input shape
   */
  Term evaluate(Tensor images);

  /** A readable description, e.g. {@code -0.01 |x - mean|^2}. */
  String describe();

  /**
   * The value of a regularizer for each item and its gradient.
   *
   * @param values one value per image
   * @param gradient the gradient of their sum with respect to the images, the batch's shape
   */
  record Term(double[] values, Tensor gradient) {
    /** Copies the values. */
    public Term {
      values = values.clone();
    }

    /** The values (a copy). */
    @Override
    public double[] values() {
      return values.clone();
    }

    /** Adds each item's value to {@code scores} (same length) and returns the sum of the results. */
    double addTo(double[] scores) {
      double total = 0;
      for (int i = 0; i < scores.length; i++) {
        scores[i] += values[i];
        total += scores[i];
      }
      return total;
    }
  }
}
