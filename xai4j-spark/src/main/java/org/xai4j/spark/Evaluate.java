package org.xai4j.spark;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.image.ImageInput;

/**
 * Measures explanation quality row by row on a Spark data set: every input row yields one output
 * row per method with the input's columns, {@code method}, {@code target}, {@code logit}, one
 * {@code double} column per metric ({@link RowMetric}: {@code aopc}, {@code insertion_auc},
 * {@code deletion_auc}, {@code continuity}, {@code max_sensitivity}, {@code infidelity},
 * {@code local_lipschitz}) and {@code error}. The metrics are those of
 * {@code org.xai4j.explain.metric}, computed for each batch as the library computes them; averaging
 * a column over the data set gives the data-set score ({@code df.groupBy("method").avg("aopc")}).
 *
 * <pre>{@code
 * Dataset<Row> scores = Evaluate.model(Path.of("mnist-cnn.onnx"))
 *     .withMethods("gradient-x-input", "lrp:epsilon-plus-flat")
 *     .withMetrics("pixel-flipping", "continuity").transform(digits);
 * }</pre>
 *
 * <p>Input, bad rows, batching, the per-JVM model cache and retries work as in {@link Explain}.
 */
public final class Evaluate {
  private final byte[] model;
  private final RowJob job;
  private final MetricColumns columns;

  private Evaluate(byte[] model, RowJob job, MetricColumns columns) {
    this.model = model;
    this.job = job;
    this.columns = columns;
  }

  /**
   * Evaluates the gradient by pixel flipping (AOPC) with the ONNX model in {@code file} (read now);
   * input, target and preprocessing default as in {@link Explain#model(Path)}.
   *
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static Evaluate model(Path file) {
    return model(ModelFiles.read(file), file.toString());
  }

  /** Like {@link #model(Path)}, with the bytes of an ONNX model; {@code source} names it in messages. */
  public static Evaluate model(byte[] onnx, String source) {
    return new Evaluate(onnx.clone(), RowJob.of(onnx, source),
        new MetricColumns(List.of(RowMetric.named("pixel-flipping"))));
  }

  /** The methods, named as in the method registry. */
  public Evaluate withMethods(String... names) {
    return new Evaluate(model, job.withMethods(List.of(names)), columns);
  }

  /**
   * The metrics by name ({@link RowMetric#NAMES}), with the library's defaults.
   *
   * @throws IllegalArgumentException listing the names if one is unknown
   */
  public Evaluate withMetrics(String... names) {
    return withMetrics(Arrays.stream(names).map(RowMetric::named).toArray(RowMetric[]::new));
  }

  /** The metrics, for example {@code RowMetric.pixelFlipping(new PixelFlipping(...))}. */
  public Evaluate withMetrics(RowMetric... metrics) {
    return new Evaluate(model, job, new MetricColumns(List.of(metrics)));
  }

  /**
   * The method options ({@link MethodOptions}; default none), each applied to the methods it applies
   * to, e.g. {@code MethodOptions.none().withGradientWhereUncovered(true)}; an option that applies
   * to none of the methods fails when the job runs.
   */
  public Evaluate withMethodOptions(MethodOptions options) {
    return new Evaluate(model, job.withOptions(options), columns);
  }

  /** Where the rows keep their input (default: detected from the schema). */
  public Evaluate withInput(InputSource in) {
    return new Evaluate(model, job.withInput(in), columns);
  }

  /** How images are preprocessed (default {@link ImageInput#raw()}). */
  public Evaluate withImages(ImageInput preprocessing) {
    return new Evaluate(model, job.withImages(preprocessing), columns);
  }

  /** Which output to explain and measure per row (default {@link RowTarget#argmax()}). */
  public Evaluate withTarget(RowTarget t) {
    return new Evaluate(model, job.withTarget(t), columns);
  }

  /** Rows per batch (default {@value Explain#DEFAULT_BATCH_SIZE}); metrics are computed per batch. */
  public Evaluate withBatchSize(int rows) {
    return new Evaluate(model, job.withBatchSize(rows), columns);
  }

  /**
   * The schema {@link #transform} produces from {@code schema}.
   *
   * @throws IllegalArgumentException if the input or target columns do not fit, or the output
   *     columns exist already
   */
  public StructType transformSchema(StructType schema) {
    return job.outputSchema(schema, columns.appended());
  }

  /**
   * Measures every row of {@code rows} (lazily).
   *
   * @throws IllegalArgumentException if the model, a method or the schema does not fit
   */
  public Dataset<Row> transform(Dataset<Row> rows) {
    return job.run(rows, model, columns);
  }
}
