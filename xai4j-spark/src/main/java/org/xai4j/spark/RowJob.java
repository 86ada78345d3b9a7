package org.xai4j.spark;

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
import java.io.Serializable;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.Methods;
import org.xai4j.explain.Target;
import org.xai4j.explain.image.ImageInput;
import org.xai4j.tensor.Tensor;

/**
 * What {@link Explain} and {@link Evaluate} share: which model (by name and SHA-256 of its bytes),
 * which methods, where the input is, how images are preprocessed, which target, how many rows per
 * batch; and the one way both run: prepare on the driver, broadcast the model, explain each
 * partition in batches ({@link BatchedPartition}).
 *
 * @param source names the model in messages
 * @param sha256 the digest of the model's ONNX bytes (the key of the per-JVM cache)
 * @param methods method names, in output order
 * @param options the method options, each applied to the methods it applies to
 *     ({@link Methods#optionsFor})
 * @param input where rows keep their input, or null to detect it from the schema
 * @param images image preprocessing
 * @param target which output each row's explanation starts from
 * @param batchSize rows per forward and backward pass
 */
record RowJob(String source, String sha256, List<String> methods, MethodOptions options, InputSource input,
    ImageInput images, RowTarget target, int batchSize) implements Serializable {
  /** Default rows per forward and backward pass. */
  static final int DEFAULT_BATCH_SIZE = 32;

  /** Copies the methods and rejects an empty list or a batch size below 1. */
  RowJob {
    methods = List.copyOf(methods);
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("a job needs at least one method");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
  }

  /** The job for a model's bytes with the gradient, detected input, raw images, argmax target. */
  static RowJob of(byte[] onnx, String source) {
    return new RowJob(source, sha256(onnx), List.of("gradient"), MethodOptions.none(), null, ImageInput.raw(),
        RowTarget.argmax(), DEFAULT_BATCH_SIZE);
  }

  RowJob withMethods(List<String> names) {
    return new RowJob(source, sha256, names, options, input, images, target, batchSize);
  }

  RowJob withOptions(MethodOptions o) {
    return new RowJob(source, sha256, methods, o, input, images, target, batchSize);
  }

  RowJob withInput(InputSource in) {
    return new RowJob(source, sha256, methods, options, in, images, target, batchSize);
  }

  RowJob withImages(ImageInput preprocessing) {
    return new RowJob(source, sha256, methods, options, input, preprocessing, target, batchSize);
  }

  RowJob withTarget(RowTarget t) {
    return new RowJob(source, sha256, methods, options, input, images, t, batchSize);
  }

  RowJob withBatchSize(int rows) {
    return new RowJob(source, sha256, methods, options, input, images, target, rows);
  }

  /** The input source for a schema: the given one, or the one detected from the schema. */
  InputSource inputSource(StructType schema) {
    return input != null ? input : InputSource.detect(schema);
  }

  /**
   * {@code schema} followed by {@code appended}, after checking the input and target columns.
   *
   * @throws IllegalArgumentException naming the column if one is missing, of the wrong type, or
   *     exists already
   */
  StructType outputSchema(StructType schema, StructType appended) {
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
    return ExplanationColumns.append(schema, appended);
  }

  /**
   * Prepares every method on the driver (so that a wrong model, method or option fails here),
   * broadcasts the model and maps every partition through {@code columns}.
   */
  Dataset<Row> run(Dataset<Row> rows, byte[] model, BatchColumns columns) {
    StructType out = outputSchema(rows.schema(), columns.appended());
    Methods.requireEachApplies(methods, options);
    for (String m : methods) {
      PreparedModels.get(sha256, () -> model, source, m, options);
    }
    Broadcast<byte[]> shipped = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext())
        .broadcast(model);
    return rows.mapPartitions(new BatchedPartition(this, inputSource(rows.schema()), shipped, rows.schema(), columns),
        Encoders.row(out));
  }

  /** See {@link Explain#explainBatch}. */
  Map<String, Attribution> explainBatch(Tensor batch, byte[] model) {
    if (target instanceof RowTarget.Column c) {
      throw new IllegalArgumentException("a batch has no column '" + c.name() + "' to read targets from");
    }
    Methods.requireEachApplies(methods, options);
    Target t = target instanceof RowTarget.Fixed f ? Target.classes(f.index()) : Target.argmax();
    Map<String, Attribution> out = new LinkedHashMap<>();
    for (String m : methods) {
      out.put(m, PreparedModels.get(sha256, () -> model, source, m, options).explain(batch, t));
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
