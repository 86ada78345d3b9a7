package org.xai4j.explain.zoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Tensor;

/**
 * One architecture of the repository's test zoo ({@code zoo/}, written by {@code zoo/generate.py}
 * with PyTorch 1.13; see {@code zoo/README.md}): its ONNX exports per opset, inputs, PyTorch's
 * float32 logits, float64 input gradients, optional Zennit float64 relevances, and
 * {@code meta.json}.
 *
 * @param name the architecture, e.g. {@code resnet_basic}
 * @param dir its folder
 * @param meta the parsed {@code meta.json}
 */
record ZooModel(String name, Path dir, JsonNode meta) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The marker file that identifies the zoo folder. */
  private static final String MARKER = "PROVENANCE.json";

  /** System property naming another zoo folder (for investigations with other exports). */
  static final String PROPERTY = "xai4j.zoo";

  /**
   * The zoo folder: {@code -Dxai4j.zoo=DIR} if set, else {@code zoo/} in the working directory or
   * one of its parents (it is committed).
   */
  static Path root() {
    String explicit = System.getProperty(PROPERTY);
    if (explicit != null) {
      return Path.of(explicit);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("zoo");
      if (Files.isRegularFile(candidate.resolve(MARKER))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no zoo/" + MARKER + " in " + Path.of("").toAbsolutePath()
        + " or any parent; the test zoo is part of the repository");
  }

  /** Every architecture of the zoo, by name. */
  static List<ZooModel> all() {
    try (Stream<Path> s = Files.list(root())) {
      List<ZooModel> out = new ArrayList<>();
      for (Path dir : s.filter(d -> Files.isRegularFile(d.resolve("meta.json"))).sorted().toList()) {
        out.add(new ZooModel(dir.getFileName().toString(), dir, JSON.readTree(dir.resolve("meta.json").toFile())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The architecture of that name. */
  static ZooModel named(String name) {
    return all().stream().filter(m -> m.name.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no zoo architecture '" + name + "'"));
  }

  /** The exported opsets, ascending. */
  List<Integer> opsets() {
    List<Integer> out = new ArrayList<>();
    meta.get("opsets").forEach(o -> out.add(o.asInt()));
    return out;
  }

  /** The export at an opset. */
  Path file(int opset) {
    return dir.resolve("model-opset" + opset + ".onnx");
  }

  /** The export at an opset, imported. */
  Graph graph(int opset) {
    return OnnxImporter.read(file(opset));
  }

  /** The inputs, {@code [N, ...]}. */
  Tensor input() {
    return npy("input.npy");
  }

  /** PyTorch's float32 logits. */
  Tensor logits() {
    return npy("logits.npy");
  }

  /** The target class of each sample (the argmax of PyTorch's float64 logits). */
  int[] targets() {
    int[] t = new int[meta.get("targets").size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = meta.get("targets").get(i).asInt();
    }
    return t;
  }

  /** PyTorch's float64 gradient of each sample's target logit with respect to its input. */
  Npy.Float64Array gradient64() {
    return doubles("gradient64.npy");
  }

  /** PyTorch's own float32 gradient error against float64, relative to the largest magnitude. */
  double torchFloat32GradientError() {
    return meta.get("torch_float32_gradient_error").asDouble();
  }

  /** The Zennit composites with a float64 reference, e.g. {@code EpsilonPlusFlat}. */
  List<String> zennitComposites() {
    List<String> out = new ArrayList<>();
    meta.get("zennit").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Zennit's float64 relevance for a composite. */
  Npy.Float64Array zennit(String composite) {
    return doubles("lrp-" + composite + ".npy");
  }

  /** Zennit's own float32 relevance error against float64 for a composite. */
  double zennitFloat32Error(String composite) {
    return meta.get("zennit").get(composite).get("float32_error").asDouble();
  }

  private Tensor npy(String file) {
    try {
      return Npy.read(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Npy.Float64Array doubles(String file) {
    try {
      Path path = dir.resolve(file);
      return Npy.decodeFloat64(Files.readAllBytes(path), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
