package org.xai4j.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.backprop.NodeRules;
import org.xai4j.op.Add;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** {@link Graph#forward(Map, java.util.Collection)}: only the ancestors of the targets run. */
class PartialForwardTest {
  /** An op whose forward must never run: it stands for the layers above the targets. */
  private static final class MustNotRun implements Op {
    @Override
    public String type() {
      return "MustNotRun";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
      return inputs.get(0);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
      throw new AssertionError("a node the targets do not depend on was computed");
    }

    @Override
    public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
      throw new AssertionError("backward of a node that was not computed");
    }
  }

  /**
   * x -> h1 = relu(fc1(x)) -> h2 = fc2(h1) -> top (must not run); a side branch side = fc_side(x)
   * (must not run either when only h2 is asked for); out = top + ... is the graph output.
   */
  private static Graph graph(boolean trapped) {
    GraphBuilder b = Graph.builder().seed(3);
    String x = b.input("x", -1, 4);
    String h1 = b.relu("h1", b.linear("fc1", x, 4, 5));
    String h2 = b.linear("fc2", h1, 5, 3);
    String side = b.linear("fc_side", x, 4, 3);
    String top = trapped ? b.add("top", new MustNotRun(), h2) : b.relu("top", h2);
    String sideTop = trapped ? b.add("side_top", new MustNotRun(), side) : b.relu("side_top", side);
    return b.output(b.add("out", new Add(), top, sideTop)).build();
  }

  private static Tensor input() {
    return Tensor.randomNormal(Shape.of(2, 4), 1f, new Random(4));
  }

  @Test
  void computesOnlyTheAncestorsOfTheTargetsWithTheSameBits() {
    Trace full = graph(false).forward(input());
    Trace partial = graph(true).forward(input(), List.of("fc2"));
    for (String v : List.of("x", "fc1", "h1", "fc2")) {
      assertTrue(partial.computed(v), v);
      assertArrayEquals(full.get(v).toArray(), partial.get(v).toArray(), v);
    }
    for (String v : List.of("fc_side", "top", "side_top", "out")) {
      assertFalse(partial.computed(v), v);
    }
  }

  @Test
  void severalTargetsOnDifferentBranches() {
    Trace partial = graph(true).forward(input(), List.of("h1", "fc_side"));
    assertTrue(partial.computed("fc1") && partial.computed("fc_side"));
    assertFalse(partial.computed("fc2"));
  }

  @Test
  void reversePassFromAHiddenNodeOfAPartialTraceEqualsTheFullOne() {
    Trace full = graph(false).forward(input());
    Trace partial = graph(true).forward(input(), List.of("fc2"));
    Tensor seed = Tensor.randomNormal(Shape.of(2, 3), 1f, new Random(5));
    BackwardResult a = Backprop.run(full, Map.of("fc2", seed), NodeRules.none(), false);
    BackwardResult b = Backprop.run(partial, Map.of("fc2", seed), NodeRules.none(), false);
    assertArrayEquals(a.atInput().toArray(), b.atInput().toArray());
    assertTrue(b.atInput().maxAbs() > 0);
    assertTrue(b.parameterGradients("fc1").isEmpty());
  }

  @Test
  void readingAValueThatWasNotComputedNamesTheTargets() {
    Trace partial = graph(true).forward(input(), List.of("fc2"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> partial.get("out"));
    assertTrue(e.getMessage().contains("'out'") && e.getMessage().contains("[fc2]"), e.getMessage());
    IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
        () -> Backprop.gradient(partial, Map.of("top", Tensor.zeros(Shape.of(2, 3)))));
    assertTrue(seed.getMessage().contains("'top'"), seed.getMessage());
  }

  @Test
  void unknownTargetListsTheOutputs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> graph(false).forward(input(), List.of("fc9")));
    assertTrue(e.getMessage().contains("'fc9'") && e.getMessage().contains("[out]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> graph(false).forward(input(), List.of()));
  }

  @Test
  void anInputNoTargetReadsNeedNotBeFed() {
    GraphBuilder b = Graph.builder().seed(1);
    String x = b.input("x", -1, 2);
    String y = b.input("y", -1, 2);
    String fx = b.linear("fx", x, 2, 2);
    Graph g = b.output(b.add("sum", new Add(), fx, b.linear("fy", y, 2, 2))).build();
    Trace t = g.forward(Map.of("x", Tensor.zeros(Shape.of(1, 2))), List.of("fx"));
    assertTrue(t.computed("fx"));
    assertThrows(IllegalArgumentException.class, () -> g.forward(Map.of("x", Tensor.zeros(Shape.of(1, 2)))));
  }
}
