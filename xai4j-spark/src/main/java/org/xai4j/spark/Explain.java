package org.xai4j.spark;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Scaling;
import org.xai4j.tensor.Tensor;

/**
 * Explains every row of a Spark data set with one or more attribution methods: a transformation
 * {@code Dataset<Row> -> Dataset<Row>} in the manner of a Spark ML transformer. Each input row
 * yields one output row per method: the input's columns followed by {@link ExplanationColumns}
 * (relevance as a float array and its shape, a heatmap PNG, relevance sum, conservation ratio,
 * top-k positions). A row that cannot be explained (undecodable image, a shape the model does not
 * take, a non-finite value, a target outside the output) gets its message in the
 * {@link ExplanationColumns#ERROR} column instead of failing the job, and so does a row whose
 * relevance holds NaN or infinities (the message names the first non-finite value of the
 * forward pass: the input, a weight or the node that produced it).
 *
 * <pre>{@code
 * Dataset<Row> images = spark.read().format("binaryFile").load("digits/");
 * Dataset<Row> explained = Explain.model(Path.of("mnist-cnn.onnx"))
 *     .withMethods("gradient", "lrp:epsilon-plus-flat").withBatchSize(64).transform(images);
 * explained.drop("content").write().parquet("explained.parquet");
 * }</pre>
 *
 * <p>The model's ONNX bytes are broadcast once per {@link #transform}; every executor JVM imports
 * them and prepares each method once (a per-JVM cache keyed by the bytes' SHA-256 and the method)
 * and reuses that for all its partitions. Each partition is explained in consecutive batches of
 * {@link #batchSize()} rows. The output is a deterministic function of the partition's rows, so a
 * task that Spark retries (after a failure or on a lost executor) produces the same rows again;
 * Spark's output commit keeps only one attempt's files.
 *
 * <p>Instances are immutable; the {@code with...} methods return changed copies. The model is
 * imported and every method prepared on the driver when {@link #transform} is called, so a wrong
 * model, method or column fails there, with one message, before any task runs.
 */
public final class Explain {
  /** Default rows per forward and backward pass. */
  public static final int DEFAULT_BATCH_SIZE = RowJob.DEFAULT_BATCH_SIZE;
  /** Default number of top heatmap positions reported. */
  public static final int DEFAULT_TOP_K = SummaryColumns.DEFAULT_TOP_K;
  /** Default heatmap colour map (Zennit's {@code bwr}). */
  public static final String DEFAULT_COLOR_MAP = SummaryColumns.DEFAULT_COLOR_MAP;

  private final byte[] model;
  private final RowJob job;
  private final SummaryColumns columns;

  private Explain(byte[] model, RowJob job, SummaryColumns columns) {
    this.model = model;
    this.job = job;
    this.columns = columns;
  }

  /**
   * Explains with the ONNX model in {@code file} (read now), by default with the gradient, the
   * argmax target, raw image values in {@code [0, 1]} and the input columns detected from the
   * schema ({@link InputSource#detect}).
   *
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static Explain model(Path file) {
    return model(ModelFiles.read(file), file.toString());
  }

  /** Like {@link #model(Path)}, for callers without {@code Path} (PySpark through py4j, Scala). */
  public static Explain model(String file) {
    return model(Path.of(file));
  }

  /** Like {@link #model(Path)}, with the bytes of an ONNX model; {@code source} names it in messages. */
  public static Explain model(byte[] onnx, String source) {
    return new Explain(onnx.clone(), RowJob.of(onnx, source), SummaryColumns.defaults());
  }

  /** The methods, named as in the method registry: {@code gradient}, {@code lrp:epsilon-plus-flat}, {@code grad-cam:NODE}. */
  public Explain withMethods(String... names) {
    return new Explain(model, job.withMethods(List.of(names)), columns);
  }

  /** Like {@link #withMethods(String...)}, for callers without Java varargs (PySpark through py4j). */
  public Explain withMethods(List<String> names) {
    return new Explain(model, job.withMethods(names), columns);
  }

  /**
   * The method options ({@link MethodOptions}; default none), each applied to the methods it applies
   * to, e.g. {@code MethodOptions.none().withGradientWhereUncovered(true)}; an option that applies
   * to none of the methods fails when the job runs.
   */
  public Explain withMethodOptions(MethodOptions options) {
    return new Explain(model, job.withOptions(options), columns);
  }

  /** Where the rows keep their input (default: detected from the schema). */
  public Explain withInput(InputSource in) {
    return new Explain(model, job.withInput(in), columns);
  }

  /** How images are preprocessed (default {@link ImageInput#raw()}: values in {@code [0, 1]}). */
  public Explain withImages(ImageInput preprocessing) {
    return new Explain(model, job.withImages(preprocessing), columns);
  }

  /** Which output to explain per row (default {@link RowTarget#argmax()}). */
  public Explain withTarget(RowTarget t) {
    return new Explain(model, job.withTarget(t), columns);
  }

  /** Rows per forward and backward pass (default {@value #DEFAULT_BATCH_SIZE}). */
  public Explain withBatchSize(int rows) {
    return new Explain(model, job.withBatchSize(rows), columns);
  }

  /** How many of the largest heatmap positions to report (default {@value #DEFAULT_TOP_K}). */
  public Explain withTopK(int k) {
    return new Explain(model, job, new SummaryColumns(k, columns.relevance(), columns.heatmap(), columns.colorMap(),
        columns.scaling()));
  }

  /**
   * Which of the two large columns to fill: the relevance array and the heatmap PNG (both by
   * default); the other columns are always filled.
   */
  public Explain withOutputs(boolean relevanceArray, boolean heatmapPng) {
    return new Explain(model, job, new SummaryColumns(columns.topK(), relevanceArray, heatmapPng, columns.colorMap(),
        columns.scaling()));
  }

  /** The heatmap's colour map ({@link ColorMap#named}) and scaling (default {@code bwr}, symmetric). */
  public Explain withHeatmapStyle(String colorMapName, Scaling heatmapScaling) {
    return new Explain(model, job, new SummaryColumns(columns.topK(), columns.relevance(), columns.heatmap(),
        colorMapName, heatmapScaling));
  }

  /** Rows per forward and backward pass. */
  public int batchSize() {
    return job.batchSize();
  }

  /** The methods, in output order. */
  public List<String> methods() {
    return job.methods();
  }

  /**
   * The schema {@link #transform} produces from {@code schema}.
   *
   * @throws IllegalArgumentException if the input columns or the target column are missing or of
   *     the wrong type, or the output columns exist already
   */
  public StructType transformSchema(StructType schema) {
    return job.outputSchema(schema, columns.appended());
  }

  /**
   * Explains every row of {@code rows} (lazily, like every Spark transformation).
   *
   * @throws IllegalArgumentException if the model cannot be imported, a method does not fit it, or
   *     the schema does not fit (see {@link #transformSchema})
   */
  public Dataset<Row> transform(Dataset<Row> rows) {
    return job.run(rows, model, columns);
  }

  /**
   * Explains one batch {@code [N, ...]} in this JVM with every method, as a partition does (same
   * prepared methods, same results): the single-JVM path, for checks and benchmarks.
   *
   * @return each method's attribution, in {@link #methods()} order
   * @throws IllegalArgumentException if the target reads a column, or the batch does not fit the model
   */
  public Map<String, Attribution> explainBatch(Tensor batch) {
    return job.explainBatch(batch, model);
  }
}
