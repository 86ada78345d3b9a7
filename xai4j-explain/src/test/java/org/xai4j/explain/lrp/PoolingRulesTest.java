package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.xai4j.explain.lrp.MatrixFormulas.EPS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Node;
import org.xai4j.op.AveragePool;
import org.xai4j.op.GlobalAveragePool;
import org.xai4j.op.MaxPool;
import org.xai4j.op.Relu;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Pooling under LRP: winner takes all, max pooling as average, and Norm on average pooling. */
class PoolingRulesTest {
  private static final int SIZE = 4;
  private static final int WINDOW = 2;
  private static final int AREA = WINDOW * WINDOW;
  // one channel, 4x4, four 2x2 windows
  private static final Tensor X = Tensor.of(Shape.of(1, 1, SIZE, SIZE),
      1f, 2f, 0.5f, 0.25f,
      3f, 0.5f, 1f, 4f,
      -1f, 2f, 6f, 1f,
      0.5f, 1.5f, 2f, 3f);
  private static final Tensor R = Tensor.of(Shape.of(1, 1, 2, 2), 0.8f, -0.4f, 1.2f, 2f);

  private static double window(int i) {
    int h = i / SIZE;
    int w = i % SIZE;
    return R.getFlat((h / WINDOW) * 2 + w / WINDOW);
  }

  private static double windowSum(int i) {
    int h0 = (i / SIZE) / WINDOW * WINDOW;
    int w0 = (i % SIZE) / WINDOW * WINDOW;
    double s = 0;
    for (int dh = 0; dh < WINDOW; dh++) {
      for (int dw = 0; dw < WINDOW; dw++) {
        s += X.getFlat((h0 + dh) * SIZE + w0 + dw);
      }
    }
    return s;
  }

  /** {@code x_i R_w / (k stab(mean_w))}: the Norm rule on the window's average. */
  private static double proportional(int i, int k, double sum) {
    return X.getFlat(i) * window(i) / (k * MatrixFormulas.stab(sum / k, EPS));
  }

  @Test
  void winnerTakesAllByDefault() {
    Tensor rel = RuleHarness.run(MaxPool.square(WINDOW, WINDOW, 0), new GradientRule(), X, R);
    float[] expected = new float[SIZE * SIZE];
    expected[4] = 0.8f; // 3 is the maximum of the first window
    expected[7] = -0.4f; // 4
    expected[9] = 1.2f; // 2
    expected[10] = 2f; // 6
    assertEquals(0f, rel.maxAbsDifference(Tensor.of(X.shape(), expected)));
  }

  @Test
  void maxPoolAsAverageSplitsInProportionToTheInputs() {
    Tensor rel = RuleHarness.run(MaxPool.square(WINDOW, WINDOW, 0), new MaxPoolAsAverageRule(), X, R);
    RuleHarness.assertMatches("MaxPoolAsAverage", n -> {
      double[] e = new double[SIZE * SIZE];
      for (int i = 0; i < e.length; i++) {
        e[i] = proportional(i, AREA, windowSum(i));
      }
      return e;
    }, rel);
  }

  @Test
  void normRuleOnAveragePoolingSplitsInProportionToTheInputs() {
    Tensor rel = RuleHarness.run(AveragePool.square(WINDOW, WINDOW, 0), new NormRule(), X, R);
    RuleHarness.assertMatches("Norm on AveragePool", n -> {
      double[] e = new double[SIZE * SIZE];
      for (int i = 0; i < e.length; i++) {
        e[i] = proportional(i, AREA, windowSum(i));
      }
      return e;
    }, rel);
  }

  @Test
  void normRuleOnGlobalAveragePooling() {
    Tensor r = Tensor.of(Shape.of(1, 1, 1, 1), 1.5f);
    Tensor rel = RuleHarness.run(new GlobalAveragePool(), new NormRule(), X, r);
    double sum = X.sum();
    int k = SIZE * SIZE;
    RuleHarness.assertMatches("Norm on GlobalAveragePool", n -> {
      double[] e = new double[k];
      for (int i = 0; i < k; i++) {
        e[i] = X.getFlat(i) * 1.5 / (k * MatrixFormulas.stab(sum / k, EPS));
      }
      return e;
    }, rel);
    assertEquals(1.5, rel.sum(), 1e-5);
  }

  @Test
  void maxPoolAsAverageRefusesOtherOps() {
    assertThrows(IllegalArgumentException.class,
        () -> new MaxPoolAsAverageRule().bind(new Node("relu", new Relu(), List.of("x"))));
    MaxPool dilated = new MaxPool(List.of(2, 2), null, null, List.of(2, 2), false);
    assertThrows(IllegalArgumentException.class,
        () -> new MaxPoolAsAverageRule().bind(new Node("pool", dilated, List.of("x"))));
  }
}
