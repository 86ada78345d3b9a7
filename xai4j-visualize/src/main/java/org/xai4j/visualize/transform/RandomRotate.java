package org.xai4j.visualize.transform;

import java.util.List;
import java.util.random.RandomGenerator;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Lucid's {@code random_rotate}: rotates the image about its centre {@code ((W-1)/2, (H-1)/2)} by an
 * angle in degrees drawn uniformly from {@code angles}, at the same size, sampling bilinearly with
 * zeros outside the image (kornia's {@code warp_affine} that Lucent uses: a positive angle turns the
 * content counter-clockwise). Output pixel {@code (x, y)} reads the input at
 * {@code (cx + cos a (x - cx) - sin a (y - cy), cy + sin a (x - cx) + cos a (y - cy))}; the backward
 * pass scatters each output gradient onto the same four pixels with the same weights.
 *
 * @param angles the angles in degrees to draw from (a repeated angle is drawn more often)
 */
public record RandomRotate(List<Double> angles) implements Transform {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Copies and validates the angles. */
  public RandomRotate {
    angles = List.copyOf(angles);
    if (angles.isEmpty() || angles.stream().anyMatch(a -> !Double.isFinite(a))) {
      throw new IllegalArgumentException("random rotate needs finite angles, got " + angles);
    }
  }

  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    Shapes.requireImage(image, this);
    double degrees = angles.get(random.nextInt(angles.size()));
    if (degrees == 0) {
      return new Transformed(image, g -> g);
    }
    int h = image.shape().dim(2);
    int w = image.shape().dim(3);
    BilinearTaps taps = BilinearTaps.rotation(h, w, Math.toRadians(degrees));
    float[] y = new float[image.size()];
    taps.gather(INTERNALS.array(image), y, image.shape().dim(0) * image.shape().dim(1));
    return new Transformed(INTERNALS.adopt(image.shape(), y), g -> {
      float[] gx = new float[g.size()];
      taps.scatter(INTERNALS.array(g), gx, g.shape().dim(0) * g.shape().dim(1));
      return INTERNALS.adopt(g.shape(), gx);
    });
  }

  @Override
  public String description() {
    return "random_rotate(" + angles.size() + " angles in [" + angles.stream().mapToDouble(Double::doubleValue).min().orElse(0)
        + ", " + angles.stream().mapToDouble(Double::doubleValue).max().orElse(0) + "] degrees)";
  }
}
