package org.xai4j.op;

import java.util.Random;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Test inputs shared by the op tests. */
final class OpTestData {
  /** Minimum distance of a generated value from a kink, well above the finite-difference step. */
  static final float KINK_MARGIN = 0.1f;

  private OpTestData() {}

  /** {@code 0, 1, 2, ...} in the given shape. */
  static Tensor arange(int... dims) {
    Shape s = Shape.of(dims);
    float[] v = new float[s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.of(s, v);
  }

  /** Standard normal values moved at least {@link #KINK_MARGIN} away from every kink. */
  static Tensor awayFrom(Shape s, Random r, float... kinks) {
    return Tensor.randomNormal(s, 1f, r).map(x -> {
      float v = x;
      for (float k : kinks) {
        if (Math.abs(v - k) < KINK_MARGIN) {
          v = v >= k ? k + KINK_MARGIN : k - KINK_MARGIN;
        }
      }
      return v;
    });
  }

  /** Values of magnitude in {@code [0.5, 2)} with random signs, safe as divisors. */
  static Tensor divisors(Shape s, Random r) {
    return Tensor.randomUniform(s, 0.5f, 2f, r).map(x -> x > 1.25f ? x : -x - 0.75f);
  }
}
