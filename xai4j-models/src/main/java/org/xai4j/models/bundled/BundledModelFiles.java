package org.xai4j.models.bundled;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.models.BundledModels;
import org.xai4j.onnx.OnnxImporter;

/**
 * The trained bundled models shipped with xai4j: for every recipe of {@link BundledModels}, an
 * ONNX file {@code <name>.onnx} and a JSON sidecar {@code <name>.json} (description, metrics,
 * training record) in this package's resources, written by {@code xai4j train <name>} (run from
 * the repository root, which writes to {@link #SOURCE_FOLDER}).
 */
public final class BundledModelFiles {
  /** Where {@code xai4j train} writes bundled models, relative to the repository root. */
  public static final String SOURCE_FOLDER = "xai4j-models/src/main/resources/org/xai4j/models/bundled";
  private static final String ONNX = ".onnx";
  private static final String JSON = ".json";

  private BundledModelFiles() {}

  /** Whether the model of that name has been trained and committed. */
  public static boolean exists(String name) {
    BundledModels.named(name);
    return BundledModelFiles.class.getResource(name + ONNX) != null
        && BundledModelFiles.class.getResource(name + JSON) != null;
  }

  /**
   * The trained graph of a bundled model.
   *
   * @throws IllegalArgumentException if there is no recipe of that name (listing the names)
   * @throws IllegalStateException if the model has not been trained and committed
   */
  public static Graph load(String name) {
    return OnnxImporter.convert(proto(name), null, "bundled model " + name + ONNX);
  }

  /**
   * The ONNX model of a bundled model as parsed protobuf (for inspection).
   *
   * @throws IllegalArgumentException if there is no recipe of that name (listing the names)
   * @throws IllegalStateException if the model has not been trained and committed
   */
  public static ModelProto proto(String name) {
    try {
      return ModelProto.parseFrom(bytes(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled model " + name + ONNX + ": " + e.getMessage(), e);
    }
  }

  /**
   * The ONNX file of a bundled model as bytes (what {@code xai4j-spark} broadcasts to its executors).
   *
   * @throws IllegalArgumentException if there is no recipe of that name (listing the names)
   * @throws IllegalStateException if the model has not been trained and committed
   */
  public static byte[] bytes(String name) {
    try (InputStream in = open(name + ONNX)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled model " + name + ONNX + ": " + e.getMessage(), e);
    }
  }

  /** The metrics recorded in the model's sidecar when it was trained, in file order. */
  public static Map<String, Double> metrics(String name) {
    Map<String, Double> m = new LinkedHashMap<>();
    sidecar(name).get("metrics").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
    return m;
  }

  /** The whole JSON sidecar of a model. */
  public static JsonNode sidecar(String name) {
    try (InputStream in = open(name + JSON)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sidecar " + name + JSON + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(String resource) {
    String name = resource.substring(0, resource.lastIndexOf('.'));
    if (!exists(name)) {
      throw new IllegalStateException("bundled model '" + name + "' has not been trained yet: run "
          + "'./xai4j train " + name + "' in the repository root and commit " + SOURCE_FOLDER + "/" + name + ".*");
    }
    return BundledModelFiles.class.getResourceAsStream(resource);
  }
}
