package org.xai4j.train;

import org.xai4j.tensor.Tensor;

/** Classification accuracy by arg-max agreement. */
public final class Accuracy {
  private Accuracy() {}

  /**
   * Number of rows of {@code output} ({@code [N, K]}) whose arg-max equals the arg-max of the same
   * row of {@code target} (one-hot or probability rows; ties go to the lowest index).
   */
  public static long countCorrect(Tensor output, Tensor target) {
    SoftmaxCrossEntropy.requireMatrices("accuracy", output, target);
    int[] predicted = output.argmaxRows();
    int[] expected = target.argmaxRows();
    long c = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == expected[i]) {
        c++;
      }
    }
    return c;
  }

  /** Number of rows of {@code output} ({@code [N, K]}) whose arg-max equals {@code labels[n]}. */
  public static long countCorrect(Tensor output, int[] labels) {
    int[] predicted = output.argmaxRows();
    if (predicted.length != labels.length) {
      throw new IllegalArgumentException(labels.length + " labels for outputs of shape " + output.shape());
    }
    long c = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (predicted[i] == labels[i]) {
        c++;
      }
    }
    return c;
  }
}
