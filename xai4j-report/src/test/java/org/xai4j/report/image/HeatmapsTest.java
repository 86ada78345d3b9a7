package org.xai4j.report.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.ChannelReduction;
import org.xai4j.explain.image.Png;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Identity;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class HeatmapsTest {
  private static final int LOW_BYTE = 0xff;

  @Test
  void symmetricScalingPutsZeroAtTheCentre() {
    Tensor map = Tensor.of(Shape.of(2, 2), -1f, 0f, 0.5f, 1f);
    BufferedImage img = Heatmaps.render(map, ColorMap.named("gray"), Scaling.SYMMETRIC, Heatmaps.DEFAULT_LEVEL);
    // u = 0, 0.5, 0.75, 1 -> floor(255 u) = 0, 127, 191, 255
    assertEquals(0, img.getRGB(0, 0) & LOW_BYTE);
    assertEquals(127, img.getRGB(1, 0) & LOW_BYTE);
    assertEquals(191, img.getRGB(0, 1) & LOW_BYTE);
    assertEquals(255, img.getRGB(1, 1) & LOW_BYTE);
  }

  @Test
  void minMaxScalingAndPngRoundTrip(@TempDir Path dir) throws Exception {
    Tensor map = Tensor.of(Shape.of(2, 2), 0f, 1f, 2f, 4f);
    BufferedImage img = Heatmaps.render(map, ColorMap.named("gray"), Scaling.MIN_MAX, Heatmaps.DEFAULT_LEVEL);
    Path png = dir.resolve("h.png");
    Png.write(img, png);
    BufferedImage back = ImageIO.read(Files.newInputStream(png));
    assertEquals(63, back.getRGB(1, 0) & LOW_BYTE);
    assertEquals(127, back.getRGB(0, 1) & LOW_BYTE);
  }

  @Test
  void overlayBlendsPerChannel() {
    BufferedImage heat = Heatmaps.render(Tensor.of(Shape.of(1, 1), 1f), ColorMap.named("bwr"), Scaling.SYMMETRIC, 1);
    BufferedImage base = Heatmaps.image(Tensor.of(Shape.of(1, 1, 1), 0f));
    // red (255, 0, 0) at alpha 0.5 over black
    assertEquals(0x800000, Heatmaps.overlay(heat, base, 0.5).getRGB(0, 0) & 0xffffff);
  }

  @Test
  void enlargeDrawsEachPixelAsAWholeBlock() {
    // a 3 x 2 map: -1, 0, 1 / 0.5, -0.5, 0.25 under bwr, each pixel a different colour
    BufferedImage small = Heatmaps.render(Tensor.of(Shape.of(2, 3), -1f, 0f, 1f, 0.5f, -0.5f, 0.25f),
        ColorMap.named("bwr"), Scaling.SYMMETRIC, Heatmaps.DEFAULT_LEVEL);
    BufferedImage big = Heatmaps.enlarge(small, 4);
    assertEquals(12, big.getWidth());
    assertEquals(8, big.getHeight());
    for (int y = 0; y < big.getHeight(); y++) {
      for (int x = 0; x < big.getWidth(); x++) {
        assertEquals(small.getRGB(x / 4, y / 4), big.getRGB(x, y), x + "," + y);
      }
    }
    assertEquals(small, Heatmaps.enlarge(small, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Heatmaps.enlarge(small, 0));
    assertEquals("an enlargement factor must be at least 1, got 0", e.getMessage());
  }

  @Test
  void channelReductions() {
    // [1, 2, 1, 2]: channel 0 = [1, -3], channel 1 = [2, 1]
    GraphBuilder b = Graph.builder();
    Graph g = b.output(b.add("id", new Identity(), b.input("x", -1, 2, 1, 2))).build();
    Attribution a = new Attribution(g, Tensor.of(Shape.of(1, 2, 1, 2), 1f, -3f, 2f, 1f), Tensor.zeros(Shape.of(1, 3)),
        v -> null);
    assertArrayEquals(new float[] {3f, -2f}, a.heatmap(ChannelReduction.SUM).toArray());
    assertArrayEquals(new float[] {3f, 4f}, a.heatmap(ChannelReduction.ABS_SUM).toArray());
    assertArrayEquals(new float[] {2f, 1f}, a.heatmap(ChannelReduction.MAX).toArray());
    assertEquals(Shape.of(1, 1, 2), a.heatmap(ChannelReduction.SUM).shape());
  }
}
