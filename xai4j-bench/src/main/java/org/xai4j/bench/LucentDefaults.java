package org.xai4j.bench;

import java.util.List;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.objective.Objectives;
import org.xai4j.visualize.param.ImageParam;
import org.xai4j.visualize.render.AscentConfig;
import org.xai4j.visualize.render.AscentResult;
import org.xai4j.visualize.render.FeatureVisualization;
import org.xai4j.visualize.render.GradientAscent;
import org.xai4j.visualize.render.RenderConfig;
import org.xai4j.visualize.transform.Normalize;
import org.xai4j.visualize.transform.Transforms;

/**
 * The feature visualization that {@code ../shared/peers/scripts/time_lucent.py} times in Lucent:
 * {@code render_vis} at its defaults on VGG-16 ({@link Vgg16}, seeded random weights): a 128 x 128
 * Fourier image with decorrelated colour, the standard transforms, upsampled to 224 and normalized
 * with ImageNet statistics, Adam at 0.05, channel 5 of {@code relu4_3} (our node {@code relu10}, the
 * tenth convolution's ReLU; Lucent's {@code features_29}).
 */
final class LucentDefaults {
  /** VGG-16's relu4_3. */
  static final String NODE = "relu10";
  /** The channel Lucent's script visualizes. */
  static final int CHANNEL = 5;

  private final FeatureVisualization fv;
  private final Tensor start;

  LucentDefaults(Vgg16 model, int batch) {
    RenderConfig c = RenderConfig.builder(Objectives.channel(NODE, CHANNEL))
        .param(ImageParam.lucid(batch, Vgg16.IMAGE_CHANNELS, RenderConfig.DEFAULT_SIZE, RenderConfig.DEFAULT_SIZE))
        .transforms(Transforms.standard())
        .preprocessing(Normalize.imagenet())
        .seed(BenchFlags.SEED)
        .build();
    fv = FeatureVisualization.of(model.graph(), c);
    start = fv.initialParameter();
  }

  /** Runs {@code steps} steps of the loop from the fixed start. */
  AscentResult run(int steps) {
    return GradientAscent.run(List.of(start), fv.objective(), fv.config().ascent().withSteps(steps));
  }
}
