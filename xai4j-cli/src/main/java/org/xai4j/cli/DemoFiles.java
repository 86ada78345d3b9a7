package org.xai4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.xai4j.io.AtomicFiles;

/**
 * The output folder of {@code xai4j demo}. Every file is written through {@link AtomicFiles} (a
 * temporary sibling moved into place), so a reader such as a browser showing the report never
 * sees half a file.
 */
final class DemoFiles {
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
