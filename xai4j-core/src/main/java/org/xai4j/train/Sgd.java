package org.xai4j.train;

import java.util.HashMap;
import java.util.Map;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as PyTorch's {@code SGD}
 * (dampening 0, no Nesterov). Per parameter {@code w} with gradient {@code g}:
 *
 * <pre>
 *   d = g + weightDecay * w
 *   v = momentum * v + d          (v starts at 0, so the first step has v = d)
 *   w = w - learningRate * f * v  (f: the factor of the LearningRateSchedule, 1 by default)
 * </pre>
 *
 * @param learningRate step size, greater than 0
 * @param momentum factor of the velocity in {@code [0, 1)}; 0 is plain SGD
 * @param weightDecay L2 penalty coefficient, at least 0, applied to every parameter
 */
public record Sgd(double learningRate, double momentum, double weightDecay) implements Optimizer {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Momentum of {@link #withMomentum}: the classic value of Sutskever et al. (2013). */
  public static final double DEFAULT_MOMENTUM = 0.9;

  /** Validates the hyperparameters. */
  public Sgd {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("SGD learning rate must be > 0, got " + learningRate);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("SGD momentum must be in [0, 1), got " + momentum);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("SGD weight decay must be >= 0, got " + weightDecay);
    }
  }

  /** SGD with {@link #DEFAULT_MOMENTUM} and no weight decay. */
  public static Sgd withMomentum(double learningRate) {
    return new Sgd(learningRate, DEFAULT_MOMENTUM, 0);
  }

  @Override
  public State newState() {
    Map<String, float[]> velocity = new HashMap<>();
    return (key, w, g, factor) -> {
      Updates.requireSameShape(key, w, g);
      float[] p = INTERNALS.array(w);
      float[] grad = INTERNALS.array(g);
      float[] v = velocity.computeIfAbsent(key, k -> new float[p.length]);
      float[] out = new float[p.length];
      double lr = learningRate * factor;
      for (int i = 0; i < p.length; i++) {
        double d = grad[i] + weightDecay * p[i];
        v[i] = (float) (momentum * v[i] + d);
        out[i] = (float) (p[i] - lr * v[i]);
      }
      return INTERNALS.adopt(w.shape(), out);
    };
  }
}
