package org.xai4j.train;

import java.util.HashMap;
import java.util.Map;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Adam (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1) with
 * L2 weight decay added to the gradient, as PyTorch's {@code Adam}. Per parameter {@code w} with
 * gradient {@code g} at step {@code t = 1, 2, ...}:
 *
 * <pre>
 *   d = g + weightDecay * w
 *   m = beta1 * m + (1 - beta1) * d            (first moment, starts at 0)
 *   v = beta2 * v + (1 - beta2) * d^2          (second moment, starts at 0)
 *   w = w - learningRate * f * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 *
 * <p>{@code f} is the factor of the {@link LearningRateSchedule} (1 by default).
 *
 * <p>The update is computed in double precision and rounded to float once.
 *
 * @param learningRate step size alpha, greater than 0 (default {@link #DEFAULT_LEARNING_RATE})
 * @param beta1 decay rate of the first moment in {@code [0, 1)} (default {@link #DEFAULT_BETA1})
 * @param beta2 decay rate of the second moment in {@code [0, 1)} (default {@link #DEFAULT_BETA2})
 * @param epsilon added to the denominator for numerical stability, greater than 0 (default
 *     {@link #DEFAULT_EPSILON})
 * @param weightDecay L2 penalty coefficient, at least 0 (default {@link #DEFAULT_WEIGHT_DECAY})
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
    implements Optimizer {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Default step size, as in the paper. */
  public static final double DEFAULT_LEARNING_RATE = 1e-3;
  /** Default first-moment decay, as in the paper. */
  public static final double DEFAULT_BETA1 = 0.9;
  /** Default second-moment decay, as in the paper. */
  public static final double DEFAULT_BETA2 = 0.999;
  /** Default stabilizer, as in the paper. */
  public static final double DEFAULT_EPSILON = 1e-8;
  /** Default weight decay: none. */
  public static final double DEFAULT_WEIGHT_DECAY = 0;

  /** Validates the hyperparameters. */
  public Adam {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("Adam learning rate must be > 0, got " + learningRate);
    }
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("Adam weight decay must be >= 0, got " + weightDecay);
    }
  }

  /** Adam with every default. */
  public static Adam defaults() {
    return withLearningRate(DEFAULT_LEARNING_RATE);
  }

  /** Adam with another learning rate and every other default. */
  public static Adam withLearningRate(double learningRate) {
    return new Adam(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, DEFAULT_WEIGHT_DECAY);
  }

  /** This configuration with another weight decay. */
  public Adam withWeightDecay(double decay) {
    return new Adam(learningRate, beta1, beta2, epsilon, decay);
  }

  @Override
  public State newState() {
    Map<String, Moments> moments = new HashMap<>();
    return (key, w, g, factor) -> {
      Updates.requireSameShape(key, w, g);
      float[] p = INTERNALS.array(w);
      float[] grad = INTERNALS.array(g);
      Moments s = moments.computeIfAbsent(key, k -> new Moments(p.length));
      s.step++;
      double c1 = 1 - Math.pow(beta1, s.step);
      double c2 = 1 - Math.pow(beta2, s.step);
      float[] out = new float[p.length];
      double lr = learningRate * factor;
      for (int i = 0; i < p.length; i++) {
        double d = grad[i] + weightDecay * p[i];
        double m = beta1 * s.first[i] + (1 - beta1) * d;
        double v = beta2 * s.second[i] + (1 - beta2) * d * d;
        s.first[i] = (float) m;
        s.second[i] = (float) v;
        out[i] = (float) (p[i] - lr * (m / c1) / (Math.sqrt(v / c2) + epsilon));
      }
      return INTERNALS.adopt(w.shape(), out);
    };
  }

  private static final class Moments {
    final float[] first;
    final float[] second;
    int step;

    Moments(int n) {
      first = new float[n];
      second = new float[n];
    }
  }
}
