package org.xai4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;

/**
 * A task that fails half-way through its partition, after some explained rows have gone to the
 * Parquet writer, is retried by Spark; the output has every row exactly once, with the values of
 * a run without failures.
 */
class RetryTest {
  private static final int ROWS = 40;
  private static final int FAIL_AFTER = 7;
  /** Failures injected in this JVM (local mode: the tasks run here). */
  private static final AtomicInteger INJECTED = new AtomicInteger();

  /** Passes rows through; the first attempt of partition 1 throws after {@link #FAIL_AFTER} rows. */
  private static final class FailOnce implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TaskContext task = TaskContext.get();
      boolean fail = task.partitionId() == 1 && task.attemptNumber() == 0;
      return new Iterator<>() {
        private int seen;

        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          if (fail && seen++ == FAIL_AFTER) {
            INJECTED.incrementAndGet();
            throw new IllegalStateException("injected failure in the first attempt of partition 1");
          }
          return rows.next();
        }
      };
    }
  }

  @Test
  void aRetriedTaskWritesNoWrongOrDuplicatedRows(@TempDir Path dir) {
    LabeledImages d = Mnist.load().test();
    Dataset<Row> input = LocalSpark.arrays(d.images().slice0(0, ROWS), d.labels(), 2);
    Explain explain = Explain.model(TestModels.mnistCnnBytes(), "mnist-cnn.onnx")
        .withMethods("gradient", "lrp:epsilon-plus-flat").withBatchSize(2);
    String clean = dir.resolve("clean.parquet").toString();
    String retried = dir.resolve("retried.parquet").toString();
    explain.transform(input).write().parquet(clean);
    int before = INJECTED.get();
    explain.transform(input.mapPartitions(new FailOnce(), Encoders.row(input.schema()))).write().parquet(retried);
    assertEquals(before + 1, INJECTED.get(), "one attempt failed half-way and was retried");

    List<Row> a = LocalSpark.session().read().parquet(clean).orderBy("id", ExplanationColumns.METHOD).collectAsList();
    List<Row> b = LocalSpark.session().read().parquet(retried).orderBy("id", ExplanationColumns.METHOD).collectAsList();
    assertEquals(2 * ROWS, a.size());
    assertEquals(2 * ROWS, b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(i / 2, b.get(i).<Integer>getAs("id"));
      assertEquals(a.get(i).<String>getAs(ExplanationColumns.METHOD), b.get(i).getAs(ExplanationColumns.METHOD));
      assertArrayEquals(TestRows.floats(a.get(i), ExplanationColumns.RELEVANCE),
          TestRows.floats(b.get(i), ExplanationColumns.RELEVANCE), 0f);
    }
  }
}
