package org.xai4j.explain.metric;

import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Gemm;
import org.xai4j.op.Relu;
import org.xai4j.op.Sub;
import org.xai4j.op.Add;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Small networks with known weights for hand-checked metric tests. */
final class Nets {
  private Nets() {}

  /** {@code f(x) = w . x + bias}, input {@code [N, w.length]}, output {@code [N, 1]}. */
  static Graph linear(float bias, float... w) {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, w.length);
    return b.output(b.add("fc", Gemm.linear(Tensor.of(Shape.of(1, w.length), w), Tensor.vector(bias)), x)).build();
  }

  /**
   * Montavon et al. 2018's {@code f(x) = max(x1, x2)} written as {@code x2 + relu(x1 - x2)}: input
   * {@code [N, 2]}, output {@code [N, 1]}.
   */
  static Graph max2d() {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 2);
    String x1 = b.add("x1", Gemm.linear(Tensor.of(Shape.of(1, 2), 1f, 0f), Tensor.zeros(Shape.of(1))), x);
    String x2 = b.add("x2", Gemm.linear(Tensor.of(Shape.of(1, 2), 0f, 1f), Tensor.zeros(Shape.of(1))), x);
    String d = b.add("relu", new Relu(), b.add("diff", new Sub(), x1, x2));
    return b.output(b.add("max", new Add(), x2, d)).build();
  }
}
