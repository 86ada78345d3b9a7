package org.xai4j.explain.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class ImageInputTest {
  @Test
  void readsScalesCropsAndNormalizes(@TempDir Path dir) throws Exception {
    // 4 wide x 2 high; pixel (x, y) has red 10 x, green 100 y, blue 255
    BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 4; x++) {
        img.setRGB(x, y, (10 * x) << 16 | (100 * y) << 8 | 255);
      }
    }
    Path png = dir.resolve("in.png");
    ImageIO.write(img, "png", png.toFile());
    Tensor raw = ImageInput.raw().read(png);
    assertEquals(Shape.of(1, 3, 2, 4), raw.shape());
    assertEquals(30 / 255f, raw.get(0, 0, 1, 3), 1e-7f);
    assertEquals(100 / 255f, raw.get(0, 1, 1, 0), 1e-7f);
    // crop 2: rows 0..1, columns 1..2; normalize with mean 0.5, std 0.5
    Tensor t = new ImageInput(0, 2, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}).read(png);
    assertEquals(Shape.of(1, 3, 2, 2), t.shape());
    assertArrayEquals(new float[] {(10 / 255f - 0.5f) / 0.5f, (20 / 255f - 0.5f) / 0.5f},
        new float[] {t.get(0, 0, 0, 0), t.get(0, 0, 0, 1)}, 1e-6f);
    assertEquals(1f, t.get(0, 2, 1, 1), 1e-6f);
  }

  @Test
  void greyImagesKeepTheirValuesInEveryChannel(@TempDir Path dir) throws Exception {
    BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 128);
    grey.getRaster().setSample(1, 0, 0, 30);
    Path png = dir.resolve("grey.png");
    ImageIO.write(grey, "png", png.toFile());
    Tensor t = ImageInput.raw().read(png);
    // PIL's convert("RGB") and torchvision's ToTensor: 128 / 255, not the sRGB-mapped 188 / 255
    assertArrayEquals(new float[] {128 / 255f, 30 / 255f, 128 / 255f, 30 / 255f, 128 / 255f, 30 / 255f},
        t.toArray(), 0f);
  }

  @Test
  void resizeScalesTheShorterSide() {
    BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    assertEquals(Shape.of(1, 3, 4, 8), new ImageInput(4, 0, new float[3], new float[] {1, 1, 1}).apply(img).shape());
  }

  @Test
  void missingFileAndNonImageNameTheFile(@TempDir Path dir) throws Exception {
    ImageInput in = new ImageInput(0, 0, new float[3], new float[] {1, 1, 1});
    Path missing = dir.resolve("missing.png");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> in.read(missing));
    assertEquals(missing + ": no such file", e.getMessage());
    Path text = Files.writeString(dir.resolve("text.png"), "not an image");
    e = assertThrows(UncheckedIOException.class, () -> in.read(text));
    assertEquals("not a PNG/JPEG image: " + text, e.getMessage());
  }

  /** A valid 1 x 1 PNG whose header is rewritten to declare {@code w x h} pixels (the CRC is recomputed). */
  private static byte[] pngDeclaring(int w, int h) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", out);
    byte[] png = out.toByteArray();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
    b.putInt(16, w).putInt(20, h); // IHDR data starts after the 8-byte signature, length and type
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(png, 12, 17);
    b.putInt(29, (int) crc.getValue());
    return png;
  }

  @Test
  void aSmallFileDeclaringAHugeImageFailsOnThePixelLimitBeforeDecoding(@TempDir Path dir) throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.png"), pngDeclaring(20_000, 20_000));
    org.xai4j.limit.LimitExceededException e = assertThrows(org.xai4j.limit.LimitExceededException.class,
        () -> ImageInput.raw().read(bomb));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("image " + bomb + " of 20000 x 20000 pixels")
        && e.getMessage().contains("image-pixels"), e.getMessage());
  }

  @Test
  void aResizeBeyondThePixelLimitFailsNamingTheOption(@TempDir Path dir) throws Exception {
    Path small = dir.resolve("small.png");
    ImageIO.write(new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB), "png", small.toFile());
    org.xai4j.limit.LimitExceededException e = assertThrows(org.xai4j.limit.LimitExceededException.class,
        () -> new ImageInput(2_000_000_000, 0, new float[3], new float[] {1, 1, 1}).read(small));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("--resize 2000000000 of a 4 x 2 image"),
        e.getMessage());
  }
}
