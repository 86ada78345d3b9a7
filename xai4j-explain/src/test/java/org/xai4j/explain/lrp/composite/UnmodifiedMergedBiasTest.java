package org.xai4j.explain.lrp.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.BiasPolicy;
import org.xai4j.explain.lrp.LinearRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Conv;
import org.xai4j.op.Flatten;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class UnmodifiedMergedBiasTest {
  private final Random random = new Random(5);

  private Tensor normal(int... dims) {
    return Tensor.randomNormal(Shape.of(dims), 0.5f, random);
  }

  private Conv conv(boolean bias) {
    return new Conv(normal(3, 3, 3, 3), bias ? normal(3) : null, null, List.of(1, 1, 1, 1), null, 1);
  }

  private BatchNormalization batchNorm() {
    return new BatchNormalization(normal(3), normal(3), normal(3), Tensor.full(Shape.of(3), 1.5f), 1e-5f);
  }

  /** conv (no bias) + BN, conv (with bias) + BN, conv (no bias, no BN), dense. */
  private Graph graph() {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 3, 4, 4);
    String a = b.relu("r1", b.add("bn1", batchNorm(), b.add("noBias", conv(false), x)));
    String c = b.relu("r2", b.add("bn2", batchNorm(), b.add("withBias", conv(true), a)));
    String d = b.relu("r3", b.add("plain", conv(false), c));
    return b.output(b.linear("fc", b.add("flat", new Flatten(1), d), 48, 2)).build();
  }

  @Test
  void onlyLayersThatGainedTheirBiasFromAMergeKeepItUnmodified() {
    Graph original = graph();
    Graph canonized = Canonizers.standard().apply(original);
    Composite c = UnmodifiedMergedBias.of(Composites.epsilonPlusFlat(), original, canonized);
    RuleTable t = c.resolve(canonized);
    assertEquals(Optional.of(LinearRule.flat().withBias(BiasPolicy.KEEP)), t.ruleOf("noBias"));
    assertEquals(Optional.of(LinearRule.zPlus()), t.ruleOf("withBias"));
    assertEquals(Optional.of(LinearRule.zPlus()), t.ruleOf("plain"));
    assertEquals(Optional.of(LinearRule.epsilon()), t.ruleOf("fc"));
    assertEquals("EpsilonPlusFlat", c.name());
  }

  @Test
  void withoutCanonizingNothingChanges() {
    Graph g = graph();
    assertEquals(Composites.epsilonPlusFlat().resolve(g), UnmodifiedMergedBias.of(Composites.epsilonPlusFlat(), g, g).resolve(g));
  }
}
