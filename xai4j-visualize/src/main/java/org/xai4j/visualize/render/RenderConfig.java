package org.xai4j.visualize.render;

import java.util.List;
import java.util.Objects;
import org.xai4j.train.Adam;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.param.ImageParam;
import org.xai4j.visualize.transform.Compose;
import org.xai4j.visualize.transform.Transform;
import org.xai4j.visualize.transform.Transforms;

/**
 * How {@link FeatureVisualization} renders, as Lucid's and Lucent's {@code render_vis}: the objective,
 * the image parameterization, the robustness transforms, the model's own preprocessing, and the
 * optimization. Before the model, the transformed image is resized to the model's input size when
 * the graph fixes it (Lucent upsamples to 224 for torchvision models), then preprocessed.
 *
 * <p>Defaults ({@link #builder(Objective)}): Lucid's 128 x 128 Fourier image with decorrelated
 * colour, batch 1; {@link Transforms#standard()}; no preprocessing; Adam at learning rate 0.05 for
 * 512 steps, seed 0 ({@link AscentConfig#defaults()}).
 *
 * @param objective what to maximize
 * @param param the image parameterization (fixes batch, channels and size)
 * @param transforms the robustness transforms, applied every step with fresh random draws
 * @param preprocessing the model's input normalization, applied after resizing (identity: none)
 * @param ascent optimizer, steps, seed and snapshot steps
 */
public record RenderConfig(Objective objective, ImageParam param, Transform transforms, Transform preprocessing,
    AscentConfig ascent) {
  /** Lucid's and Lucent's default image side. */
  public static final int DEFAULT_SIZE = 128;

  /** Checks that nothing is missing. */
  public RenderConfig {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(param, "param");
    Objects.requireNonNull(transforms, "transforms");
    Objects.requireNonNull(preprocessing, "preprocessing");
    Objects.requireNonNull(ascent, "ascent");
  }

  /** A builder with every default. */
  public static Builder builder(Objective objective) {
    return new Builder(objective);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder(objective);
    b.param = param;
    b.transforms = transforms;
    b.preprocessing = preprocessing;
    b.ascent = ascent;
    return b;
  }

  /** Builds a {@link RenderConfig}. */
  public static final class Builder {
    private Objective objective;
    private ImageParam param = ImageParam.lucid(1, 3, DEFAULT_SIZE, DEFAULT_SIZE);
    private Transform transforms = Transforms.standard();
    private Transform preprocessing = new Compose(List.of());
    private AscentConfig ascent = AscentConfig.defaults();

    private Builder(Objective objective) {
      this.objective = objective;
    }

    /** Another objective. */
    public Builder objective(Objective value) {
      this.objective = value;
      return this;
    }

    /** The image parameterization. */
    public Builder param(ImageParam value) {
      this.param = value;
      return this;
    }

    /** The robustness transforms ({@link Transforms#none()} for none). */
    public Builder transforms(Transform value) {
      this.transforms = value;
      return this;
    }

    /** The model's input normalization, for example {@code Normalize.imagenet()}. */
    public Builder preprocessing(Transform value) {
      this.preprocessing = value;
      return this;
    }

    /** The whole optimization configuration. */
    public Builder ascent(AscentConfig value) {
      this.ascent = value;
      return this;
    }

    /** The number of steps. */
    public Builder steps(int steps) {
      this.ascent = ascent.withSteps(steps);
      return this;
    }

    /** The seed of the start and of every random transform. */
    public Builder seed(long seed) {
      this.ascent = ascent.withSeed(seed);
      return this;
    }

    /** Adam at this learning rate. */
    public Builder learningRate(double lr) {
      this.ascent = ascent.withOptimizer(Adam.withLearningRate(lr));
      return this;
    }

    /** Steps after which the images are kept. */
    public Builder snapshots(List<Integer> steps) {
      this.ascent = ascent.withSnapshots(steps);
      return this;
    }

    /** The configuration. */
    public RenderConfig build() {
      return new RenderConfig(objective, param, transforms, preprocessing, ascent);
    }
  }
}
