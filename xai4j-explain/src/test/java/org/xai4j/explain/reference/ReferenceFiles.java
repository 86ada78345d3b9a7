package org.xai4j.explain.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.SharedFolder;

/**
 * Access to {@code ../shared/reference}: ONNX models, inputs and Zennit/Captum attributions (see
 * that folder's README). Tests call {@link #root()}, which skips the test with a message when the
 * folder is absent.
 */
public final class ReferenceFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceFiles() {}

  /** The reference folder; skips the calling test if it does not exist. */
  public static Path root() {
    return SharedFolder.require("reference");
  }

  /** A model file such as {@code models/mlp.onnx}. */
  public static Path model(String name) {
    return root().resolve("models").resolve(name + ".onnx");
  }

  /** Input {@code k} of a model, shape {@code [1, ...]}. */
  public static Tensor input(String model, int k) {
    Path json = root().resolve("inputs").resolve(model + "_in" + k + ".json");
    return readTensor(json, json.resolveSibling(model + "_in" + k + ".bin"), false);
  }

  /** The logits PyTorch computed for input {@code k}. */
  public static float[] logits(String model, int k) {
    JsonNode meta = json(root().resolve("inputs").resolve(model + "_in" + k + ".json"));
    float[] out = new float[meta.get("logits").size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) meta.get("logits").get(i).asDouble();
    }
    return out;
  }

  /** One reference attribution, e.g. {@code attribution("mlp", 0, "zennit__EpsilonPlusFlat")}. */
  public static Reference attribution(String model, int k, String file) {
    Path json = root().resolve("refs").resolve(model).resolve("in" + k).resolve(file + ".json");
    JsonNode meta = json(json);
    return new Reference(meta, readTensor(json, json.resolveSibling(file + ".bin"), false),
        readTensor(json, json.resolveSibling(file + ".f64.bin"), true));
  }

  /** The reference attribution files (without extension) for one model input. */
  public static List<String> attributionNames(String model, int k) {
    Path dir = root().resolve("refs").resolve(model).resolve("in" + k);
    List<String> names = new ArrayList<>();
    try (var files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length())).sorted().forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return names;
  }

  /** A parsed JSON file. */
  public static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Tensor readTensor(Path json, Path bin, boolean float64) {
    JsonNode shapeNode = json(json).get("shape");
    int[] dims = new int[shapeNode.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shapeNode.get(i).asInt();
    }
    Shape shape = Shape.of(dims);
    try {
      ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(bin)).order(ByteOrder.LITTLE_ENDIAN);
      int bytes = float64 ? Double.BYTES : Float.BYTES;
      if (buf.capacity() != shape.size() * bytes) {
        throw new IllegalStateException(bin + " has " + buf.capacity() + " bytes, shape " + shape
            + " needs " + shape.size() * bytes);
      }
      double[] values = new double[shape.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = float64 ? buf.getDouble() : buf.getFloat();
      }
      return Tensor.of(shape, values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + bin, e);
    }
  }

  /**
   * One reference attribution.
   *
   * @param meta the JSON sidecar (params, target, target_logit, precision, ...)
   * @param float32 the float32 result
   * @param float64 the float64 recomputation, rounded to float32 storage
   */
  public record Reference(JsonNode meta, Tensor float32, Tensor float64) {
    /** The explained class. */
    public int target() {
      return meta.get("target").asInt();
    }
  }
}
