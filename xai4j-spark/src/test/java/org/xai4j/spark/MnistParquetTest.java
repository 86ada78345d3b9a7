package org.xai4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;

/** The job of the issue: all 10,000 bundled MNIST digits, two methods, Parquet that reads back. */
class MnistParquetTest {
  private static final String[] METHODS = {"gradient", "lrp:epsilon-plus-flat"};

  @Test
  void explainsTenThousandDigitsWithTwoMethodsIntoParquet(@TempDir Path dir) throws Exception {
    LabeledImages all = Mnist.load().all();
    int n = all.size();
    String out = dir.resolve("mnist.parquet").toString();
    int importsBefore = PreparedModels.imports();
    Explain explain = Explain.model(TestModels.mnistCnnBytes(), "mnist-cnn.onnx").withMethods(METHODS).withBatchSize(64)
        .withOutputs(true, true);
    Dataset<Row> input = LocalSpark.mnistOnExecutors(4);
    StructType expected = explain.transformSchema(input.schema());
    explain.transform(input).drop("values").write().parquet(out);
    // one import on the driver, reused by every task of the job (local mode: the driver is the executor)
    assertTrue(PreparedModels.imports() - importsBefore <= 1, "the model is imported at most once per JVM");

    Dataset<Row> back = LocalSpark.session().read().parquet(out);
    StructType read = back.schema();
    for (String column : expected.fieldNames()) {
      if (!column.equals("values")) {
        assertEquals(expected.apply(column).dataType().simpleString(), read.apply(column).dataType().simpleString(),
            column);
      }
    }
    assertEquals(2L * n, back.count());
    assertEquals(0L, back.filter(functions.col(ExplanationColumns.ERROR).isNotNull()).count());
    assertEquals((long) n, back.select("id").distinct().count());
    List<Row> perMethod = back.groupBy(ExplanationColumns.METHOD).count().orderBy(ExplanationColumns.METHOD)
        .collectAsList();
    assertEquals(List.of(METHODS[0], METHODS[1]), perMethod.stream().map(r -> r.getString(0)).toList());
    assertEquals(List.of((long) n, (long) n), perMethod.stream().map(r -> r.getLong(1)).toList());
    // both methods explain the model's prediction, which is the label for all but a few digits
    long correct = back.filter(functions.col(ExplanationColumns.TARGET).equalTo(functions.col("label"))).count();
    assertTrue(correct > 0.98 * 2 * n, correct + " of " + 2 * n + " targets are the label");

    Row lrp = back.filter(functions.col(ExplanationColumns.METHOD).equalTo(METHODS[1])).orderBy("id").first();
    float[] r = TestRows.floats(lrp, ExplanationColumns.RELEVANCE);
    assertEquals(Mnist.SIDE * Mnist.SIDE, r.length);
    assertArrayEquals(new int[] {1, Mnist.SIDE, Mnist.SIDE}, TestRows.ints(lrp, ExplanationColumns.RELEVANCE_SHAPE));
    double sum = 0;
    for (float v : r) {
      sum += v;
    }
    assertEquals(sum, lrp.<Double>getAs(ExplanationColumns.RELEVANCE_SUM), 1e-9 * Math.abs(sum));
    BufferedImage heat = ImageIO.read(new ByteArrayInputStream(lrp.getAs(ExplanationColumns.HEATMAP)));
    assertEquals(Mnist.SIDE, heat.getWidth());
    int[] top = TestRows.ints(lrp, ExplanationColumns.TOP_K_INDEX);
    float[] topValues = TestRows.floats(lrp, ExplanationColumns.TOP_K_RELEVANCE);
    assertEquals(Explain.DEFAULT_TOP_K, top.length);
    for (int i = 0; i < top.length; i++) {
      assertEquals(r[top[i]], topValues[i], 0f);
      assertTrue(i == 0 || topValues[i - 1] >= topValues[i]);
    }
    // LRP epsilon-plus-flat nearly conserves the logit on this ReLU network with biases
    double meanConservation = back.filter(functions.col(ExplanationColumns.METHOD).equalTo(METHODS[1]))
        .agg(functions.avg(ExplanationColumns.CONSERVATION)).first().getDouble(0);
    System.out.println("mean LRP conservation over " + n + " digits: " + meanConservation);
    assertTrue(meanConservation > 0.5 && meanConservation < 1.5, "mean LRP conservation " + meanConservation);
  }
}
