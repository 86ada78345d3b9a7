package org.xai4j.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.xai4j.graph.Graph;
import org.xai4j.models.bundled.BundledModelFiles;

/** The bundled models the tests explain, as graphs and as the ONNX bytes a job broadcasts. */
final class TestModels {
  private TestModels() {}

  static Graph mnistCnn() {
    return BundledModelFiles.load("mnist-cnn");
  }

  static byte[] mnistCnnBytes() {
    return bytes("mnist-cnn");
  }

  static byte[] bytes(String name) {
    try (InputStream in = BundledModelFiles.class.getResourceAsStream(name + ".onnx")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
