package org.xai4j.visualize.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.tensor.Tensor;

class BuildingBlocksTest {
  @Test
  void everyBlockOfBothConvolutionalLayersOfMnistCnn(@TempDir Path cache) {
    Graph g = BundledModelFiles.load("mnist-cnn");
    List<String> layers = BuildingBlocks.defaultLayers(g);
    assertTrue(layers.size() >= 2, layers.toString());
    LabeledImages test = Mnist.load().test();
    Tensor digit = test.images().slice0(0, 1);
    int label = test.labels()[0];
    BlocksSettings s = BlocksSettings.defaults(cache).withIcons(new IconSettings(16, 8, 0));
    BuildingBlocks blocks = new BuildingBlocks(g, s);
    for (String layer : layers) {
      LayerBlocks b = blocks.layer(digit, layer, Target.classes(label));
      int c = b.gradient().activation().shape().dim(0);
      int h = b.gradient().activation().shape().dim(1);
      int w = b.gradient().activation().shape().dim(2);
      assertEquals(List.of(HiddenAttribution.ACTIVATION_X_GRADIENT, HiddenAttribution.INTEGRATED_GRADIENTS,
          "lrp EpsilonPlusFlat"), b.attributions().stream().map(LayerAttribution::method).toList());
      assertEquals(h * w, b.dictionary().entries().size());
      assertEquals(Math.min(4, c), b.dictionary().at(0, 0).size());
      assertEquals(6, b.groups().groups().size());
      assertEquals(Math.min(12, c), b.tableChannels().size());
      for (int ch : b.dictionary().channels()) {
        assertTrue(Files.isRegularFile(b.channelIcons().get(ch)), layer + " channel " + ch);
      }
      b.groupIcons().forEach(p -> assertTrue(Files.isRegularFile(p), p.toString()));
      // the strongest table channel has the largest |activation x gradient|
      double[] perChannel = b.attributions().get(0).channels();
      double top = Math.abs(perChannel[b.tableChannels().get(0)]);
      for (double v : perChannel) {
        assertTrue(Math.abs(v) <= top);
      }
    }
    int rendered = blocks.icons().rendered();
    assertTrue(rendered > 0);
    BuildingBlocks again = new BuildingBlocks(g, s);
    again.layer(digit, layers.get(0), Target.classes(label));
    assertEquals(0, again.icons().rendered(), "the second run reads every icon from the cache");
  }
}
