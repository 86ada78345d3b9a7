package org.xai4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.BatchNormalization;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class BatchNormTrainingTest {
  @Test
  void normalizesWithBatchStatistics() {
    // Channel 0 holds 1, 3 (mean 2, biased variance 1); channel 1 holds 0, 0 (variance 0).
    Tensor x = Tensor.of(Shape.of(2, 2), 1f, 0f, 3f, 0f);
    BatchNormTraining bn = new BatchNormTraining(Tensor.vector(2f, 1f), Tensor.vector(0.5f, -1f), 1e-5f);
    float s = (float) (1 / Math.sqrt(1 + 1e-5));
    assertArrayEquals(new float[] {-2 * s + 0.5f, -1f, 2 * s + 0.5f, -1f}, bn.forward(List.of(x)).toArray(), 1e-6f);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    Random r = new Random(4);
    BatchNormTraining bn = new BatchNormTraining(Tensor.randomNormal(Shape.of(3), 1f, r),
        Tensor.randomNormal(Shape.of(3), 1f, r), 1e-5f);
    GradientCheck.standard().check(bn, Tensor.randomNormal(Shape.of(4, 3, 2, 2), 1f, r));
  }

  @Test
  void trainerKeepsRunningStatisticsAndReturnsInferenceMode() {
    // Inputs with channel means (3, -2) and variances (4, 0.25); a long run with a tiny learning
    // rate leaves the running statistics at the data's statistics.
    Random r = new Random(8);
    int n = 512;
    float[] d = new float[n * 2];
    for (int i = 0; i < n; i++) {
      d[2 * i] = 3 + 2 * (float) r.nextGaussian();
      d[2 * i + 1] = -2 + 0.5f * (float) r.nextGaussian();
    }
    Tensor x = Tensor.of(Shape.of(n, 2), d);
    GraphBuilder b = Graph.builder();
    String in = b.input("input", -1, 2);
    b.add("bn", BatchNormalization.identity(2), in);
    Graph g = b.output(b.linear("fc", "bn", 2, 1)).build();
    Graph trained = new Trainer(new MeanSquaredError(), new Sgd(1e-6, 0, 0), new TrainingConfig(8, 64, 3))
        .fit(g, x, Tensor.zeros(Shape.of(n, 1)), TrainingListener.silent()).model();
    BatchNormalization bn = assertInstanceOf(BatchNormalization.class, trained.node("bn").op());
    double[] mean = x.sum(0, false).mul(1f / n).toDoubleArray();
    assertArrayEquals(mean, bn.mean().toDoubleArray(), 0.1);
    assertEquals(4, bn.var().getFlat(0), 0.5);
    assertEquals(0.25, bn.var().getFlat(1), 0.05);
    assertArrayEquals(new float[] {1f, 1f}, bn.scale().toArray(), 1e-3f);
  }
}
