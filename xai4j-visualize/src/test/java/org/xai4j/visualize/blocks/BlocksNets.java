package org.xai4j.visualize.blocks;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Node;
import org.xai4j.op.Flatten;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Tensor;

/** Small random CNNs for the building-blocks tests. */
final class BlocksNets {
  private BlocksNets() {}

  /**
   * conv-relu (relu1, 6 channels, 12 x 12) - maxpool - conv-relu (relu2, 8 channels, 6 x 6) - flatten - dense (4 logits),
   * on [N, 1, 12, 12]; every bias drawn from N(0, 0.1^2) when {@code biases}, else zero.
   */
  static Graph cnn(boolean biases) {
    GraphBuilder b = Graph.builder().seed(5);
    String x = b.input("image", -1, 1, 12, 12);
    String h = b.relu("relu1", b.conv2d("conv1", x, 1, 6, 3, 1, 1));
    String p = b.maxPool2d("pool1", h, 2, 2, 0);
    String h2 = b.relu("relu2", b.conv2d("conv2", p, 6, 8, 3, 1, 1));
    String f = b.add("flat", new Flatten(1), h2);
    Graph g = b.output(b.linear("logits", f, 8 * 6 * 6, 4)).build();
    if (!biases) {
      return g;
    }
    Random r = new Random(9);
    Map<String, Parameters> replaced = new HashMap<>();
    for (Node n : g.nodes()) {
      Parameters params = n.op().parameters();
      if (params.has("bias")) {
        Map<String, Tensor> m = new HashMap<>(params.asMap());
        m.put("bias", Tensor.randomNormal(params.get("bias").shape(), 0.1f, r));
        replaced.put(n.name(), Parameters.of(m));
      }
    }
    return g.withParameters(replaced);
  }

  /** A random image [1, 1, 12, 12] in [0, 1). */
  static Tensor image(long seed) {
    return Tensor.randomUniform(org.xai4j.tensor.Shape.of(1, 1, 12, 12), 0f, 1f, new Random(seed));
  }
}
