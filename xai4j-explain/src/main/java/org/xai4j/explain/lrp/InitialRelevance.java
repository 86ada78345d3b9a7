package org.xai4j.explain.lrp;

import java.util.Arrays;
import org.xai4j.backprop.Seeds;
import org.xai4j.tensor.Tensor;

/**
 * The signal that starts a reverse pass at the model output, one target per batch entry: which
 * output is explained and with what initial value.
 */
public sealed interface InitialRelevance
    permits InitialRelevance.OutputAtTarget, InitialRelevance.OneHot, InitialRelevance.Given {
  /**
   * The seed tensor for the given model output ({@code [N, ...]}).
   *
   * @throws IllegalArgumentException if the targets or the given tensor do not fit the output
   */
  Tensor at(Tensor output);

  /**
   * The output value at each sample's target and zero elsewhere (Zennit's {@code output * one_hot});
   * the default initial relevance of LRP.
   */
  static InitialRelevance outputAtTarget(int... targets) {
    return new OutputAtTarget(targets);
  }

  /** 1 at each sample's target and zero elsewhere (the gradient of the target output). */
  static InitialRelevance oneHot(int... targets) {
    return new OneHot(targets);
  }

  /** A seed tensor of the output's shape, used as is. */
  static InitialRelevance of(Tensor seed) {
    return new Given(seed);
  }

  /**
   * The target output value times a one-hot.
   *
   * @param targets one flat output index per batch entry
   */
  record OutputAtTarget(int[] targets) implements InitialRelevance {
    /** Copies the targets. */
    public OutputAtTarget {
      targets = targets.clone();
    }

    @Override
    public int[] targets() {
      return targets.clone();
    }

    @Override
    public Tensor at(Tensor output) {
      return Seeds.outputAtTarget(output, targets);
    }

    @Override
    public String toString() {
      return "outputAtTarget" + Arrays.toString(targets);
    }
  }

  /**
   * A one-hot of value 1.
   *
   * @param targets one flat output index per batch entry
   */
  record OneHot(int[] targets) implements InitialRelevance {
    /** Copies the targets. */
    public OneHot {
      targets = targets.clone();
    }

    @Override
    public int[] targets() {
      return targets.clone();
    }

    @Override
    public Tensor at(Tensor output) {
      return Seeds.oneHot(output.shape(), targets, 1f);
    }

    @Override
    public String toString() {
      return "oneHot" + Arrays.toString(targets);
    }
  }

  /**
   * A caller-supplied seed.
   *
   * @param seed a tensor of the output's shape
   */
  record Given(Tensor seed) implements InitialRelevance {
    @Override
    public Tensor at(Tensor output) {
      output.requireSameShape(seed, "seed for the model output");
      return seed;
    }
  }
}
