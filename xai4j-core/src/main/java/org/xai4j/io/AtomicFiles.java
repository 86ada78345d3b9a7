package org.xai4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling ({@code <name><random>.part} in the same folder) and an atomic move, so
 * readers never see half a file and a failed write leaves neither a partial target nor the temporary file behind.
 * The one place in xai4j that writes output files.
 */
public final class AtomicFiles {
  private static final String TEMP_SUFFIX = ".part";

  private AtomicFiles() {}

  /** The content a writer produces. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole content to {@code out}; the stream is closed by the caller. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code file} atomically: the content goes to a temporary file in the same folder, which then replaces
   * {@code file} with {@code Files.move(..., REPLACE_EXISTING, ATOMIC_MOVE)}. The folder must exist.
   *
   * @throws IOException if writing or moving fails, including an exception thrown by {@code content}; the
   *     temporary file is removed and an existing {@code file} is left untouched
   */
  public static void write(Path file, Content content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), TEMP_SUFFIX);
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Like {@link #write(Path, Content)}, but first creates the folder of {@code file} (and its parents) if needed.
   *
   * @throws IOException if creating the folder, writing or moving fails (the temporary file is removed)
   */
  public static void writeCreatingDirectories(Path file, Content content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    write(file, content);
  }
}
