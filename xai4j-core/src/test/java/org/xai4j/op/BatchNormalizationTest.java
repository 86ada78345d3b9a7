package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.xai4j.op.OpAssertions.assertOpError;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class BatchNormalizationTest {
  @Test
  void forwardHandComputed() {
    // channel 0: scale 2, bias 1, mean 3, var 4 - eps; channel 1: scale -1, bias 0, mean 0, var 1 - eps
    float eps = 0.5f;
    BatchNormalization bn = new BatchNormalization(Tensor.vector(2f, -1f), Tensor.vector(1f, 0f),
        Tensor.vector(3f, 0f), Tensor.vector(4f - eps, 1f - eps), eps);
    Tensor x = Tensor.of(Shape.of(1, 2, 2), 5f, 1f, 2f, -3f);
    // (5 - 3) / 2 * 2 + 1 = 3, (1 - 3) / 2 * 2 + 1 = -1; -2, 3
    assertArrayEquals(new float[] {3f, -1f, -2f, 3f}, bn.forward(List.of(x)).toArray(), 1e-6f);
  }

  @Test
  void gradientsOfInputAndAllFourStatistics() {
    Random r = new Random(41);
    Shape c = Shape.of(3);
    BatchNormalization bn = new BatchNormalization(Tensor.randomNormal(c, 1f, r),
        Tensor.randomNormal(c, 1f, r), Tensor.randomNormal(c, 1f, r),
        Tensor.randomUniform(c, 0.5f, 1.5f, r), BatchNormalization.DEFAULT_EPSILON);
    GradientCheck.standard().check(bn, Tensor.randomNormal(Shape.of(2, 3, 2, 3), 1f, r));
    GradientCheck.standard().check(bn, Tensor.randomNormal(Shape.of(4, 3), 1f, r));
  }

  @Test
  void channelMismatchNamesShapes() {
    assertOpError("BatchNormalization",
        () -> BatchNormalization.identity(3).forward(List.of(Tensor.zeros(Shape.of(1, 4, 2, 2)))),
        "[1, 4, 2, 2]", "[3]");
  }
}
