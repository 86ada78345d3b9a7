package org.xai4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class LossTest {
  @Test
  void crossEntropyMatchesHandComputedSoftmax() {
    // softmax(1, 2, 3) = (0.0900306, 0.2447285, 0.6652410); -log(0.6652410) = 0.4076060.
    Tensor logits = Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 1f, 2f, 3f);
    Tensor target = Tensor.of(Shape.of(2, 3), 0f, 0f, 1f, 1f, 0f, 0f);
    LossValue v = new SoftmaxCrossEntropy().evaluate(logits, target);
    // Row 2 targets class 0: -log(0.0900306) = 2.4076060; mean of the two rows.
    assertEquals((0.4076059644 + 2.4076059644) / 2, v.value(), 1e-7);
    assertArrayEquals(new float[] {
        0.0900306f / 2, 0.2447285f / 2, (0.6652410f - 1) / 2,
        (0.0900306f - 1) / 2, 0.2447285f / 2, 0.6652410f / 2}, v.gradient().toArray(), 1e-6f);
  }

  @Test
  void crossEntropyIsStableForHugeLogits() {
    LossValue v = new SoftmaxCrossEntropy().evaluate(
        Tensor.of(Shape.of(1, 2), 1000f, 0f), Tensor.of(Shape.of(1, 2), 0f, 1f));
    assertEquals(1000.0, v.value(), 1e-9);
    assertArrayEquals(new float[] {1f, -1f}, v.gradient().toArray(), 1e-6f);
  }

  @Test
  void crossEntropyGradientMatchesFiniteDifferencesWithSoftTargets() {
    Random r = new Random(5);
    Tensor z = Tensor.randomNormal(Shape.of(3, 4), 2f, r);
    Tensor t = Tensor.of(Shape.of(3, 4), 0.1f, 0.2f, 0.3f, 0.4f, 0f, 1f, 0f, 0f, 0.5f, 0f, 0f, 0.5f);
    checkGradient(new SoftmaxCrossEntropy(), z, t);
  }

  @Test
  void meanSquaredErrorMatchesHandComputedValues() {
    LossValue v = new MeanSquaredError().evaluate(Tensor.vector(1f, 2f), Tensor.vector(0f, 4f));
    assertEquals((1 + 4) / 2.0, v.value(), 1e-12);
    assertArrayEquals(new float[] {2f * 1 / 2, 2f * -2 / 2}, v.gradient().toArray(), 1e-7f);
    Random r = new Random(6);
    checkGradient(new MeanSquaredError(), Tensor.randomNormal(Shape.of(2, 5), 1f, r),
        Tensor.randomNormal(Shape.of(2, 5), 1f, r));
  }

  @Test
  void shapeMismatchNamesBothShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SoftmaxCrossEntropy().evaluate(Tensor.zeros(Shape.of(2, 3)), Tensor.zeros(Shape.of(2, 4))));
    assertEquals("SoftmaxCrossEntropy needs [N, K] outputs and targets of the same shape, got output [2, 3] and target [2, 4]",
        e.getMessage());
  }

  private static void checkGradient(Loss loss, Tensor y, Tensor t) {
    Tensor analytic = loss.evaluate(y, t).gradient();
    double h = 1e-2;
    for (int i = 0; i < y.size(); i++) {
      float[] plus = y.toArray();
      float[] minus = y.toArray();
      plus[i] += (float) h;
      minus[i] -= (float) h;
      double numeric = (loss.evaluate(Tensor.of(y.shape(), plus), t).value()
          - loss.evaluate(Tensor.of(y.shape(), minus), t).value()) / (2 * h);
      assertEquals(numeric, analytic.getFlat(i), 1e-4, loss + " element " + i);
    }
  }
}
