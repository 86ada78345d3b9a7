package org.xai4j.visualize.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.graph.Graph;

class FeatureIconsTest {
  private static final IconSettings FAST = new IconSettings(16, 6, 0);

  @Test
  void iconsAreRenderedOnceAndThenReadFromTheCache(@TempDir Path cache) throws Exception {
    Graph g = BlocksNets.cnn(true);
    FeatureIcons first = new FeatureIcons(g, cache, FAST);
    Map<Integer, Path> icons = first.channels("relu2", List.of(0, 3, 5));
    assertEquals(3, first.rendered());
    for (Path p : icons.values()) {
      BufferedImage img = ImageIO.read(p.toFile());
      assertEquals(12, img.getWidth());
      assertEquals(12, img.getHeight());
    }
    long modified = Files.getLastModifiedTime(icons.get(3)).toMillis();
    FeatureIcons second = new FeatureIcons(g, cache, FAST);
    assertEquals(icons, second.channels("relu2", List.of(0, 3, 5)));
    assertEquals(0, second.rendered());
    assertEquals(modified, Files.getLastModifiedTime(icons.get(3)).toMillis());
    // one more channel renders only that one
    second.channels("relu2", List.of(3, 6));
    assertEquals(1, second.rendered());
    // other settings or another model are other files
    assertNotEquals(icons.get(0), new FeatureIcons(g, cache, new IconSettings(16, 7, 0)).channels("relu2", List.of(0))
        .get(0));
    assertNotEquals(icons.get(0), new FeatureIcons(BlocksNets.cnn(false), cache, FAST).channels("relu2", List.of(0))
        .get(0));
  }

  @Test
  void directionIconsAreCachedByTheirVector(@TempDir Path cache) {
    Graph g = BlocksNets.cnn(true);
    float[] v = {1, 0, 0, 0.5f, 0, 0, 0, 0};
    float[] w = {0, 1, 0, 0, 0, 0, 0, 0};
    FeatureIcons icons = new FeatureIcons(g, cache, FAST);
    List<Path> files = icons.directions("relu2", List.of(v, w, v));
    assertEquals(2, icons.rendered());
    assertEquals(files.get(0), files.get(2));
    assertTrue(Files.isRegularFile(files.get(1)));
  }

  @Test
  void theFingerprintFollowsWeightsAndStructure() {
    assertEquals(ModelFingerprint.of(BlocksNets.cnn(true)), ModelFingerprint.of(BlocksNets.cnn(true)));
    assertNotEquals(ModelFingerprint.of(BlocksNets.cnn(true)), ModelFingerprint.of(BlocksNets.cnn(false)));
    assertEquals(64, ModelFingerprint.of(BlocksNets.cnn(true)).length());
  }
}
