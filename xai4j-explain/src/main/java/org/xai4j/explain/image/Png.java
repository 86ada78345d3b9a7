package org.xai4j.explain.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.xai4j.io.AtomicFiles;

/** Writing images as PNG: in memory, or to a file atomically. The counterpart of {@link ImageInput}. */
public final class Png {
  private Png() {}

  /**
   * An image encoded as PNG, in memory ({@code ImageIO.write} to a stream would buffer through a
   * temporary file).
   */
  public static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG: " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /**
   * Writes an image as PNG, atomically ({@link AtomicFiles#write}): a failed write leaves no partial file. The
   * image is encoded in memory, so nothing is written outside the target folder. An existing file is replaced.
   *
   * @throws UncheckedIOException naming the file if writing fails
   */
  public static void write(BufferedImage image, Path file) {
    write(image, file, AtomicFiles.Existing.REPLACE);
  }

  /**
   * Like {@link #write(BufferedImage, Path)}, with a choice about an existing file.
   *
   * @throws UncheckedIOException naming the file if writing fails or if {@code file} exists and
   *     {@code existing} refuses it
   */
  public static void write(BufferedImage image, Path file, AtomicFiles.Existing existing) {
    byte[] bytes = encode(image);
    try {
      AtomicFiles.write(file, out -> out.write(bytes), existing);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write PNG " + file + ": " + e.getMessage(), e);
    }
  }
}
