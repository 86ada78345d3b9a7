package org.xai4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.xai4j.io.AtomicFiles;

/**
 * The files of {@code xai4j demo}, written into the temporary folder of an {@link AtomicFiles.Folder} that the
 * command moves into place once the report is complete. Every file is written through {@link AtomicFiles}.
 */
final class DemoFiles {
  private final Path dir;

  /** Files in {@code folder}'s temporary folder. */
  DemoFiles(AtomicFiles.Folder folder) {
    this.dir = folder.path();
  }

  /** The folder the files go into (the temporary folder until the report is moved into place). */
  Path dir() {
    return dir;
  }

  /** Writes {@code image} as PNG to {@code name} (relative to the folder) and returns {@code name}. */
  String png(String name, BufferedImage image) {
    write(name, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    });
    return name;
  }

  /** Writes {@code text} as UTF-8 to {@code name} (relative to the folder) and returns {@code name}. */
  String text(String name, String text) {
    write(name, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    return name;
  }

  private void write(String name, AtomicFiles.Content content) {
    Path file = dir.resolve(name);
    try {
      AtomicFiles.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
