package org.xai4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.metric.Continuity;
import org.xai4j.explain.metric.InsertionDeletion;
import org.xai4j.explain.metric.OutputScore;
import org.xai4j.explain.metric.PixelFlipping;
import org.xai4j.explain.metric.RegionOrder;
import org.xai4j.explain.metric.Replacement;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

class EvaluateTest {
  private static final int ROWS = 10;
  private static final int PARTITIONS = 2;
  private static final int BATCH = 4;
  private static final PixelFlipping FLIPPING = new PixelFlipping(16, 1, 7, Replacement.ZERO,
      RegionOrder.MOST_RELEVANT_FIRST, OutputScore.RAW, 0L);

  @Test
  void metricColumnsEqualTheLibraryOnTheSameBatches() {
    Graph g = TestModels.mnistCnn();
    LabeledImages d = Mnist.load().test();
    Tensor x = d.images().slice0(0, ROWS);
    List<Row> out = Evaluate.model(TestModels.mnistCnnBytes(), "mnist-cnn.onnx")
        .withMethods("gradient-x-input", "lrp:epsilon-plus-flat")
        .withMetrics(RowMetric.pixelFlipping(FLIPPING), RowMetric.named("deletion"), RowMetric.named("continuity"))
        .withBatchSize(BATCH).transform(LocalSpark.arrays(x, d.labels(), PARTITIONS)).collectAsList();
    assertEquals(2 * ROWS, out.size());
    assertEquals(List.of("id", "label", "values", "shape", "method", "target", "logit", "aopc", "deletion_auc",
        "continuity", "error"), List.of(out.get(0).schema().fieldNames()));
    List<Attributor> methods = List.of(GradientTimesInput.plain(), Lrp.of(Composites.epsilonPlusFlat()));
    int k = 0;
    for (int p = 0; p < PARTITIONS; p++) {
      int end = LocalSpark.sliceStart(ROWS, PARTITIONS, p + 1);
      for (int from = LocalSpark.sliceStart(ROWS, PARTITIONS, p); from < end; from += BATCH) {
        Tensor batch = x.slice0(from, Math.min(end, from + BATCH));
        int[] classes = Target.Argmax.argmaxPerSample(g.forward(batch).output());
        double[][][] expected = new double[2][][];
        for (int m = 0; m < 2; m++) {
          Tensor r = methods.get(m).prepare(g).explain(batch, Target.classes(classes)).relevance();
          expected[m] = new double[][] {FLIPPING.evaluate(g, batch, classes, r).aopcPerSample(),
              InsertionDeletion.deletion().evaluate(g, batch, classes, r).aucPerSample(),
              Continuity.defaults().evaluate(methods.get(m).prepare(g), batch, classes).perSample()};
        }
        for (int i = 0; i < batch.shape().dim(0); i++) {
          for (int m = 0; m < 2; m++) {
            Row row = out.get(k++);
            assertNull(row.getAs(ExplanationColumns.ERROR));
            assertEquals(from + i, row.<Integer>getAs("id"));
            assertEquals(classes[i], row.<Integer>getAs(ExplanationColumns.TARGET));
            assertEquals(expected[m][0][i], row.<Double>getAs("aopc"), 0.0, "aopc");
            assertEquals(expected[m][1][i], row.<Double>getAs("deletion_auc"), 0.0, "deletion");
            assertEquals(expected[m][2][i], row.<Double>getAs("continuity"), 0.0, "continuity");
          }
        }
      }
    }
    // removing the most relevant regions first lowers the logit: AOPC > 0 for every digit
    assertTrue(out.stream().allMatch(r -> r.<Double>getAs("aopc") > 0), "every AOPC is positive");
  }

  @Test
  void unknownOrRepeatedMetricsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Evaluate.model(TestModels.mnistCnnBytes(), "m").withMetrics("aopc"));
    assertEquals("unknown metric 'aopc'; choose from " + RowMetric.NAMES, e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Evaluate.model(TestModels.mnistCnnBytes(), "m").withMetrics("continuity", "continuity"));
    assertTrue(e.getMessage().startsWith("Evaluate needs at least one metric, each once"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RowMetric.pixelFlipping(FLIPPING.withOrder(RegionOrder.RANDOM)));
    assertTrue(e.getMessage().startsWith("the aopc column is pixel flipping most relevant first"), e.getMessage());
  }
}
