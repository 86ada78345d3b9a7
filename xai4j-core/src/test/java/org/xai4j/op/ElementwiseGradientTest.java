package org.xai4j.op;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class ElementwiseGradientTest {
  private static Tensor awayFromZero(Shape s, Random r) {
    return Tensor.randomNormal(s, 1f, r).map(x -> x >= 0 ? x + 0.1f : x - 0.1f);
  }

  @Test
  void relu() {
    GradientCheck.standard().check(new Relu(), awayFromZero(Shape.of(2, 3, 4), new Random(1)));
  }

  @Test
  void addBroadcastsBothWays() {
    Random r = new Random(2);
    GradientCheck.standard().check(new Add(),
        Tensor.randomNormal(Shape.of(2, 1, 4), 1f, r), Tensor.randomNormal(Shape.of(3, 1), 1f, r));
  }
}
