package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class SmoothGradTest {
  private static final float FLOAT_TOL = 1e-6f;
  private final Graph net = TinyNets.mlp();
  private final Tensor x = Tensor.randomNormal(Shape.of(2, 5), 1f, new Random(8));
  private final Tensor gradient = Gradient.plain().prepare(net).explain(x, Target.argmax()).relevance();

  @Test
  void zeroNoiseGivesTheGradientAndZeroVariance() {
    SmoothGrad sg = SmoothGrad.defaults().withNoiseLevel(0);
    assertArrayEquals(gradient.toArray(), sg.prepare(net).explain(x, Target.argmax()).relevance().toArray(), FLOAT_TOL);
    assertArrayEquals(gradient.mul(gradient).toArray(), sg.withAggregation(SmoothGrad.Aggregation.SMOOTHGRAD_SQUARED)
        .prepare(net).explain(x, Target.argmax()).relevance().toArray(), FLOAT_TOL);
    assertArrayEquals(new float[x.size()], sg.withAggregation(SmoothGrad.Aggregation.VARGRAD)
        .prepare(net).explain(x, Target.argmax()).relevance().toArray(), FLOAT_TOL);
  }

  @Test
  void oneSampleIsTheNoiseFreeGradient() {
    assertArrayEquals(gradient.toArray(),
        SmoothGrad.defaults().withSamples(1).prepare(net).explain(x, Target.argmax()).relevance().toArray(), FLOAT_TOL);
  }

  @Test
  void seededNoiseIsReproducibleAndIndependentOfChunking() {
    SmoothGrad sg = SmoothGrad.defaults().withNoiseLevel(0.5).withSeed(42);
    float[] a = sg.prepare(net).explain(x, Target.argmax()).relevance().toArray();
    float[] b = sg.withInternalBatch(InternalBatch.of(3)).prepare(net).explain(x, Target.argmax()).relevance().toArray();
    float[] c = sg.withSeed(43).prepare(net).explain(x, Target.argmax()).relevance().toArray();
    assertArrayEquals(a, b, 0f);
    assertTrue(maxAbsDiff(a, c) > 1e-3, "another seed must give other noise");
    assertTrue(maxAbsDiff(a, gradient.toArray()) > 1e-3, "noise must change the result");
  }

  @Test
  void varGradIsMeanSquareMinusSquaredMean() {
    SmoothGrad sg = SmoothGrad.defaults().withNoiseLevel(0.5).withSeed(5);
    float[] mean = sg.prepare(net).explain(x, Target.classes(1)).relevance().toArray();
    float[] sq = sg.withAggregation(SmoothGrad.Aggregation.SMOOTHGRAD_SQUARED).prepare(net).explain(x, Target.classes(1))
        .relevance().toArray();
    float[] var = sg.withAggregation(SmoothGrad.Aggregation.VARGRAD).prepare(net).explain(x, Target.classes(1))
        .relevance().toArray();
    for (int i = 0; i < mean.length; i++) {
      assertEquals(sq[i] - mean[i] * mean[i], var[i], 1e-5);
      assertTrue(var[i] >= -1e-6);
    }
  }

  @Test
  void linearModelIsNoiseInvariant() {
    // a linear model has a constant gradient, so SmoothGrad equals it for any noise level
    Graph linear = linearNet();
    Tensor g = Gradient.plain().prepare(linear).explain(x, Target.classes(0)).relevance();
    float[] sg = SmoothGrad.defaults().withNoiseLevel(3).prepare(linear).explain(x, Target.classes(0)).relevance().toArray();
    assertArrayEquals(g.toArray(), sg, 1e-5f);
  }

  private static Graph linearNet() {
    var b = Graph.builder().seed(2);
    String in = b.input("x", -1, 5);
    return b.output(b.linear("fc", in, 5, 3)).build();
  }

  private static double maxAbsDiff(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
