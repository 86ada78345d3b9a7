package org.xai4j.explain.metric;

import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Gemm;
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
}
