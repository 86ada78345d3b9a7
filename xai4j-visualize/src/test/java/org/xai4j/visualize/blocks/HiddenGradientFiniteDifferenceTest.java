package org.xai4j.visualize.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.SharedFolder;

/**
 * The gradient at a hidden layer, and so activation x gradient and its spatial and channel sums, checked against a
 * definition computed independently of the reverse pass: differences of the target when one activation of the layer
 * is moved by +-h (the layer's op is wrapped so that its output has that one entry shifted). Entries at a kink
 * (the two one-sided differences disagree: a max-pooling tie among zeros after a ReLU, a ReLU switching) have no
 * derivative and are skipped.
 */
class HiddenGradientFiniteDifferenceTest {
  private static final float H = 1e-2f;

  /**
   * The layer of {@code g} with {@code delta} added to its output at flat index {@code at}: the perturbation is this
   * test's own; {@link MappedOutput} only puts it in place of the layer (forward only).
   */
  private static Graph shifted(Graph g, String layer, int at, float delta) {
    return g.withOp(layer, new MappedOutput(g.node(layer).op(), y -> {
      float[] v = y.toArray();
      v[at] += delta;
      return Tensor.of(y.shape(), v);
    }));
  }

  /**
   * The one-sided differences {(target(a + h e_i) - target(a)) / h, (target(a) - target(a - h e_i)) / h} in double,
   * for the target {@code logit k - logit j} (or logit k when {@code j} is null).
   */
  private static double[] differences(Graph g, Tensor x, String layer, int i, int k, Integer j) {
    double at = target(g.forward(x).output(), k, j);
    double plus = target(shifted(g, layer, i, H).forward(x).output(), k, j);
    double minus = target(shifted(g, layer, i, -H).forward(x).output(), k, j);
    return new double[] {(plus - at) / H, (at - minus) / H};
  }

  private static double target(Tensor logits, int k, Integer j) {
    return logits.getFlat(k) - (j == null ? 0 : logits.getFlat(j));
  }

  private static void assertGradientMatches(Graph g, Tensor x, String layer, int k, Integer j) {
    Target t = j == null ? Target.classes(k) : HiddenAttribution.logitDifference(g.forward(x).output().shape().dim(1),
        k, j);
    LayerGradient lg = HiddenAttribution.gradient(g, x, layer, t);
    float[] grad = lg.gradient().toArray();
    float[] act = lg.activation().toArray();
    int[] onPaths = java.util.stream.IntStream.range(0, grad.length).filter(i -> grad[i] != 0).toArray();
    assertTrue(onPaths.length > 0, layer + " has entries with a non-zero gradient");
    Random r = new Random(7);
    int smooth = 0;
    int live = 0;
    for (int n = 0; n < 48 && smooth < 24; n++) {
      // every other entry among those the reverse pass finds on a path to the target, so both kinds are compared
      int i = n % 2 == 0 ? onPaths[r.nextInt(onPaths.length)] : r.nextInt(grad.length);
      double[] d = differences(g, x, layer, i, k, j);
      if (Math.abs(d[0] - d[1]) > 1e-3 * Math.max(1, Math.abs(d[0]))) {
        continue; // a kink within h (a max-pooling tie, a ReLU switching): no derivative to compare with
      }
      double fd = (d[0] + d[1]) / 2;
      assertEquals(fd, grad[i], 2e-3 * Math.max(1, Math.abs(fd)), layer + " entry " + i);
      // activation x gradient is that entry's product
      assertEquals(act[i] * fd, lg.activationTimesGradient().values().getFlat(i), 2e-3 * Math.max(1, Math.abs(act[i]
          * fd)), layer + " entry " + i);
      smooth++;
      live += Math.abs(fd) > 1e-6 ? 1 : 0;
    }
    assertTrue(smooth >= 16, "most sampled entries are differentiable: " + smooth);
    assertTrue(live >= 6, "some sampled entries are on live paths: " + live);
  }

  @Test
  void theGradientAtHiddenLayersIsTheCentralDifferenceOfTheLogitAndOfALogitDifference() {
    Graph g = BlocksNets.cnn(true);
    Tensor x = BlocksNets.image(3);
    for (String layer : new String[] {"relu1", "relu2"}) {
      assertGradientMatches(g, x, layer, 2, null);
      assertGradientMatches(g, x, layer, 2, 0);
    }
  }

  @Test
  void onTheImportedSmallCnnOfTheSharedReferences() throws Exception {
    Path ref = SharedFolder.require("reference");
    Graph g = OnnxImporter.read(ref.resolve("models").resolve("smallcnn.onnx"));
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(ref.resolve("inputs").resolve("smallcnn_in0.bin")))
        .order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[28 * 28];
    b.asFloatBuffer().get(v);
    Tensor x = Tensor.of(Shape.of(1, 1, 28, 28), v);
    List<String> layers = BuildingBlocks.defaultLayers(g);
    assertEquals(2, layers.size(), "smallcnn's two convolutional ReLU layers: " + layers);
    for (String layer : layers) {
      assertGradientMatches(g, x, layer, 0, null);
      assertGradientMatches(g, x, layer, 0, 1);
    }
  }
}
