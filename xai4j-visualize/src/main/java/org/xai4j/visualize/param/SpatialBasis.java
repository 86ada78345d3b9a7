package org.xai4j.visualize.param;

import java.util.random.RandomGenerator;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.transform.Transformed;

/**
 * The spatial half of an image parameterization (Lucid's {@code param/spatial.py}): the tensor that
 * is optimized and the linear map from it to an unsquashed image {@code [N, C, H, W]}.
 */
public sealed interface SpatialBasis permits PixelBasis, FourierBasis {
  /** The shape of the image it produces. */
  Shape imageShape();

  /** The shape of the optimized parameter. */
  Shape parameterShape();

  /** A random starting parameter drawn from {@code random}. */
  Tensor initial(RandomGenerator random);

  /** The image of a parameter, with the backward pass to the parameter. */
  Transformed toImage(Tensor parameter);

  /** A short description for reports. */
  String description();
}
