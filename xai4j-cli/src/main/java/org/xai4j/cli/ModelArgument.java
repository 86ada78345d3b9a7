package org.xai4j.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.xai4j.graph.Graph;
import org.xai4j.models.BundledModels;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.onnx.OnnxImporter;

/** A model argument ({@code --model}, {@code --decoder}): an ONNX file, or the name of a trained bundled model. */
final class ModelArgument {
  private ModelArgument() {}

  /** The trained bundled models' names, for help and completion. */
  static final class BundledNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    BundledNames() {
      super(BundledModels.names().stream().filter(BundledModelFiles::exists).toList());
    }
  }

  /**
   * The graph.
   *
   * @throws IllegalArgumentException if the argument is neither a file nor a bundled model (listing them)
   */
  static Graph load(String model) {
    if (Files.exists(Path.of(model))) {
      return OnnxImporter.read(Path.of(model));
    }
    return BundledModelFiles.load(checkBundled(model));
  }

  /**
   * The parsed ONNX file or bundled model, for inspection.
   *
   * @throws IllegalArgumentException if the argument is neither a file nor a bundled model (listing them)
   */
  static ModelProto proto(String model) {
    if (Files.exists(Path.of(model))) {
      return OnnxImporter.parse(Path.of(model));
    }
    return BundledModelFiles.proto(checkBundled(model));
  }

  /** The file name of a model file, or the bundled model's name. */
  static String displayName(String model) {
    Path p = Path.of(model);
    return Files.exists(p) ? p.getFileName().toString() : model;
  }

  /**
   * Checks, before anything is computed, that the argument names a file or a trained bundled model.
   *
   * @throws IllegalArgumentException listing the bundled models otherwise
   */
  static String checkBundled(String model) {
    if (Files.exists(Path.of(model))) {
      return model;
    }
    if (!new BundledNames().contains(model)) {
      throw new IllegalArgumentException("--model '" + model + "' is neither a file nor a bundled model; bundled: "
          + String.join(", ", new BundledNames()));
    }
    return model;
  }
}
