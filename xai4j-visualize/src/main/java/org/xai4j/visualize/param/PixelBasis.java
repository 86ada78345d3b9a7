package org.xai4j.visualize.param;

import java.util.random.RandomGenerator;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.transform.Transformed;

/**
 * Every pixel is a parameter (Lucid's {@code pixel_image}): the identity map, started from
 * {@code N(0, sd^2)} noise.
 *
 * @param imageShape {@code [N, C, H, W]}
 * @param sd the standard deviation of the start (Lucid's default {@link #DEFAULT_SD})
 */
public record PixelBasis(Shape imageShape, double sd) implements SpatialBasis {
  /** Lucid's and Lucent's initial standard deviation. */
  public static final double DEFAULT_SD = 0.01;

  /** Validates the shape and the deviation. */
  public PixelBasis {
    Images.requireImageShape(imageShape);
    if (!(sd >= 0)) {
      throw new IllegalArgumentException("the initial standard deviation must be >= 0, got " + sd);
    }
  }

  @Override
  public Shape parameterShape() {
    return imageShape;
  }

  @Override
  public Tensor initial(RandomGenerator random) {
    return Images.gaussian(imageShape, sd, random);
  }

  @Override
  public Transformed toImage(Tensor parameter) {
    Images.requireShape(parameter, imageShape, "pixel parameter");
    return new Transformed(parameter, g -> g);
  }

  @Override
  public String description() {
    return "pixel";
  }
}
