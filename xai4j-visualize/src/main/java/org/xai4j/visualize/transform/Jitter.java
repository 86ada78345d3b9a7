package org.xai4j.visualize.transform;

import java.util.List;
import java.util.random.RandomGenerator;
import org.xai4j.tensor.Tensor;

/**
 * Lucid's {@code jitter(d)}: a random crop {@code d} pixels smaller in height and width, its
 * offsets drawn uniformly from {@code 0..d} (TensorFlow's {@code random_crop}); implemented as core's
 * {@code Pad} with negative pads, whose backward places the gradient back at the cropped window.
 *
 * <p>Lucent instead translates by {@code 0..d-1} pixels at the same size, filling with zeros: that
 * paints black borders that the network sees. We follow Lucid.
 *
 * @param d the crop, at least 1
 */
public record Jitter(int d) implements Transform {
  /** Validates {@code d}. */
  public Jitter {
    if (d < 1) {
      throw new IllegalArgumentException("jitter must be at least 1 pixel, got " + d);
    }
  }

  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    Shapes.requireImage(image, this);
    if (image.shape().dim(2) <= d || image.shape().dim(3) <= d) {
      throw new IllegalArgumentException(description() + ": the image " + image.shape() + " is not larger than the jitter");
    }
    int dy = random.nextInt(d + 1);
    int dx = random.nextInt(d + 1);
    List<Integer> pads = List.of(0, 0, -dy, -dx, 0, 0, -(d - dy), -(d - dx));
    return OpStep.apply(org.xai4j.op.Pad.zeros(pads.stream().mapToInt(Integer::intValue).toArray()), image);
  }

  @Override
  public String description() {
    return "jitter(" + d + ")";
  }
}
