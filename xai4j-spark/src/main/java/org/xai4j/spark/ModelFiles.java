package org.xai4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the ONNX file a job broadcasts. */
final class ModelFiles {
  /** The largest array a JVM allocates, and so the largest model a job broadcasts (protobuf's own limit is 2 GiB). */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private ModelFiles() {}

  /**
   * The bytes of {@code file}, checked against the size of one array before they are read.
   *
   * @throws IllegalArgumentException naming the file if it is larger than one array holds
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  static byte[] read(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new IllegalArgumentException("model " + file + ": " + size + " bytes is more than an ONNX protobuf "
            + "file can hold (2 GiB); large models keep their weights as external data, which a Spark job does not "
            + "broadcast");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
    }
  }
}
