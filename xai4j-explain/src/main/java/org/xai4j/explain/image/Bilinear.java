package org.xai4j.explain.image;

import java.util.List;
import org.xai4j.op.Resize;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Bilinear resizing of image batches {@code [N, C, H, W]} with half-pixel centres, the convention
 * of PyTorch's {@code interpolate(mode='bilinear', align_corners=False)} and OpenCV's
 * {@code INTER_LINEAR} (used by pytorch-grad-cam): source coordinate
 * {@code max(0, (dst + 0.5) * in / out - 0.5)}, neighbours clamped at the border: the ONNX
 * {@code Resize} op ({@link Resize}) in linear mode with {@code half_pixel} coordinates.
 */
public final class Bilinear {
  private static final int IMAGE_RANK = 4;

  private Bilinear() {}

  /**
   * Resizes the two spatial axes.
   *
   * @throws IllegalArgumentException if {@code images} is not {@code [N, C, H, W]} or a target
   *     extent is below 1
   */
  public static Tensor resize(Tensor images, int height, int width) {
    Shape s = images.shape();
    if (s.rank() != IMAGE_RANK || height < 1 || width < 1) {
      throw new IllegalArgumentException("bilinear resize needs [N, C, H, W] and a positive size, got "
          + s + " to " + height + "x" + width);
    }
    return new Resize(Resize.Mode.LINEAR, Resize.CoordinateTransform.HALF_PIXEL,
        Resize.NearestRounding.ROUND_PREFER_FLOOR, 0f, 0f, height, width).forward(List.of(images));
  }
}
