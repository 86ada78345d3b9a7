package org.xai4j.explain.attribution;

import java.util.Random;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Conv;
import org.xai4j.op.Gemm;
import org.xai4j.op.Flatten;
import org.xai4j.op.MaxPool;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Small networks with known weights for hand-computed attribution tests. */
final class TinyNets {
  private TinyNets() {}

  /**
   * x[2] -> fc1 (W1 = [[1, -1], [2, 1]]) -> relu -> fc2 (W2 = [[1, -2], [0.5, 1]]), no biases. At
   * x = [1, 2]: pre-activation [-1, 4], hidden [0, 4], logits [-8, 4].
   */
  static Graph handNet() {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 2);
    String h = b.add("fc1", Gemm.linear(Tensor.of(Shape.of(2, 2), 1f, -1f, 2f, 1f), Tensor.zeros(Shape.of(2))), x);
    String r = b.relu("relu", h);
    return b.output(b.add("fc2", Gemm.linear(Tensor.of(Shape.of(2, 2), 1f, -2f, 0.5f, 1f),
        Tensor.zeros(Shape.of(2))), r)).build();
  }

  /** A seeded random MLP 5 -> 7 -> relu -> 6 -> relu -> 4 with non-zero biases. */
  static Graph mlp() {
    GraphBuilder b = Graph.builder().seed(3);
    Random r = new Random(11);
    String x = b.input("x", -1, 5);
    String h1 = b.relu("relu1", b.add("fc1", Gemm.linear(Tensor.randomNormal(Shape.of(7, 5), 0.6f, r),
        Tensor.randomNormal(Shape.of(7), 0.2f, r)), x));
    String h2 = b.relu("relu2", b.add("fc2", Gemm.linear(Tensor.randomNormal(Shape.of(6, 7), 0.5f, r),
        Tensor.randomNormal(Shape.of(6), 0.2f, r)), h1));
    return b.output(b.linear("fc3", h2, 6, 4)).build();
  }

  /** An image net {@code [N, C, H, W] -> relu "act" -> flatten -> fc (C*H*W -> classes)}. */
  static Graph imageNet(int c, int h, int w, int classes, long seed) {
    GraphBuilder b = Graph.builder().seed(seed);
    String x = b.input("x", -1, c, h, w);
    String act = b.relu("act", x);
    String flat = b.add("flat", new Flatten(Flatten.DEFAULT_AXIS), act);
    return b.output(b.linear("fc", flat, c * h * w, classes)).build();
  }

  /**
   * A small conv net {@code [N, 1, 6, 6] -> conv "conv" (3 filters 3x3, pad 1) -> relu -> maxpool 2
   * "pool" -> flatten -> fc (27 -> 4)}; {@link #convHead} is the part after "conv".
   */
  static Graph convNet() {
    GraphBuilder b = Graph.builder().seed(31);
    Random r = new Random(32);
    String x = b.input("x", -1, 1, 6, 6);
    String conv = b.add("conv", new Conv(Tensor.randomNormal(Shape.of(3, 1, 3, 3), 0.5f, r),
        Tensor.randomNormal(Shape.of(3), 0.1f, r), null, java.util.List.of(1, 1, 1, 1), null, 1), x);
    return head(b, conv);
  }

  /** The layers of {@link #convNet} after "conv", as a graph whose input is the conv output. */
  static Graph convHead() {
    GraphBuilder b = Graph.builder().seed(31);
    return head(b, b.input("conv", -1, 3, 6, 6));
  }

  private static Graph head(GraphBuilder b, String conv) {
    String pool = b.add("pool", MaxPool.square(2, 2, 0), b.relu("relu", conv));
    String flat = b.add("flat", new Flatten(Flatten.DEFAULT_AXIS), pool);
    return b.output(b.linear("fc", flat, 27, 4)).build();
  }
}
