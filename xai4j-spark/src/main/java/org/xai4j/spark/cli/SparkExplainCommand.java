package org.xai4j.spark.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.xai4j.cli.ImageOptions;
import org.xai4j.cli.MethodFlags;
import org.xai4j.spark.Explain;
import org.xai4j.spark.ExplanationColumns;
import org.xai4j.spark.RowTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j spark-explain}: explains every image in a folder with one or more methods on Apache
 * Spark and writes one Parquet row per image and method ({@link ExplanationColumns}, plus the
 * image's {@code path}). Runs in its own JVM with Spark on the classpath: {@code ./xai4j spark-explain}
 * locally, or {@code spark-submit --class org.xai4j.spark.cli.SparkExplainCommand xai4j-spark.jar}
 * on a cluster (see {@code docs/spark.md}). The method flags and image options are those of {@code xai4j explain}
 * ({@link MethodFlags}, {@link ImageOptions}), declared once.
 */
@Command(name = "spark-explain", mixinStandardHelpOptions = true,
    description = "Explain a folder of images on Apache Spark: xai4j spark-explain --master local[2] --model M.onnx "
        + "--images DIR --method NAME[,NAME] --out OUT.parquet.",
    footerHeading = "%nExample:%n",
    footer = {"  xai4j spark-explain --master local[2] --model model.onnx --images pngs/ \\",
        "      --method integrated-gradients,lrp:epsilon-plus-flat --integration-steps 32 --out explained.parquet"})
public final class SparkExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--master", description = "Spark master URL, e.g. local[2] or spark://host:7077 (default: the "
      + "spark-submit master, else local[*]).")
  String master;

  @Option(names = "--model", required = true, description = "ONNX model file.")
  Path model;

  @Option(names = "--images", required = true, description = "Folder (read recursively) of PNG/JPEG images or .npy "
      + "arrays, or any path Spark's binaryFile source reads (hdfs://, s3a://, globs).")
  String images;

  @Option(names = "--method", required = true, split = ",", description = "Methods as in 'xai4j explain', e.g. "
      + "gradient,lrp:epsilon-plus-flat,grad-cam:NODE.")
  List<String> methods;

  @Option(names = "--out", required = true, description = "Parquet output folder (must not exist).")
  String out;

  @Option(names = "--target", description = "Output index to explain for every image (default: each image's argmax).")
  Integer target;

  @Option(names = "--batch-size", description = "Images per forward/backward pass (default: ${DEFAULT-VALUE}).")
  int batchSize = Explain.DEFAULT_BATCH_SIZE;

  @Option(names = "--top-k", description = "Largest heatmap positions reported (default: ${DEFAULT-VALUE}).")
  int topK = Explain.DEFAULT_TOP_K;

  @Option(names = "--no-relevance", description = "Leave the relevance array out (heatmap PNG and summaries only).")
  boolean noRelevance;

  @Mixin ImageOptions image = new ImageOptions();

  @Mixin MethodFlags methodFlags = new MethodFlags();

  /** Runs the command and exits with its status (the entry point for {@code spark-submit}). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkExplainCommand()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter pw = spec.commandLine().getOut();
    try {
      Explain explain = Explain.model(model).withMethods(methods.toArray(String[]::new))
          .withMethodOptions(methodFlags.options()).withImages(image.imageInput()).withBatchSize(batchSize).withTopK(topK)
          .withOutputs(!noRelevance, true).withTarget(target == null ? RowTarget.argmax() : RowTarget.fixed(target));
      if (!images.contains("://") && !images.contains("*") && !Files.exists(Path.of(images))) {
        throw new IllegalArgumentException("--images " + images + ": no such file or folder");
      }
      if (!out.contains("://") && Files.exists(Path.of(out))) {
        throw new IllegalArgumentException("--out " + out + " exists; remove it or choose another folder");
      }
      boolean running = SparkSession.getDefaultSession().isDefined();
      SparkSession.Builder builder = SparkSession.builder().appName("xai4j spark-explain");
      if (master != null) {
        builder.master(master);
      } else if (System.getProperty("spark.master") == null) {
        builder.master("local[*]");
      }
      SparkSession spark = builder.getOrCreate();
      try {
        long start = System.nanoTime();
        Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(images)
            .select("path", "content");
        explain.transform(files).drop("content").write().parquet(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset<Row> written = spark.read().parquet(out);
        long rows = written.count();
        long errors = written.filter(functions.col(ExplanationColumns.ERROR).isNotNull()).count();
        long inputs = rows / methods.size();
        pw.printf("explained %d files with %s on %s in %.1f s (%.1f files/s); %d rows with an error%nwrote:  %s%n",
            inputs, methods, spark.sparkContext().master(), seconds, inputs / seconds, errors, out);
        pw.flush();
        return 0;
      } finally {
        if (!running) {
          spark.stop();
        }
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
  }
}
