package org.xai4j.explain.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.xai4j.limit.Limit;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Reads a PNG or JPEG file into a model input {@code [1, 3, H, W]} with torchvision-style
 * preprocessing: {@code Resize(resize)} (the shorter side becomes {@code resize}, bilinear with
 * half-pixel centres and, unlike torchvision's antialiased resize, no low-pass filter when
 * shrinking), {@code CenterCrop(crop)}, {@code ToTensor()} (values in {@code [0, 1]}) and
 * {@code Normalize(mean, std)} per channel. Serializable, so that a Spark job can ship it to its
 * executors.
 *
 * @param resize target length of the shorter side, or 0 to keep the size
 * @param crop side of the centred square crop, or 0 for none
 * @param mean per-channel mean subtracted after scaling to {@code [0, 1]} (3 values)
 * @param std per-channel standard deviation divided by (3 values)
 */
public record ImageInput(int resize, int crop, float[] mean, float[] std) implements Serializable {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final int CHANNELS = 3;
  private static final float MAX_BYTE = 255f;
  private static final int BYTE_MASK = 0xff;
  /** ImageNet statistics, torchvision's usual {@code Normalize} values. */
  public static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
  /** ImageNet standard deviations. */
  public static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

  /** Copies and checks the statistics. */
  public ImageInput {
    if (mean.length != CHANNELS || std.length != CHANNELS || resize < 0 || crop < 0) {
      throw new IllegalArgumentException("image preprocessing needs 3 means, 3 stds and sizes >= 0; got mean "
          + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ", resize " + resize + ", crop " + crop);
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("image std must be positive, got " + Arrays.toString(std));
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** No resizing, no crop, values in {@code [0, 1]}. */
  public static ImageInput raw() {
    return new ImageInput(0, 0, new float[CHANNELS], new float[] {1f, 1f, 1f});
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  /**
   * Reads and preprocesses an image file.
   *
   * @throws UncheckedIOException naming the file if it cannot be read or is not an image
   * @throws org.xai4j.limit.LimitExceededException if the header declares more pixels than
   *     {@link Limit#IMAGE_PIXELS} allows (checked before decoding)
   * @throws IllegalArgumentException if the crop is larger than the resized image
   */
  public Tensor read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(file + ": no such file", new NoSuchFileException(file.toString()));
    }
    BufferedImage img;
    try {
      img = decode(file.toFile(), file.toString());
    } catch (IOException e) {
      Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
      throw new UncheckedIOException("cannot read image " + file + ": " + cause.getMessage(), e);
    }
    if (img == null) {
      String message = "not a PNG/JPEG image: " + file;
      throw new UncheckedIOException(message, new IOException(message));
    }
    return apply(img);
  }

  /**
   * Decodes an image as {@code ImageIO.read} does, but reads the header first and checks its pixel count against
   * {@link Limit#IMAGE_PIXELS}, so a small file declaring a huge image fails before any pixel memory is taken.
   *
   * @param input a {@link java.io.File} or an {@link java.io.InputStream}, as {@link ImageIO#createImageInputStream}
   *     takes
   * @param source names the image in messages
   * @return the image, or {@code null} if no installed reader recognizes the data
   * @throws IOException if the data is recognized but cannot be decoded
   * @throws org.xai4j.limit.LimitExceededException if the header declares too many pixels
   */
  public static BufferedImage decode(Object input, String source) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(input)) {
      Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        Limit.IMAGE_PIXELS.check(w * h, () -> "image " + source + " of " + w + " x " + h + " pixels");
        return reader.read(0);
      } catch (LimitExceededException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // the JDK's decoders throw unchecked exceptions (index, size, state) for some corrupt files, and I/O
        // exceptions without a message (EOFException) for truncated ones
        throw new IOException("corrupt or truncated image data (" + e + ")", e);
      } finally {
        reader.dispose();
      }
    }
  }

  /** Preprocesses an image. */
  public Tensor apply(BufferedImage img) {
    Tensor t = pixels(img);
    if (resize > 0) {
      long h = img.getHeight();
      long w = img.getWidth();
      long newH = h <= w ? resize : resize * h / w;
      long newW = h <= w ? resize * w / h : resize;
      long pixels = newH > Long.MAX_VALUE / newW ? Long.MAX_VALUE : newH * newW;
      Limit.IMAGE_PIXELS.check(pixels, () -> "--resize " + resize + " of a " + w + " x " + h + " image ("
          + newW + " x " + newH + ")");
      t = Bilinear.resize(t, (int) newH, (int) newW);
    }
    if (crop > 0) {
      t = centerCrop(t, crop);
    }
    return normalize(t);
  }

  /**
   * The image's values in {@code [0, 1]}, {@code [1, 3, H, W]}. Grey images (one colour component)
   * are read from their raster and repeated over the three channels, as PIL's {@code convert("RGB")}
   * does; {@code getRGB} would map their linear grey space to sRGB and brighten mid-greys
   * (128 to 188).
   */
  private static Tensor pixels(BufferedImage img) {
    int h = img.getHeight();
    int w = img.getWidth();
    float[] d = new float[CHANNELS * h * w];
    boolean grey = img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    Raster raster = img.getRaster();
    float greyMax = (1 << img.getColorModel().getComponentSize(0)) - 1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = grey ? 0 : img.getRGB(x, y);
        for (int c = 0; c < CHANNELS; c++) {
          int shift = (CHANNELS - 1 - c) * Byte.SIZE;
          d[(c * h + y) * w + x] = grey ? raster.getSample(x, y, 0) / greyMax : ((rgb >> shift) & BYTE_MASK) / MAX_BYTE;
        }
      }
    }
    return INTERNALS.adopt(Shape.of(1, CHANNELS, h, w), d);
  }

  private static Tensor centerCrop(Tensor t, int size) {
    int h = t.shape().dim(2);
    int w = t.shape().dim(3);
    if (size > h || size > w) {
      throw new IllegalArgumentException("crop " + size + " is larger than the resized image " + h + "x" + w);
    }
    int top = (int) Math.round((h - size) / 2.0);
    int left = (int) Math.round((w - size) / 2.0);
    float[] src = INTERNALS.array(t);
    float[] d = new float[CHANNELS * size * size];
    for (int c = 0; c < CHANNELS; c++) {
      for (int y = 0; y < size; y++) {
        System.arraycopy(src, (c * h + top + y) * w + left, d, (c * size + y) * size, size);
      }
    }
    return INTERNALS.adopt(Shape.of(1, CHANNELS, size, size), d);
  }

  private Tensor normalize(Tensor t) {
    int plane = t.shape().dim(2) * t.shape().dim(3);
    float[] src = INTERNALS.array(t);
    float[] d = new float[src.length];
    for (int i = 0; i < d.length; i++) {
      int c = i / plane;
      d[i] = (src[i] - mean[c]) / std[c];
    }
    return INTERNALS.adopt(t.shape(), d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageInput other && other.resize == resize && other.crop == crop
        && Arrays.equals(other.mean, mean) && Arrays.equals(other.std, std);
  }

  @Override
  public int hashCode() {
    return (resize * 31 + crop) * 31 + Arrays.hashCode(mean);
  }

  @Override
  public String toString() {
    return "ImageInput[resize=" + resize + ", crop=" + crop + ", mean=" + Arrays.toString(mean) + ", std="
        + Arrays.toString(std) + "]";
  }
}
