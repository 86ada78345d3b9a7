package org.xai4j.visualize.transform;

import java.util.List;
import java.util.random.RandomGenerator;
import org.xai4j.tensor.Tensor;

/**
 * Lucid's {@code random_scale}: resizes the image by a factor drawn uniformly from {@code scales},
 * bilinearly with aligned corners (Lucent's {@code Upsample(mode="bilinear", align_corners=True)}),
 * to {@code ceil(factor * size)} pixels (Lucent rounds up; Lucid truncates).
 *
 * <p>Lucent pads images that shrank back to the original size with zeros; Lucid does not, and
 * neither do we: the black frame is a feature the network sees. When a later step resizes to a fixed
 * model input size, that resize takes back most of the scale change (in Lucent as here); the
 * remaining effect is the changing resampling grid.
 *
 * @param scales the factors to draw from, each positive
 */
public record RandomScale(List<Double> scales) implements Transform {
  /** Copies and validates the factors. */
  public RandomScale {
    scales = List.copyOf(scales);
    if (scales.isEmpty() || scales.stream().anyMatch(s -> !(s > 0))) {
      throw new IllegalArgumentException("random scale needs positive factors, got " + scales);
    }
  }

  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    Shapes.requireImage(image, this);
    double s = scales.get(random.nextInt(scales.size()));
    int h = (int) Math.ceil(s * image.shape().dim(2) - 1e-9);
    int w = (int) Math.ceil(s * image.shape().dim(3) - 1e-9);
    return OpStep.apply(ResizeTo.bilinear(h, w), image);
  }

  @Override
  public String description() {
    return "random_scale(" + scales.get(0) + ".." + scales.get(scales.size() - 1) + ", " + scales.size() + " factors)";
  }
}
