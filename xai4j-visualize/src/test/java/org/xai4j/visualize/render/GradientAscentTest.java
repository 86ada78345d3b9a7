package org.xai4j.visualize.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.Adam;
import org.xai4j.train.Sgd;

class GradientAscentTest {
  private static final Tensor TARGET = Tensor.of(Shape.of(1, 3), 1f, -2f, 0.5f);

  /** value = -|x - target|^2, gradient -2 (x - target): the maximum is at the target. */
  private static final AscentObjective TOWARDS_TARGET = (params, ctx) -> {
    Tensor d = params.get(0).sub(TARGET);
    double v = -d.mul(d).sum();
    return new AscentEvaluation(v, new double[] {v}, List.of(d.mul(-2f)));
  };

  /** The same with a noisy gradient drawn from the step's random source. */
  private static final AscentObjective NOISY = (params, ctx) -> {
    Tensor d = params.get(0).sub(TARGET);
    float[] noise = new float[d.size()];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) ctx.random().nextGaussian() * 0.3f;
    }
    double v = -d.mul(d).sum();
    return new AscentEvaluation(v, new double[] {v}, List.of(d.mul(-2f).add(Tensor.of(d.shape(), noise))));
  };

  private static Tensor start() {
    return Tensor.zeros(Shape.of(1, 3));
  }

  @Test
  void oneSgdStepIsTheGradientTimesTheLearningRate() {
    AscentConfig c = AscentConfig.defaults().withOptimizer(new Sgd(0.1, 0, 0)).withSteps(1);
    AscentResult r = GradientAscent.run(List.of(start()), TOWARDS_TARGET, c);
    // x1 = x0 + 0.1 * (-2) (x0 - t) = 0.2 t
    assertArrayEquals(new float[] {0.2f, -0.4f, 0.1f}, r.parameters().get(0).toArray(), 1e-7f);
    assertEquals(-(1 + 4 + 0.25), r.values()[0], 1e-6);
  }

  @Test
  void adamAtTheDefaultsClimbsToTheMaximum() {
    AscentResult r = GradientAscent.run(List.of(start()), TOWARDS_TARGET, AscentConfig.defaults().withSteps(300));
    assertEquals(300, r.stepsDone());
    assertFalse(r.cancelled());
    assertArrayEquals(TARGET.toArray(), r.parameters().get(0).toArray(), 0.02f);
    double[] v = r.values();
    assertTrue(v[299] > -1e-3 && v[0] < -5, v[0] + " -> " + v[299]);
  }

  @Test
  void sameSeedSameBitsOtherSeedOtherResult() {
    AscentConfig c = AscentConfig.defaults().withSteps(40).withSeed(11);
    float[] a = GradientAscent.run(List.of(start()), NOISY, c).parameters().get(0).toArray();
    float[] b = GradientAscent.run(List.of(start()), NOISY, c).parameters().get(0).toArray();
    float[] other = GradientAscent.run(List.of(start()), NOISY, c.withSeed(12)).parameters().get(0).toArray();
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, other));
  }

  @Test
  void snapshotsKeepTheParametersAfterTheirStep() {
    AscentConfig c = AscentConfig.defaults().withSteps(10).withSnapshots(List.of(7, 3, 3));
    AscentResult r = GradientAscent.run(List.of(start()), TOWARDS_TARGET, c);
    assertEquals(List.of(3, 7), r.snapshots().stream().map(AscentSnapshot::step).toList());
    AscentResult upTo3 = GradientAscent.run(List.of(start()), TOWARDS_TARGET, c.withSnapshots(List.of()).withSteps(3));
    assertArrayEquals(upTo3.parameters().get(0).toArray(), r.snapshots().get(0).parameters().get(0).toArray());
    assertEquals(r.values()[6], r.snapshots().get(1).value());
    assertThrows(IllegalArgumentException.class, () -> c.withSteps(5));
  }

  @Test
  void listenerSeesEveryStepAndCanCancel() {
    List<Integer> seen = new ArrayList<>();
    AscentResult r = GradientAscent.run(List.of(start()), TOWARDS_TARGET, AscentConfig.defaults().withSteps(50),
        p -> seen.add(p.step()), () -> seen.size() >= 4);
    assertEquals(List.of(1, 2, 3, 4), seen);
    assertTrue(r.cancelled());
    assertEquals(4, r.stepsDone());
    assertEquals(4, r.values().length);
    AscentResult four = GradientAscent.run(List.of(start()), TOWARDS_TARGET, AscentConfig.defaults().withSteps(4));
    assertArrayEquals(four.parameters().get(0).toArray(), r.parameters().get(0).toArray());
  }

  @Test
  void interruptingTheThreadCancels() {
    AtomicInteger calls = new AtomicInteger();
    AscentObjective interrupting = (params, ctx) -> {
      if (calls.incrementAndGet() == 2) {
        Thread.currentThread().interrupt();
      }
      return TOWARDS_TARGET.evaluate(params, ctx);
    };
    try {
      AscentResult r = GradientAscent.run(List.of(start()), interrupting, AscentConfig.defaults().withSteps(20));
      assertTrue(r.cancelled());
      assertEquals(2, r.stepsDone());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void severalParametersAreUpdatedIndependently() {
    AscentObjective two = (params, ctx) -> {
      Tensor a = params.get(0);
      Tensor b = params.get(1);
      double v = a.sum() - b.mul(b).sum();
      return new AscentEvaluation(v, new double[0], List.of(Tensor.full(a.shape(), 1f), b.mul(-2f)));
    };
    AscentConfig c = AscentConfig.defaults().withOptimizer(Adam.withLearningRate(0.1)).withSteps(5);
    AscentResult r = GradientAscent.run(List.of(Tensor.zeros(Shape.of(2)), Tensor.full(Shape.of(3), 1f)), two, c);
    // Adam's first steps move a constant gradient by the learning rate each.
    assertArrayEquals(new float[] {0.5f, 0.5f}, r.parameters().get(0).toArray(), 1e-5f);
    assertTrue(r.parameters().get(1).maxAbs() < 1f);
  }

  @Test
  void badObjectivesFailNamingTheStepOrShape() {
    AscentObjective wrongShape = (p, c) -> new AscentEvaluation(0, new double[0], List.of(Tensor.zeros(Shape.of(3))));
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> GradientAscent.run(List.of(start()), wrongShape, AscentConfig.defaults()));
    assertTrue(shape.getMessage().contains("[3]") && shape.getMessage().contains("[1, 3]"), shape.getMessage());
    AscentObjective nan = (p, c) -> new AscentEvaluation(c.step() == 3 ? Double.NaN : 0, new double[0],
        List.of(Tensor.zeros(Shape.of(1, 3))));
    IllegalStateException value = assertThrows(IllegalStateException.class,
        () -> GradientAscent.run(List.of(start()), nan, AscentConfig.defaults()));
    assertTrue(value.getMessage().contains("NaN") && value.getMessage().contains("step 3"), value.getMessage());
    AscentObjective infGrad = (p, c) -> new AscentEvaluation(0, new double[0],
        List.of(Tensor.full(Shape.of(1, 3), Float.POSITIVE_INFINITY)));
    assertThrows(IllegalStateException.class, () -> GradientAscent.run(List.of(start()), infGrad, AscentConfig.defaults()));
    assertThrows(IllegalArgumentException.class, () -> GradientAscent.run(List.of(), TOWARDS_TARGET, AscentConfig.defaults()));
  }
}
