package org.xai4j.testing;

import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Flatten;
import org.xai4j.op.InstanceNormalization;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Small graphs that the tests of several modules build alike. */
public final class TestGraphs {
  private TestGraphs() {}

  /**
   * {@code input[?, 2, 4] -> norm (instance normalization, scale 1.5) -> flat -> fc (8 -> 3)}, weights
   * from seed 5: an op with parameters that no LRP composite covers ({@code norm}).
   */
  public static Graph instanceNormalized() {
    GraphBuilder b = Graph.builder().seed(5);
    String x = b.input("input", -1, 2, 4);
    String n = b.add("norm", new InstanceNormalization(Tensor.full(Shape.of(2), 1.5f), Tensor.zeros(Shape.of(2)),
        InstanceNormalization.DEFAULT_EPSILON), x);
    return b.output(b.linear("fc", b.add("flat", new Flatten(), n), 8, 3)).build();
  }
}
