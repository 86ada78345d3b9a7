package org.xai4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.SharedFolder;

/**
 * The PyTorch-exported reference models in {@code shared/reference} reproduce the recorded logits
 * to relative 1e-5, one sample at a time and as one batch of two (dynamic batch dimension).
 */
class ReferenceModelsTest {
  private static final double RELATIVE_TOLERANCE = 1e-5;
  private static final int SAMPLES = 2;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mlp, mlp", "smallcnn, smallcnn", "resnetish, resnetish", "resnetish_bnfused, resnetish"})
  void reproducesLogits(String model, String inputs) throws IOException {
    Path ref = SharedFolder.require("reference");
    Path file = ref.resolve("models").resolve(model + ".onnx");
    List<String> unsupported = OnnxImporter.unsupportedOps(OnnxImporter.parse(file)).keySet().stream().toList();
    if (!model.equals("mlp")) {
      Assumptions.assumeTrue(unsupported.isEmpty(), "skipped: " + model + " needs ops not yet supported " + unsupported);
    }
    Graph g = OnnxImporter.read(file);
    List<Tensor> xs = new ArrayList<>();
    List<Tensor> expected = new ArrayList<>();
    for (int k = 0; k < SAMPLES; k++) {
      JsonNode meta = new ObjectMapper().readTree(ref.resolve("inputs").resolve(inputs + "_in" + k + ".json").toFile());
      Tensor x = readBin(ref.resolve("inputs").resolve(meta.get("file").asText()), shapeOf(meta.get("shape")));
      float[] logits = new float[meta.get("logits").size()];
      for (int i = 0; i < logits.length; i++) {
        logits[i] = (float) meta.get("logits").get(i).asDouble();
      }
      Tensor want = Tensor.of(Shape.of(1, logits.length), logits);
      Tensor got = g.forward(x).output();
      double err = relativeError(got, want);
      System.out.printf("%s in%d: max relative logit error %.3g%n", model, k, err);
      assertTrue(err <= RELATIVE_TOLERANCE, model + " in" + k + ": relative error " + err + ", got " + got + " want " + want);
      xs.add(x);
      expected.add(want);
    }
    Tensor batch = g.forward(Tensor.concat0(xs)).output();
    assertEquals(SAMPLES, batch.shape().dim(0));
    assertTrue(relativeError(batch, Tensor.concat0(expected)) <= RELATIVE_TOLERANCE, model + " as a batch");
  }

  /** Largest absolute difference divided by the largest magnitude of the expected values. */
  static double relativeError(Tensor got, Tensor want) {
    got.requireSameShape(want, "relativeError");
    return got.maxAbsDifference(want) / Math.max(want.maxAbs(), Float.MIN_NORMAL);
  }

  private static Shape shapeOf(JsonNode dims) {
    int[] d = new int[dims.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = dims.get(i).asInt();
    }
    return Shape.of(d);
  }

  private static Tensor readBin(Path file, Shape shape) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[shape.size()];
    b.asFloatBuffer().get(v);
    return Tensor.of(shape, v);
  }
}
