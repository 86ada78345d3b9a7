package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** The new ops inside a graph: one input used by several nodes, the reverse pass summing them. */
class OpsInGraphTest {
  @Test
  void reversePassThroughShapeOpsMatchesFiniteDifferences() {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", 2, 4);
    String t = b.add("t", new Transpose(), x);
    String gram = b.add("gram", new MatMul(), x, t);
    String joined = b.add("joined", new Concat(-1), gram, x, b.add("tanh", new Tanh(), x));
    String padded = b.add("padded", new Pad(Pad.Mode.REFLECT, List.of(0, -1, 1, -1), 0f), joined);
    String scaled = b.add("scaled", new Mul(), padded, b.add("gate", new Sigmoid(), b.add("row", new Flatten(0), x)));
    String out = b.add("out", new LogSoftmax(), b.add("flat", Reshape.of(6, -1), scaled));
    Graph g = b.output(out).build();

    Tensor in = Tensor.randomNormal(Shape.of(2, 4), 0.5f, new Random(51));
    Tensor seed = Tensor.randomUniform(Shape.of(6, 4), -1f, 1f, new Random(52));
    Tensor grad = Backprop.gradient(g.forward(in), Map.of(out, seed)).atInput();
    double h = 1e-2;
    for (int i = 0; i < in.size(); i++) {
      float[] up = in.toArray();
      float[] down = in.toArray();
      up[i] += h;
      down[i] -= h;
      double fu = g.forward(Tensor.of(in.shape(), up)).output().mul(seed).sum();
      double fd = g.forward(Tensor.of(in.shape(), down)).output().mul(seed).sum();
      assertEquals((fu - fd) / (2 * h), grad.getFlat(i), 2e-3, "d out / d x at " + i);
    }
  }
}
