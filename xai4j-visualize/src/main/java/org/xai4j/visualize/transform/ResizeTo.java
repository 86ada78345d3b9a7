package org.xai4j.visualize.transform;

import java.util.random.RandomGenerator;
import org.xai4j.op.Resize;
import org.xai4j.tensor.Tensor;

/**
 * Resizes the image to a fixed size bilinearly with aligned corners: the last step of Lucent's
 * stack, which upsamples to the model's input size ({@code torch.nn.Upsample(size, mode="bilinear",
 * align_corners=True)}); core's ONNX {@code Resize}.
 *
 * @param height the output height
 * @param width the output width
 */
public record ResizeTo(int height, int width) implements Transform {
  /** Validates the size. */
  public ResizeTo {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("resize needs a positive size, got " + height + "x" + width);
    }
  }

  static Resize bilinear(int height, int width) {
    return new Resize(Resize.Mode.LINEAR, Resize.CoordinateTransform.ALIGN_CORNERS,
        Resize.NearestRounding.ROUND_PREFER_FLOOR, 0f, 0f, height, width);
  }

  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    Shapes.requireImage(image, this);
    if (image.shape().dim(2) == height && image.shape().dim(3) == width) {
      return new Transformed(image, g -> g);
    }
    return OpStep.apply(bilinear(height, width), image);
  }

  @Override
  public String description() {
    return "resize(" + height + "x" + width + ")";
  }
}
