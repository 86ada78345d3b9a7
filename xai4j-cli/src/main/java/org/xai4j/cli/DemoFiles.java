package org.xai4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * The output folder of {@code xai4j demo}. Every file is written to a temporary sibling and moved
 * into place atomically, so a reader (a browser showing the report) never sees half a file.
 */
final class DemoFiles {
  private static final String PART = ".part";
  private final Path dir;

  /** Creates {@code dir} if needed. */
  DemoFiles(Path dir) {
    try {
      this.dir = Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The output folder. */
  Path dir() {
    return dir;
  }

  /** Writes {@code image} as PNG to {@code name} (relative to the folder) and returns {@code name}. */
  String png(String name, BufferedImage image) {
    write(name, tmp -> {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer available");
      }
    });
    return name;
  }

  /** Writes {@code text} as UTF-8 to {@code name} (relative to the folder) and returns {@code name}. */
  String text(String name, String text) {
    write(name, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    return name;
  }

  /** Writes a file through {@code writer} into a temporary sibling, then moves it to {@code name}. */
  void write(String name, Writer writer) {
    Path file = dir.resolve(name);
    Path tmp = null;
    try {
      Files.createDirectories(file.getParent());
      tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), PART);
      writer.writeTo(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      deleteTemporary(tmp, file);
    }
  }

  private static void deleteTemporary(Path tmp, Path file) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the temporary file of " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the whole content of one file to a given (temporary) path. */
  @FunctionalInterface
  interface Writer {
    /** Writes everything to {@code file}. */
    void writeTo(Path file) throws IOException;
  }
}
