package org.xai4j.train;

import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Mean squared error over all elements, as PyTorch's {@code MSELoss} with mean reduction: for
 * output {@code y} and target {@code t} of the same shape with {@code M} elements,
 * {@code L = (1/M) sum_i (y_i - t_i)^2} and {@code dL/dy_i = 2 (y_i - t_i) / M}. Used for
 * autoencoders (target = input).
 */
public final class MeanSquaredError implements Loss {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final double TWO = 2.0;

  @Override
  public LossValue evaluate(Tensor output, Tensor target) {
    if (!output.shape().equals(target.shape())) {
      throw new IllegalArgumentException("MeanSquaredError: output " + output.shape()
          + " and target " + target.shape() + " differ in shape");
    }
    float[] y = INTERNALS.array(output);
    float[] t = INTERNALS.array(target);
    float[] g = new float[y.length];
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double d = (double) y[i] - t[i];
      sum += d * d;
      g[i] = (float) (TWO * d / y.length);
    }
    return new LossValue(sum / y.length, INTERNALS.adopt(output.shape(), g));
  }

  @Override
  public String toString() {
    return "MeanSquaredError";
  }
}
