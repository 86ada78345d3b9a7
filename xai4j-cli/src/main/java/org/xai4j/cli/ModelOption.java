package org.xai4j.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xai4j.graph.Graph;
import picocli.CommandLine.Option;

/**
 * The {@code --model} option of every command that takes a model (a picocli mixin): an ONNX file or
 * the name of a bundled model ({@code mnist-cnn}, {@code shapes-cnn}, ...). Public for
 * {@code xai4j spark-explain}.
 */
public final class ModelOption {
  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "ONNX file or bundled model: ${COMPLETION-CANDIDATES}.",
      completionCandidates = ModelArgument.BundledNames.class)
  String model;

  /** The argument as given. */
  public String name() {
    return model;
  }

  /** The model file, or {@code null} for a bundled model. */
  public Path file() {
    return Files.isRegularFile(Path.of(model)) ? Path.of(model) : null;
  }

  /** Whether the argument names a bundled model rather than a path; {@link #check()} tells whether one exists. */
  public boolean bundled() {
    return !Files.exists(Path.of(model));
  }

  /**
   * Checks that the model exists (file or bundled name) before anything is computed.
   *
   * @throws IllegalArgumentException listing the bundled models if the argument names neither
   */
  public void check() {
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
