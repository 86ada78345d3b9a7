package org.xai4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Occlusion;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.image.Png;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.report.image.Scaling;
import org.xai4j.tensor.Tensor;

class ExplainTest {
  private static final int ROWS = 13;
  private static final int PARTITIONS = 3;
  private static final int BATCH = 3;

  /** Each method family as a user of the library calls it in one JVM. */
  private static Map<String, BiFunction<Graph, Tensor, Attribution>> singleJvm() {
    Map<String, BiFunction<Graph, Tensor, Attribution>> m = new LinkedHashMap<>();
    m.put("gradient", (g, x) -> Gradient.plain().prepare(g).explain(x, Target.argmax()));
    m.put("sensitivity", (g, x) -> Sensitivity.plain().prepare(g).explain(x, Target.argmax()));
    m.put("gradient-x-input", (g, x) -> GradientTimesInput.plain().prepare(g).explain(x, Target.argmax()));
    m.put("integrated-gradients", (g, x) -> IntegratedGradients.defaults().prepare(g).explain(x, Target.argmax()));
    m.put("smoothgrad", (g, x) -> SmoothGrad.defaults().prepare(g).explain(x, Target.argmax()));
    m.put("deconvnet", (g, x) -> Gradient.deconvnet().prepare(g).explain(x, Target.argmax()));
    m.put("guided-backprop", (g, x) -> Gradient.guidedBackprop().prepare(g).explain(x, Target.argmax()));
    m.put("grad-cam:relu2", (g, x) -> GradCam.of("relu2").prepare(g).explain(x, Target.argmax()));
    m.put("occlusion", (g, x) -> Occlusion.of(1, 8, 8).withStrides(1, 8, 8).prepare(g).explain(x, Target.argmax()));
    for (String c : List.of("epsilon-plus-flat", "epsilon-alpha2-beta1-flat", "deep-taylor")) {
      m.put("lrp:" + c, (g, x) -> Lrp.of(Composites.byName(c, null, null)).prepare(g).explain(x, Target.argmax()));
    }
    return m;
  }

  @Test
  void everyMethodFamilyEqualsTheSingleJvmPathBitForBit() {
    Graph g = TestModels.mnistCnn();
    LabeledImages d = Mnist.load().test();
    Tensor x = d.images().slice0(0, ROWS);
    Map<String, BiFunction<Graph, Tensor, Attribution>> methods = singleJvm();
    List<Row> out = Explain.model(TestModels.mnistCnnBytes(), "mnist-cnn.onnx")
        .withMethods(methods.keySet().toArray(String[]::new)).withBatchSize(BATCH)
        .transform(LocalSpark.arrays(x, d.labels(), PARTITIONS)).collectAsList();
    assertEquals(ROWS * methods.size(), out.size());
    int k = 0;
    for (int p = 0; p < PARTITIONS; p++) {
      int end = LocalSpark.sliceStart(ROWS, PARTITIONS, p + 1);
      // the partition's rows in consecutive batches, as Explain forms them
      for (int from = LocalSpark.sliceStart(ROWS, PARTITIONS, p); from < end; from += BATCH) {
        int to = Math.min(end, from + BATCH);
        Tensor batch = x.slice0(from, to);
        Map<String, Attribution> reference = new LinkedHashMap<>();
        methods.forEach((name, f) -> reference.put(name, f.apply(g, batch)));
        for (int i = from; i < to; i++) {
          for (Map.Entry<String, Attribution> e : reference.entrySet()) {
            assertSameExplanation(e.getKey(), e.getValue(), i - from, out.get(k++), i);
          }
        }
      }
    }
  }

  private static void assertSameExplanation(String method, Attribution a, int n, Row row, int id) {
    String what = method + ", row " + id;
    assertEquals(id, row.<Integer>getAs("id"), what);
    assertEquals(method, row.getAs(ExplanationColumns.METHOD), what);
    assertNull(row.getAs(ExplanationColumns.ERROR), what);
    int target = Target.Argmax.argmaxPerSample(a.output())[n];
    assertEquals(target, row.<Integer>getAs(ExplanationColumns.TARGET), what);
    Attribution one = a.sample(n);
    assertEquals(Float.floatToIntBits(one.output().getFlat(target)),
        Float.floatToIntBits(row.<Float>getAs(ExplanationColumns.LOGIT)), what);
    float[] expected = one.relevance().toArray();
    float[] actual = TestRows.floats(row, ExplanationColumns.RELEVANCE);
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
        throw new AssertionError(what + ": relevance[" + i + "] is " + actual[i] + ", single JVM " + expected[i]);
      }
    }
    int[] shape = one.relevance().shape().toArray();
    assertArrayEquals(java.util.Arrays.copyOfRange(shape, 1, shape.length),
        TestRows.ints(row, ExplanationColumns.RELEVANCE_SHAPE), what);
    assertEquals(one.relevance().sum(), row.<Double>getAs(ExplanationColumns.RELEVANCE_SUM), 0.0, what);
    Tensor map = Heatmaps.map(a, n);
    assertArrayEquals(Png.encode(Heatmaps.render(map, ColorMap.named("bwr"), Scaling.SYMMETRIC,
        Heatmaps.DEFAULT_LEVEL)), row.getAs(ExplanationColumns.HEATMAP), what);
    assertArrayEquals(SampleSummary.topK(map.toArray(), Explain.DEFAULT_TOP_K),
        TestRows.ints(row, ExplanationColumns.TOP_K_INDEX), what);
  }
}
