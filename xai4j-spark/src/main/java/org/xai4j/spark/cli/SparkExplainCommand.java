package org.xai4j.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.xai4j.cli.ImageOptions;
import org.xai4j.cli.MethodFlags;
import org.xai4j.cli.ModelOption;
import org.xai4j.cli.OptionChecks;
import org.xai4j.cli.OutputOptions;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.spark.Explain;
import org.xai4j.spark.ExplanationColumns;
import org.xai4j.spark.RowTarget;
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
 * on a cluster (see {@code docs/spark.md}). The model option ({@link ModelOption}: a file or a bundled model), the
 * method flags ({@link MethodFlags}), the image options ({@link ImageOptions}) and {@code --force}
 * ({@link OutputOptions}) are those of {@code xai4j explain}, declared once, and so is the exit-code contract
 * ({@link SparkMain}): 2 for a usage error, 3 for a bad model, input, option value or output folder or an exceeded
 * limit, each in one line. A file that cannot be explained (not an image, a shape the model does not take, NaN)
 * does not fail the job: its rows carry the message in the {@code error} column, and the summary counts them.
 * The Parquet folder is written whole ({@link ParquetOutput}).
 */
@Command(name = "spark-explain", mixinStandardHelpOptions = true,
    description = "Explain a folder of images on Apache Spark: xai4j spark-explain --master local[2] --model M "
        + "--images DIR --method NAME[,NAME] --out OUT.parquet.",
    footerHeading = "%nExamples:%n",
    footer = {"  xai4j spark-explain --master local[2] --model model.onnx --images pngs/ \\",
        "      --method integrated-gradients,lrp:epsilon-plus-flat --integration-steps 32 --out explained.parquet",
        "  xai4j spark-explain --master local[2] --model mnist-cnn --images digits/ --method gradient \\",
        "      --out digits.parquet"})
public final class SparkExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--master", description = "Spark master URL, e.g. local[2] or spark://host:7077 (default: the "
      + "spark-submit master, else local[*]).")
  String master;

  @Mixin ModelOption model;

  @Option(names = "--images", required = true, description = "Folder (read recursively) of PNG/JPEG images or .npy "
      + "arrays, or any path Spark's binaryFile source reads (hdfs://, s3a://, globs).")
  String images;

  @Option(names = "--method", required = true, split = ",", description = "Methods as in 'xai4j explain', e.g. "
      + "gradient,lrp:epsilon-plus-flat,grad-cam:NODE.")
  List<String> methods;

  @Option(names = "--out", required = true, description = "Parquet output folder (replaced only with --force; on "
      + "the local file system written whole).")
  String out;

  @Mixin OutputOptions outputs;

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

  /**
   * Runs {@code xai4j spark-explain ARGS} and exits with its status (the entry point for {@code spark-submit}): the
   * same command line as {@link SparkMain}'s subcommand, so {@code --verbose} and {@code --limit} work here too.
   */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "spark-explain";
    System.arraycopy(args, 0, all, 1, args.length);
    System.exit(SparkMain.commandLine().execute(all));
  }

  @Override
  public Integer call() throws IOException {
    OptionChecks.requirePositive(spec, "--batch-size", batchSize);
    model.check();
    Explain explain = (model.bundled() ? Explain.model(BundledModelFiles.bytes(model.name()), model.name())
        : Explain.model(Path.of(model.name()))).withMethods(methods).withMethodOptions(methodFlags.options())
        .withImages(image.imageInput()).withBatchSize(batchSize).withTopK(topK).withOutputs(!noRelevance, true)
        .withTarget(target == null ? RowTarget.argmax() : RowTarget.fixed(target));
    scala.Option<SparkSession> running = SparkSession.getDefaultSession();
    SparkSession spark = session(running);
    try {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      ParquetOutput output = ParquetOutput.of(out, outputs, OutputOptions.inputs("--model", model.file(),
          "--images", localImages(hadoop)), hadoop);
      long start = System.nanoTime();
      Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(images)
          .select("path", "content");
      output.write(explain.transform(files).drop("content"));
      double seconds = (System.nanoTime() - start) / 1e9;
      Dataset<Row> written = spark.read().parquet(output.location());
      long rows = written.count();
      long errors = written.filter(functions.col(ExplanationColumns.ERROR).isNotNull()).count();
      long inputs = rows / methods.size();
      PrintWriter pw = spec.commandLine().getOut();
      pw.printf("explained %d files with %s on %s in %.1f s (%.1f files/s); %d rows with an error%nwrote:  %s%n",
          inputs, methods, spark.sparkContext().master(), seconds, inputs / seconds, errors, out);
      pw.flush();
      return 0;
    } finally {
      if (running.isEmpty()) {
        spark.stop();
      }
    }
  }

  /**
   * The {@code running} Spark session, or a new one on {@code --master} (else the spark-submit master, else
   * local[*]).
   *
   * @throws IllegalArgumentException naming {@code --master} if a session on another master is running (it would be
   *     used silently otherwise) or if Spark cannot parse the URL
   */
  private SparkSession session(scala.Option<SparkSession> running) {
    if (master != null && running.isDefined() && !master.equals(running.get().sparkContext().master())) {
      throw new IllegalArgumentException("--master " + master + ": a Spark session on "
          + running.get().sparkContext().master() + " is already running in this JVM; leave --master out to use it");
    }
    SparkSession.Builder builder = SparkSession.builder().appName("xai4j spark-explain");
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]");
    }
    try {
      return builder.getOrCreate();
    } catch (Exception e) { // Spark is Scala: javac does not see the SparkException that getOrCreate throws
      if (master != null && e instanceof SparkException) {
        throw new IllegalArgumentException("--master " + master + ": " + e.getMessage(), e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * Checks that {@code --images} names files, and returns it if it is one local file or folder (so that
   * {@code --out} cannot replace it), else null.
   *
   * @throws IllegalArgumentException naming {@code --images} if nothing matches it
   */
  private Path localImages(Configuration hadoop) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(images);
    FileSystem fs = path.getFileSystem(hadoop);
    FileStatus[] found = fs.globStatus(path);
    if (found == null || found.length == 0) {
      throw new IllegalArgumentException("--images " + images + ": no such file or folder");
    }
    return ParquetOutput.isLocal(fs) && found.length == 1 ? Path.of(found[0].getPath().toUri()) : null;
  }
}
