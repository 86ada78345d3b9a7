package org.xai4j.spark.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.xai4j.cli.OptionChecks;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.spark.Explain;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j spark-bench}: images per second of {@link Explain} at {@code local[1]} and
 * {@code local[2]} against the library on the same data in one JVM, on the bundled MNIST digits.
 * Each configuration runs once to warm up, then {@code --repeats} times; the median is reported.
 * Spark jobs write to Spark's {@code noop} sink, so every row is computed and nothing is stored;
 * each master is timed with every column and without the two large ones (relevance array, heatmap
 * PNG), which separates the cost of those columns from Spark's own.
 */
@Command(name = "spark-bench", mixinStandardHelpOptions = true,
    description = "Spark scaling benchmark: images/s of Explain at local[1] and local[2] vs the single-JVM path.")
final class SparkBenchCommand implements Callable<Integer> {
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("values", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("shape", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  @Spec CommandSpec spec;

  @Option(names = "--images", description = "Bundled MNIST digits explained per run (default: ${DEFAULT-VALUE}).")
  int images = 4000;

  @Option(names = "--method", description = "Method (default: ${DEFAULT-VALUE}).")
  String method = "lrp:epsilon-plus-flat";

  @Option(names = "--batch-size", description = "Rows per pass (default: ${DEFAULT-VALUE}).")
  int batchSize = Explain.DEFAULT_BATCH_SIZE;

  @Option(names = "--repeats", description = "Timed runs per configuration (default: ${DEFAULT-VALUE}).")
  int repeats = 3;

  @Option(names = "--masters", split = ",", description = "Spark masters (default: ${DEFAULT-VALUE}).")
  List<String> masters = List.of("local[1]", "local[2]");

  @Override
  public Integer call() {
    PrintWriter pw = spec.commandLine().getOut();
    OptionChecks.requirePositive(spec, "--repeats", repeats);
    OptionChecks.requirePositive(spec, "--batch-size", batchSize);
    byte[] onnx = BundledModelFiles.bytes("mnist-cnn");
    LabeledImages data = Mnist.load().all();
    if (images < 1 || images > data.size()) {
      throw new IllegalArgumentException("--images must be in [1, " + data.size() + "], got " + images);
    }
    Tensor x = data.images().slice0(0, images);
    pw.printf("mnist-cnn, %s, %d digits, batch %d, kernels %s, %d kernel thread(s); median of %d runs%n", method,
        images, batchSize, Kernels.provider(), Parallelism.threads(), repeats);
    Explain explain = Explain.model(onnx, "mnist-cnn.onnx").withMethods(method).withBatchSize(batchSize);
    double single = median(() -> singleJvm(explain, x));
    pw.printf("%-10s %8.1f images/s%n", "single JVM", images / single);
    pw.flush();
    for (String master : masters) {
      SparkSession spark = SparkSession.builder().master(master).appName("xai4j spark-bench")
          .config("spark.ui.enabled", "false").getOrCreate();
      try {
        Dataset<Row> rows = digits(spark, images, Integer.parseInt(master.replaceAll("\\D", "")) * 4).cache();
        rows.count();
        Explain summaries = explain.withOutputs(false, false);
        double all = median(() -> explain.transform(rows).write().format("noop").mode("overwrite").save());
        double few = median(() -> summaries.transform(rows).write().format("noop").mode("overwrite").save());
        pw.printf("%-10s %8.1f images/s (%.2f x the single JVM) with every column, %.1f images/s (%.2f x) "
            + "without relevance array and PNG%n", master, images / all, single / all, images / few, single / few);
        pw.flush();
      } finally {
        spark.stop();
      }
    }
    return 0;
  }

  /** The library's path: the digits in consecutive batches, one JVM, no Spark. */
  private void singleJvm(Explain explain, Tensor x) {
    for (int from = 0; from < images; from += batchSize) {
      explain.explainBatch(x.slice0(from, Math.min(images, from + batchSize)));
    }
  }

  private double median(Runnable run) {
    run.run();
    double[] t = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      run.run();
      t[r] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(t);
    return t[repeats / 2];
  }

  /** The first {@code n} digits as array rows, built on the executors from the bundled resource. */
  private static Dataset<Row> digits(SparkSession spark, int n, int partitions) {
    return spark.range(0, n, 1, partitions).mapPartitions((MapPartitionsFunction<Long, Row>) it -> {
      Tensor all = Mnist.load().all().images();
      List<Row> rows = new ArrayList<>();
      int[] shape = {1, Mnist.SIDE, Mnist.SIDE};
      it.forEachRemaining(id -> rows.add(RowFactory.create(id.intValue(),
          all.slice0(id.intValue(), id.intValue() + 1).toArray(), shape)));
      return rows.iterator();
    }, Encoders.row(SCHEMA));
  }
}
