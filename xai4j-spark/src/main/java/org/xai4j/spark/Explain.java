package org.xai4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.image.ColorMap;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.explain.image.Scaling;
import org.xai4j.tensor.Tensor;

/**
 * Explains every row of a Spark data set with one or more attribution methods: a transformation
 * {@code Dataset<Row> -> Dataset<Row>} in the manner of a Spark ML transformer. Each input row
 * yields one output row per method: the input's columns followed by {@link ExplanationColumns}
 * (relevance as a float array and its shape, a heatmap PNG, relevance sum, conservation ratio,
 * top-k positions). A row that cannot be explained (undecodable image, a shape the model does not
 * take, a non-finite value, a target outside the output) gets its message in the
 * {@link ExplanationColumns#ERROR} column instead of failing the job.
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
public final class Explain implements Serializable {
  /** Default rows per forward and backward pass. */
  public static final int DEFAULT_BATCH_SIZE = 32;
  /** Default number of top heatmap positions reported. */
  public static final int DEFAULT_TOP_K = 10;
  /** Default heatmap colour map (Zennit's {@code bwr}). */
  public static final String DEFAULT_COLOR_MAP = "bwr";
  private static final long serialVersionUID = 1L;

  private final transient byte[] model;
  private final String source;
  private final String sha256;
  private final List<String> methods;
  private final InputSource input;
  private final ImageInput images;
  private final RowTarget target;
  private final int batchSize;
  private final int topK;
  private final boolean relevance;
  private final boolean heatmap;
  private final String colorMap;
  private final Scaling scaling;

  private Explain(byte[] model, String source, String sha256, List<String> methods, InputSource input,
      ImageInput images, RowTarget target, int batchSize, int topK, boolean relevance, boolean heatmap,
      String colorMap, Scaling scaling) {
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("Explain needs at least one method");
    }
    if (batchSize < 1 || topK < 0) {
      throw new IllegalArgumentException("batch size must be >= 1 and top-k >= 0, got " + batchSize + " and " + topK);
    }
    ColorMap.named(colorMap);
    this.model = model;
    this.source = source;
    this.sha256 = sha256;
    this.methods = List.copyOf(methods);
    this.input = input;
    this.images = images;
    this.target = target;
    this.batchSize = batchSize;
    this.topK = topK;
    this.relevance = relevance;
    this.heatmap = heatmap;
    this.colorMap = colorMap;
    this.scaling = scaling;
  }

  /**
   * Explains with the ONNX model in {@code file} (read now), by default with the gradient, the
   * argmax target, raw image values in {@code [0, 1]} and the input columns detected from the
   * schema ({@link InputSource#detect}).
   *
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static Explain model(Path file) {
    try {
      return model(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #model(Path)}, for callers without {@code Path} (PySpark through py4j, Scala). */
  public static Explain model(String file) {
    return model(Path.of(file));
  }

  /** Like {@link #model(Path)}, with the bytes of an ONNX model; {@code source} names it in messages. */
  public static Explain model(byte[] onnx, String source) {
    return new Explain(onnx.clone(), source, sha256(onnx), List.of("gradient"), null, ImageInput.raw(),
        RowTarget.argmax(), DEFAULT_BATCH_SIZE, DEFAULT_TOP_K, true, true, DEFAULT_COLOR_MAP, Scaling.SYMMETRIC);
  }

  /** The methods, named as in the method registry: {@code gradient}, {@code lrp:epsilon-plus-flat}, {@code grad-cam:NODE}. */
  public Explain withMethods(String... names) {
    return new Explain(model, source, sha256, List.of(names), input, images, target, batchSize, topK, relevance,
        heatmap, colorMap, scaling);
  }

  /** Like {@link #withMethods(String...)}, for callers without Java varargs (PySpark through py4j). */
  public Explain withMethods(List<String> names) {
    return withMethods(names.toArray(String[]::new));
  }

  /** Where the rows keep their input (default: detected from the schema). */
  public Explain withInput(InputSource in) {
    return new Explain(model, source, sha256, methods, in, images, target, batchSize, topK, relevance, heatmap,
        colorMap, scaling);
  }

  /** How images are preprocessed (default {@link ImageInput#raw()}: values in {@code [0, 1]}). */
  public Explain withImages(ImageInput preprocessing) {
    return new Explain(model, source, sha256, methods, input, preprocessing, target, batchSize, topK, relevance,
        heatmap, colorMap, scaling);
  }

  /** Which output to explain per row (default {@link RowTarget#argmax()}). */
  public Explain withTarget(RowTarget t) {
    return new Explain(model, source, sha256, methods, input, images, t, batchSize, topK, relevance, heatmap,
        colorMap, scaling);
  }

  /** Rows per forward and backward pass (default {@value #DEFAULT_BATCH_SIZE}). */
  public Explain withBatchSize(int rows) {
    return new Explain(model, source, sha256, methods, input, images, target, rows, topK, relevance, heatmap,
        colorMap, scaling);
  }

  /** How many of the largest heatmap positions to report (default {@value #DEFAULT_TOP_K}). */
  public Explain withTopK(int k) {
    return new Explain(model, source, sha256, methods, input, images, target, batchSize, k, relevance, heatmap,
        colorMap, scaling);
  }

  /**
   * Which of the two large columns to fill: the relevance array and the heatmap PNG (both by
   * default); the other columns are always filled.
   */
  public Explain withOutputs(boolean relevanceArray, boolean heatmapPng) {
    return new Explain(model, source, sha256, methods, input, images, target, batchSize, topK, relevanceArray,
        heatmapPng, colorMap, scaling);
  }

  /** The heatmap's colour map ({@link ColorMap#named}) and scaling (default {@code bwr}, symmetric). */
  public Explain withHeatmapStyle(String colorMapName, Scaling heatmapScaling) {
    return new Explain(model, source, sha256, methods, input, images, target, batchSize, topK, relevance, heatmap,
        colorMapName, heatmapScaling);
  }

  /** Rows per forward and backward pass. */
  public int batchSize() {
    return batchSize;
  }

  /** The methods, in output order. */
  public List<String> methods() {
    return methods;
  }

  /**
   * The schema {@link #transform} produces from {@code schema}.
   *
   * @throws IllegalArgumentException if the input columns or the target column are missing or of
   *     the wrong type, or the output columns exist already
   */
  public StructType transformSchema(StructType schema) {
    inputSource(schema).check(schema);
    if (target instanceof RowTarget.Column c) {
      if (!Arrays.asList(schema.fieldNames()).contains(c.name())) {
        throw new IllegalArgumentException("no target column '" + c.name() + "' in " + schema.simpleString());
      }
      DataType t = schema.apply(c.name()).dataType();
      if (!t.equals(DataTypes.IntegerType) && !t.equals(DataTypes.LongType) && !t.equals(DataTypes.ShortType)) {
        throw new IllegalArgumentException("target column '" + c.name() + "' is " + t.simpleString()
            + ", expected an integer type");
      }
    }
    return ExplanationColumns.append(schema, ExplanationColumns.APPENDED);
  }

  /**
   * Explains every row of {@code rows} (lazily, like every Spark transformation).
   *
   * @throws IllegalArgumentException if the model cannot be imported, a method does not fit it, or
   *     the schema does not fit (see {@link #transformSchema})
   */
  public Dataset<Row> transform(Dataset<Row> rows) {
    StructType out = transformSchema(rows.schema());
    for (String m : methods) {
      PreparedModels.get(sha256, () -> model, source, m);
    }
    Broadcast<byte[]> shipped = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext())
        .broadcast(model);
    ExplainPartition f = new ExplainPartition(this, inputSource(rows.schema()), shipped, rows.schema());
    return rows.mapPartitions(f, Encoders.row(out));
  }

  /**
   * Explains one batch {@code [N, ...]} in this JVM with every method, as a partition does (same
   * prepared methods, same results): the single-JVM path, for checks and benchmarks.
   *
   * @return each method's attribution, in {@link #methods()} order
   * @throws IllegalArgumentException if the target reads a column, or the batch does not fit the model
   */
  public Map<String, Attribution> explainBatch(Tensor batch) {
    if (target instanceof RowTarget.Column c) {
      throw new IllegalArgumentException("a batch has no column '" + c.name() + "' to read targets from");
    }
    Target t = target instanceof RowTarget.Fixed f ? Target.classes(f.index()) : Target.argmax();
    Map<String, Attribution> out = new LinkedHashMap<>();
    for (String m : methods) {
      out.put(m, PreparedModels.get(sha256, () -> model, source, m).explain(batch, t));
    }
    return out;
  }

  InputSource inputSource(StructType schema) {
    return input != null ? input : InputSource.detect(schema);
  }

  String source() {
    return source;
  }

  String sha256() {
    return sha256;
  }

  ImageInput images() {
    return images;
  }

  RowTarget target() {
    return target;
  }

  int topK() {
    return topK;
  }

  boolean relevance() {
    return relevance;
  }

  boolean heatmap() {
    return heatmap;
  }

  String colorMap() {
    return colorMap;
  }

  Scaling scaling() {
    return scaling;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
