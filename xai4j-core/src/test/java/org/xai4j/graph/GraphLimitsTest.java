package org.xai4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.limit.Limit;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.op.Pad;
import org.xai4j.op.Relu;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.LimitOverride;

class GraphLimitsTest {
  private static Graph chain(int length) {
    List<Node> nodes = new ArrayList<>();
    String previous = "x";
    for (int i = 0; i < length; i++) {
      nodes.add(new Node("r" + i, new Relu(), List.of(previous)));
      previous = "r" + i;
    }
    return Graph.of(List.of(new GraphInput("x", new int[] {-1, 2})), nodes, List.of(previous));
  }

  @Test
  void aGraphWithMoreNodesThanTheLimitIsRefused() {
    assertEquals(10, chain(10).nodes().size());
    LimitExceededException e = LimitOverride.with(Limit.NODES, 9,
        () -> assertThrows(LimitExceededException.class, () -> chain(10)));
    assertTrue(e.getMessage().startsWith("a graph of 10 nodes: 10 nodes, more than the nodes limit of 9;"),
        e.getMessage());
  }

  @Test
  void forwardChecksEachOutputShapeAgainstTheTensorLimitNamingTheNode() {
    Graph g = Graph.of(List.of(new GraphInput("x", new int[] {-1, 4})),
        List.of(new Node("pad", Pad.zeros(0, 0, 0, 96), List.of("x"))), List.of("pad"));
    assertEquals(Shape.of(2, 100), g.forward(Tensor.zeros(Shape.of(2, 4))).output().shape());
    LimitExceededException e = LimitOverride.with(Limit.TENSOR_ELEMENTS, 199,
        () -> assertThrows(LimitExceededException.class, () -> g.forward(Tensor.zeros(Shape.of(2, 4)))));
    assertEquals(200, e.amount());
    assertTrue(e.getMessage().startsWith("node 'pad' (Pad, input shapes [[2, 4]]): shape [2, 100]: 200"),
        e.getMessage());
  }

  @Test
  void forwardChecksTheShapeBeforeTheOpRuns() {
    Op refusesToRun = new Op() {
      @Override
      public String type() {
        return "Big";
      }

      @Override
      public Tensor forward(List<Tensor> inputs) {
        throw new AssertionError("forward ran before its output shape was checked");
      }

      @Override
      public Shape outputShape(List<Shape> inputs) {
        throw new IllegalArgumentException("Big: too big");
      }

      @Override
      public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
        throw new AssertionError("not called");
      }
    };
    Graph g = Graph.of(List.of(new GraphInput("x", new int[] {1})),
        List.of(new Node("r", refusesToRun, List.of("x"))), List.of("r"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.forward(Tensor.vector(1f)));
    assertEquals("node 'r' (Big, input shapes [[1]]): Big: too big", e.getMessage());
  }
}
