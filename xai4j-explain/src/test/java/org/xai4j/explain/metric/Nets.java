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

  /**
   * Montavon et al. 2018's {@code f(x) = max(x1, x2)} as the ReLU network of the bundled
   * {@code max2d}: {@code relu(W1 x)} with {@code W1 = [[1, -1], [0, 1], [0, -1]]}, then
   * {@code W2 = [[1, 1, -1]]}, no biases, so {@code f = relu(x1 - x2) + relu(x2) - relu(-x2)}.
   * Input {@code [N, 2]}, output {@code [N, 1]}.
   */
  static Graph max2d() {
    GraphBuilder b = Graph.builder();
    String x = b.input("input", -1, 2);
    String h = b.relu("relu", b.add("fc1", Gemm.linear(Tensor.of(Shape.of(3, 2), 1f, -1f, 0f, 1f, 0f, -1f), null), x));
    return b.output(b.add("fc2", Gemm.linear(Tensor.of(Shape.of(1, 3), 1f, 1f, -1f), null), h)).build();
  }
}
