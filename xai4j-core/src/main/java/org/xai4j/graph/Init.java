package org.xai4j.graph;

import java.util.Random;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Seeded weight initialization schemes. {@code fanIn} and {@code fanOut} are the numbers of inputs
 * and outputs per unit (for a convolution: channels times kernel area).
 */
public final class Init {
  private Init() {}

  /**
   * He/Kaiming uniform for ReLU networks: {@code U(-b, b)} with {@code b = sqrt(6 / fanIn)}
   * (He et al. 2015, gain sqrt(2)).
   */
  public static Tensor kaimingUniform(Shape shape, int fanIn, Random random) {
    float bound = (float) Math.sqrt(6.0 / fanIn);
    return Tensor.randomUniform(shape, -bound, bound, random);
  }
}
