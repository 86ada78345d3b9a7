package org.xai4j.visualize.transform;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The model's input preprocessing as a transform step: {@code (x - mean[c]) / std[c]} per channel
 * (Lucent appends torchvision's ImageNet normalization for every non-Inception model).
 *
 * @param mean one value per channel
 * @param std one positive value per channel
 */
public record Normalize(float[] mean, float[] std) implements Transform {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Copies and validates the statistics. */
  public Normalize {
    mean = mean.clone();
    std = std.clone();
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("normalize needs as many means as deviations, got " + mean.length + " and " + std.length);
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("normalize needs positive deviations, got " + s);
      }
    }
  }

  /** torchvision's ImageNet normalization ({@link ImageInput#IMAGENET_MEAN}, {@link ImageInput#IMAGENET_STD}). */
  public static Normalize imagenet() {
    return new Normalize(ImageInput.IMAGENET_MEAN, ImageInput.IMAGENET_STD);
  }

  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    Shapes.requireImage(image, this);
    int channels = image.shape().dim(1);
    if (channels != mean.length) {
      throw new IllegalArgumentException(description() + ": " + mean.length + " channel statistics for an image of shape "
          + image.shape());
    }
    int area = image.shape().dim(2) * image.shape().dim(3);
    float[] x = INTERNALS.array(image);
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = (i / area) % channels;
      y[i] = (x[i] - mean[c]) / std[c];
    }
    return new Transformed(INTERNALS.adopt(image.shape(), y), g -> {
      float[] gy = INTERNALS.array(g);
      float[] gx = new float[gy.length];
      for (int i = 0; i < gy.length; i++) {
        gx[i] = gy[i] / std[(i / area) % channels];
      }
      return INTERNALS.adopt(g.shape(), gx);
    });
  }

  @Override
  public String description() {
    return "normalize(mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ")";
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalize n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
  }
}
