package org.xai4j.explain.lrp.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.op.Add;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Gemm;
import org.xai4j.op.Relu;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Canonizing and resolving a composite take time linear in the graph's size. */
class LinearTimeResolutionTest {
  private static final int BLOCKS = 50_000;
  /** Generous for a loaded machine; a quadratic pass over 200k nodes takes hours. */
  private static final long MAX_MILLIS = 30_000;

  /** 50k blocks of dense -> batch norm -> relu -> residual add: a chain of 200k nodes. */
  private static Graph chain() {
    List<Node> nodes = new ArrayList<>();
    Tensor one = Tensor.full(Shape.of(1, 1), 1f);
    Tensor vec = Tensor.full(Shape.of(1), 1f);
    String prev = "x";
    for (int i = 0; i < BLOCKS; i++) {
      nodes.add(new Node("fc" + i, Gemm.linear(one, vec), List.of(prev)));
      nodes.add(new Node("bn" + i, new BatchNormalization(vec, Tensor.zeros(Shape.of(1)), Tensor.zeros(Shape.of(1)),
          vec, 1e-5f), List.of("fc" + i)));
      nodes.add(new Node("relu" + i, new Relu(), List.of("bn" + i)));
      nodes.add(new Node("add" + i, new Add(), List.of("relu" + i, prev)));
      prev = "add" + i;
    }
    return Graph.of(List.of(new GraphInput("x", new int[] {-1, 1})), nodes, List.of(prev));
  }

  @Test
  void a200kNodeChainIsCanonizedResolvedAndPreparedInSeconds() {
    Graph g = chain();
    assertEquals(4 * BLOCKS, g.nodes().size());
    long start = System.nanoTime();
    Graph canonized = Canonizers.standard().apply(g);
    RuleTable table = Composites.epsilonPlusFlat().resolve(canonized);
    NodeRules rules = LrpRules.of(Composites.epsilonPlusFlat()).withCanonizer(Canonizers.standard())
        .withUnmodifiedMergedBias().bind(g).rules();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("200k-node chain: canonized, resolved twice and prepared in " + millis + " ms");
    assertEquals(3 * BLOCKS, canonized.nodes().size(), "every batch norm merged");
    assertEquals("Sum", canonized.node("add7").op().type());
    assertTrue(table.ruleOf("fc0").isPresent() && table.ruleOf("fc" + (BLOCKS - 1)).isPresent());
    assertTrue(rules.ruleFor(canonized.node("fc3")).isPresent());
    assertTrue(millis < MAX_MILLIS, "took " + millis + " ms");
  }
}
