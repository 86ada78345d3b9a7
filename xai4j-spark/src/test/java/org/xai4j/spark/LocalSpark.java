package org.xai4j.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.tensor.Tensor;

/**
 * One real Spark session for all tests of this module: {@code local[2,4]}, two task threads and up
 * to four attempts per task (so that retries can be tested), no UI, Spark's logging at WARN
 * ({@code log4j2-test.properties}).
 */
final class LocalSpark {
  /** The master URL. */
  static final String MASTER = "local[2,4]";
  private static SparkSession session;

  private LocalSpark() {}

  /** The shared session, started on first use. */
  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().master(MASTER).appName("xai4j-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
    }
    return session;
  }

  /** The schema of {@link #arrays}: {@code id int, label int, values array<float>, shape array<int>}. */
  static final StructType ARRAY_SCHEMA = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("label", DataTypes.IntegerType, false)
      .add("values", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("shape", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  /**
   * The samples of {@code x} ({@code [N, ...]}) as rows of {@link #ARRAY_SCHEMA} in exactly
   * {@code partitions} partitions; partition {@code p} holds rows {@code [p N / P, (p + 1) N / P)}
   * in order (Spark's slicing of a parallelized list).
   */
  static Dataset<Row> arrays(Tensor x, int[] labels, int partitions) {
    int n = x.shape().dim(0);
    int[] shape = new int[x.rank() - 1];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = x.shape().dim(i + 1);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create(i, labels[i], x.slice0(i, i + 1).toArray(), shape));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session().sparkContext());
    return session().createDataFrame(jsc.parallelize(rows, partitions), ARRAY_SCHEMA);
  }

  /**
   * All 10,000 bundled MNIST digits as rows of {@link #ARRAY_SCHEMA} ({@code id} is the digit's
   * index in {@link Mnist#all()}), built on the executors from the bundled resource so that no
   * task carries the data.
   */
  static Dataset<Row> mnistOnExecutors(int partitions) {
    Dataset<Long> ids = session().range(0, Mnist.TRAIN_SIZE + Mnist.TEST_SIZE, 1, partitions);
    return ids.mapPartitions((MapPartitionsFunction<Long, Row>) it -> {
      LabeledImages all = Mnist.load().all();
      List<Row> rows = new ArrayList<>();
      int[] shape = {1, Mnist.SIDE, Mnist.SIDE};
      it.forEachRemaining(id -> rows.add(RowFactory.create(id.intValue(), all.labels()[id.intValue()],
          all.images().slice0(id.intValue(), id.intValue() + 1).toArray(), shape)));
      return rows.iterator();
    }, Encoders.row(ARRAY_SCHEMA));
  }

  /** Start (inclusive) of partition {@code p} of {@code n} rows in {@code partitions} slices. */
  static int sliceStart(int n, int partitions, int p) {
    return (int) ((long) p * n / partitions);
  }
}
