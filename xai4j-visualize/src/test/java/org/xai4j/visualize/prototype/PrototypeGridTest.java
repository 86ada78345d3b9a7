package org.xai4j.visualize.prototype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.io.AtomicFiles;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class PrototypeGridTest {
  private static MethodResult result(PrototypeMethod m, OptionalDouble ll) {
    int[] classes = {3, 7};
    Tensor images = Tensor.full(Shape.of(2, 1, 4, 5), 0.5f);
    List<PrototypeQuality> q = new ArrayList<>();
    for (int c : classes) {
      q.add(new PrototypeQuality(c, 0.97, 5.1, ll, 200));
    }
    return new MethodResult(m, "objective", new Prototypes(classes, images, Optional.empty(), new double[] {1, 2}, 200),
        q, Optional.empty(), false, 1.5);
  }

  @Test
  void writesTheGridAndTheJsonWithTheSameKeysForEveryMethod(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("GRID.png");
    PrototypeGrid.write(png, "mnist-cnn", List.of(result(PrototypeMethod.L2, OptionalDouble.empty()),
        result(PrototypeMethod.GMM, OptionalDouble.of(812.5))), Map.of("seed", 4), new SigmoidPixels(0, 1), AtomicFiles.Existing.REFUSE);
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(img.getWidth() > 2 * 5 * PrototypeGrid.ZOOM && img.getHeight() > 2 * 4 * PrototypeGrid.ZOOM);
    int grey = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        grey += (img.getRGB(x, y) & 0xFFFFFF) == 0x808080 ? 1 : 0;
      }
    }
    int zoom = PrototypeGrid.ZOOM;
    assertEquals(2 * 2 * (4 * zoom) * (5 * zoom), grey, "every pixel of 0.5 on [0, 1] is drawn mid-grey, zoomed");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("GRID.json").toFile());
    assertEquals("mnist-cnn", json.get("model").asText());
    assertEquals(4, json.get("settings").get("seed").asInt());
    JsonNode l2 = json.get("methods").get("l2").get("classes").get("3");
    JsonNode gmm = json.get("methods").get("gmm").get("classes").get("7");
    List<String> keys = new ArrayList<>();
    l2.fieldNames().forEachRemaining(keys::add);
    List<String> gmmKeys = new ArrayList<>();
    gmm.fieldNames().forEachRemaining(gmmKeys::add);
    assertEquals(List.of("targetProbability", "dataDistance", "logLikelihood", "steps"), keys);
    assertEquals(keys, gmmKeys);
    assertTrue(l2.get("logLikelihood").isNull());
    assertEquals(812.5, gmm.get("logLikelihood").asDouble(), 0);
    assertEquals(0.97, l2.get("targetProbability").asDouble(), 0);
    assertEquals(200, l2.get("steps").asInt());
  }
}
