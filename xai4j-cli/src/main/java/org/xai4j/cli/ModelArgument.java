package org.xai4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.xai4j.graph.Graph;
import org.xai4j.models.BundledModels;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.onnx.OnnxImporter;

/** A {@code --model} argument: an ONNX file, or the name of a bundled model. */
final class ModelArgument {
  private ModelArgument() {}

  /**
   * The graph.
   *
   * @throws IllegalArgumentException if the argument is neither a file nor a bundled model (listing them)
   */
  static Graph load(String model) {
    if (Files.exists(Path.of(model))) {
      return OnnxImporter.read(Path.of(model));
    }
    if (!BundledModels.names().contains(model) || !BundledModelFiles.exists(model)) {
      throw new IllegalArgumentException("--model '" + model + "' is neither a file nor a bundled model "
          + BundledModels.names());
    }
    return BundledModelFiles.load(model);
  }
}
