package org.xai4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class OptimizerTest {
  @Test
  void sgdWithMomentumAndWeightDecayMatchesHandComputedSteps() {
    // w = 1, g = 0.5, lr = 0.1, momentum 0.9, decay 0.01:
    // step 1: d = 0.5 + 0.01 = 0.51, v = 0.51, w = 1 - 0.051 = 0.949
    // step 2: d = 0.5 + 0.00949 = 0.50949, v = 0.459 + 0.50949 = 0.96849, w = 0.949 - 0.096849 = 0.852151
    Optimizer.State s = new Sgd(0.1, 0.9, 0.01).newState();
    Tensor w = s.step("w", Tensor.scalar(1f), Tensor.scalar(0.5f));
    assertEquals(0.949f, w.item(), 1e-7f);
    w = s.step("w", w, Tensor.scalar(0.5f));
    assertEquals(0.852151f, w.item(), 1e-6f);
  }

  @Test
  void adamMatchesHandComputedSteps() {
    // lr = 0.1, defaults otherwise. Step 1 (g = 0.5): m = 0.05, v = 0.00025, m^ = 0.5, v^ = 0.25,
    // w = 1 - 0.1 * 0.5 / (0.5 + 1e-8) = 0.9. Step 2 (g = -1): m = -0.055, v = 0.00124975,
    // m^ = -0.055 / 0.19, v^ = 0.00124975 / 0.001999, w = 0.9 + 0.1 * 0.2894737 / 0.7906883 = 0.9366104.
    Optimizer.State s = Adam.withLearningRate(0.1).newState();
    Tensor w = s.step("w", Tensor.scalar(1f), Tensor.scalar(0.5f));
    assertEquals(0.9f, w.item(), 1e-7f);
    w = s.step("w", w, Tensor.scalar(-1f));
    assertEquals(0.9366104f, w.item(), 1e-6f);
  }

  @Test
  void adamKeepsSeparateMomentsPerKey() {
    Optimizer.State s = Adam.withLearningRate(0.1).newState();
    s.step("a", Tensor.scalar(1f), Tensor.scalar(0.5f));
    // A fresh key starts at step 1 again: the first Adam step always moves by lr (sign of g).
    assertEquals(2f - 0.1f, s.step("b", Tensor.scalar(2f), Tensor.scalar(3f)).item(), 1e-6f);
  }

  @Test
  void learningRateFactorScalesTheStep() {
    // The first Adam step moves by lr * f regardless of the gradient's size: 0.1 * 0.25.
    Optimizer.State s = Adam.withLearningRate(0.1).newState();
    assertEquals(1f - 0.025f, s.step("w", Tensor.scalar(1f), Tensor.scalar(7f), 0.25).item(), 1e-6f);
    Optimizer.State sgd = new Sgd(0.1, 0, 0).newState();
    assertEquals(1f - 0.1f * 0.5f * 2f, sgd.step("w", Tensor.scalar(1f), Tensor.scalar(2f), 0.5).item(), 1e-7f);
  }

  @Test
  void cosineScheduleFallsFromOneTowardsZero() {
    assertEquals(1.0, LearningRateSchedule.COSINE.factor(0, 100), 1e-12);
    assertEquals(0.5, LearningRateSchedule.COSINE.factor(50, 100), 1e-12);
    assertEquals((1 + Math.cos(Math.PI * 0.99)) / 2, LearningRateSchedule.COSINE.factor(99, 100), 1e-12);
    assertEquals(1.0, LearningRateSchedule.CONSTANT.factor(99, 100));
  }

  @Test
  void defaultsAreThoseOfThePaper() {
    assertEquals(new Adam(1e-3, 0.9, 0.999, 1e-8, 0), Adam.defaults());
  }

  @Test
  void invalidHyperparametersAndShapesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, 1.0, 0.999, 1e-8, 0));
    assertThrows(IllegalArgumentException.class, () -> new Sgd(0, 0.9, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sgd.withMomentum(0.1).newState().step("fc/weight", Tensor.zeros(Shape.of(2, 3)), Tensor.zeros(Shape.of(3, 2))));
    assertEquals("parameter 'fc/weight' has shape [2, 3] but its gradient has shape [3, 2]", e.getMessage());
  }
}
