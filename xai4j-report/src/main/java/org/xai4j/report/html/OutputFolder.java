package org.xai4j.report.html;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.xai4j.explain.image.Png;
import org.xai4j.io.AtomicFiles;
import org.xai4j.io.Npy;
import org.xai4j.report.metric.Curves;
import org.xai4j.report.metric.LinePlot;
import org.xai4j.tensor.Tensor;

/**
 * The output folder of an HTML report: the temporary folder of an {@link AtomicFiles.Folder} that the caller
 * moves into place once the report is complete. Every file is written through {@link AtomicFiles}.
 */
public final class OutputFolder {
  private final Path dir;

  /** Files in {@code folder}'s temporary folder. */
  public OutputFolder(AtomicFiles.Folder folder) {
    this.dir = folder.path();
  }

  /** The folder the files go into (the temporary folder until the report is moved into place). */
  public Path dir() {
    return dir;
  }

  /** Writes {@code image} as PNG to {@code name} (relative to the folder) and returns {@code name}. */
  public String png(String name, BufferedImage image) {
    Png.write(image, dir.resolve(name));
    return name;
  }

  /** Writes {@code curves} as the line-plot PNG {@code name} (relative to the folder) and returns {@code name}. */
  public String plot(String name, Curves curves) {
    Path file = dir.resolve(name);
    try {
      LinePlot.defaults().writePng(file, curves);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write plot " + file + ": " + e.getMessage(), e);
    }
    return name;
  }

  /** Writes {@code text} as UTF-8 to {@code name} (relative to the folder) and returns {@code name}. */
  public String text(String name, String text) {
    write(name, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    return name;
  }

  /** Writes {@code t} as a float32 {@code .npy} array to {@code name} (relative to the folder) and returns {@code name}. */
  public String npy(String name, Tensor t) {
    byte[] bytes = Npy.encode(t);
    write(name, out -> out.write(bytes));
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
