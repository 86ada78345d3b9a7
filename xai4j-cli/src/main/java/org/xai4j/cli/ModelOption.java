package org.xai4j.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xai4j.graph.Graph;
import picocli.CommandLine.Option;

/**
 * The {@code --model} option of every command that takes a model (a picocli mixin): an ONNX file or
 * the name of a bundled model ({@code mnist-cnn}, {@code shapes-cnn}, ...).
 */
final class ModelOption {
  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "ONNX file or bundled model: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ModelArgument.BundledNames.class)
  String model;

  /** The argument as given. */
  String name() {
    return model;
  }

  /** The model file, or {@code null} for a bundled model. */
  Path file() {
    return Files.isRegularFile(Path.of(model)) ? Path.of(model) : null;
  }

  /** Checks that the model exists (file or bundled name) before anything is computed. */
  void check() {
    ModelArgument.checkBundled(model);
  }

  /** The imported graph. */
  Graph load() {
    return ModelArgument.load(model);
  }

  /** The parsed ONNX model. */
  ModelProto proto() {
    return ModelArgument.proto(model);
  }
}
