package org.xai4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class GraphWithParametersTest {
  private static Graph twoLayers() {
    GraphBuilder b = Graph.builder();
    String x = b.input("input", -1, 2);
    return b.output(b.linear("fc2", b.relu("relu", b.linear("fc1", x, 2, 2)), 2, 1)).build();
  }

  @Test
  void replacesSeveralNodesAtOnceAndKeepsTheOthers() {
    Graph g = twoLayers();
    Parameters p1 = Parameters.of("weight", Tensor.of(Shape.of(2, 2), 1f, 0f, 0f, 1f), "bias", Tensor.vector(0f, 1f));
    Parameters p2 = Parameters.of("weight", Tensor.of(Shape.of(1, 2), 2f, 3f), "bias", Tensor.vector(-1f));
    Graph h = g.withParameters(Map.of("fc1", p1, "fc2", p2));
    // relu([1, 2] I + [0, 1]) = [1, 3]; 2 * 1 + 3 * 3 - 1 = 10
    assertArrayEquals(new float[] {10f}, h.forward(Tensor.of(Shape.of(1, 2), 1f, 2f)).output().toArray());
    assertSame(g.node("relu"), h.node("relu"));
    assertSame(g.node("fc1"), g.withParameters(Map.of("fc2", p2)).node("fc1"));
  }

  @Test
  void unknownNodesAndShapeChangesAreRejected() {
    Graph g = twoLayers();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.withParameters(Map.of("fc9", Parameters.EMPTY)));
    assertEquals("no node named 'fc9' in the graph", e.getMessage());
    Parameters wrong = Parameters.of("weight", Tensor.zeros(Shape.of(2, 1)), "bias", Tensor.vector(0f));
    e = assertThrows(IllegalArgumentException.class, () -> g.withParameters(Map.of("fc2", wrong)));
    assertEquals("Gemm: parameter 'weight' has shape [1, 2], replacement has shape [2, 1]", e.getMessage());
  }
}
