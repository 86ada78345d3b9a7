package org.xai4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the ONNX file a job broadcasts. */
final class ModelFiles {
  private ModelFiles() {}

  /**
   * The bytes of {@code file}.
   *
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
    }
  }
}
