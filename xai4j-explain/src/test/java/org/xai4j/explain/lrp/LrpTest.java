package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.lrp.composite.Assignment;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.OpGroup;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Trace;
import org.xai4j.op.Add;
import org.xai4j.op.Gemm;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class LrpTest {
  private static final double CONSERVATION_TOLERANCE = 1e-5;
  private static final Composite LRP_ZERO = new Composite("LRP-0", List.of(
      Assignment.byGroup(OpGroup.ACTIVATION, new PassRule()),
      Assignment.byGroup(OpGroup.LINEAR, LinearRule.zero())));

  /** A ReLU network with zero biases (the builder's default), 6-16-12-5. */
  private static Graph biasFreeMlp() {
    GraphBuilder b = Graph.builder().seed(7);
    String x = b.input("input", -1, 6);
    String h1 = b.relu("relu1", b.linear("fc1", x, 6, 16));
    String h2 = b.relu("relu2", b.linear("fc2", h1, 16, 12));
    return b.output(b.linear("fc3", h2, 12, 5)).build();
  }

  /** The same shape with non-zero biases. */
  private static Graph mlpWithBias() {
    Graph g = biasFreeMlp();
    Random r = new Random(3);
    for (String fc : List.of("fc1", "fc2", "fc3")) {
      Gemm op = (Gemm) g.node(fc).op();
      Tensor bias = Tensor.randomUniform(op.bias().shape(), -0.5f, 0.5f, r);
      g = g.withOp(fc, Gemm.linear(op.weight(), bias));
    }
    return g;
  }

  private static Tensor inputs(int n) {
    return Tensor.randomNormal(Shape.of(n, 6), 1f, new Random(11));
  }

  @Test
  void lrpZeroConservesRelevanceExactlyOnBiasFreeReluNetworks() {
    Explainer lrp = Lrp.of(LRP_ZERO).prepare(biasFreeMlp());
    Tensor x = inputs(4);
    int[] targets = {0, 1, 2, 4};
    Attribution r = lrp.explain(x, Target.classes(targets));
    ConservationReport report = ConservationReport.of(r, Target.classes(targets));
    for (ConservationReport.Row row : report.rows()) {
      for (double ratio : row.ratios()) {
        assertEquals(1.0, ratio, CONSERVATION_TOLERANCE, "layer " + row.value() + "\n" + report);
      }
    }
    double[] seedSums = report.row("fc3").sums();
    for (int n = 0; n < targets.length; n++) {
      assertEquals(r.output().get(n, targets[n]), seedSums[n], 1e-6);
      assertEquals(r.relevance().slice0(n, n + 1).sum(), report.row("input").sums()[n], 1e-9);
    }
  }

  @Test
  void batchEqualsPerSample() {
    Explainer lrp = Lrp.of(Composites.epsilonAlpha2Beta1Flat().prepend(
        Assignment.byName("fc2", LinearRule.alphaBeta(2, 1)))).prepare(mlpWithBias());
    Tensor x = inputs(3);
    int[] targets = {3, 0, 2};
    Tensor batch = lrp.explain(x, Target.classes(targets)).relevance();
    for (int n = 0; n < 3; n++) {
      Tensor alone = lrp.explain(x.slice0(n, n + 1), Target.classes(targets[n])).relevance();
      assertEquals(0f, alone.maxAbsDifference(batch.slice0(n, n + 1)), 1e-6f * alone.maxAbs());
    }
  }

  @Test
  void seedsScaleRelevanceLinearly() {
    Gradient lrp = Lrp.of(Composites.epsilonPlus());
    Graph g = mlpWithBias();
    Tensor x = inputs(2);
    int[] targets = {1, 3};
    Attribution byOutput = lrp.prepare(g).explain(x, Target.classes(targets));
    Explainer oneHot = lrp.withSeedTimesOutput(false).prepare(g);
    Attribution byOne = oneHot.explain(x, Target.classes(targets));
    for (int n = 0; n < 2; n++) {
      float logit = byOutput.output().get(n, targets[n]);
      Tensor expected = byOne.relevance().slice0(n, n + 1).mul(logit);
      assertEquals(0f, expected.maxAbsDifference(byOutput.relevance().slice0(n, n + 1)), 1e-5f * expected.maxAbs());
    }
    Tensor given = Tensor.zeros(Shape.of(2, 5)).add(Tensor.of(Shape.of(5), 0f, 2f, 0f, 0f, 0f));
    Attribution byGiven = oneHot.explain(x, Target.outputSeed(given));
    assertEquals(2.0, ConservationReport.of(byGiven, Target.outputSeed(given)).row("fc3").sums()[1], 1e-6);
  }

  @Test
  void perLayerRelevanceIsAvailable() {
    Attribution r = Lrp.of(LRP_ZERO).prepare(biasFreeMlp()).explain(inputs(1), Target.classes(2));
    assertEquals(Shape.of(1, 16), r.at("relu1").shape());
    // Pass rule: relevance at the pre-activation equals that at the ReLU output
    assertEquals(0f, r.at("relu1").maxAbsDifference(r.at("fc1")));
  }

  @Test
  void normRuleSplitsASumInProportionToItsParts() {
    GraphBuilder b = Graph.builder().seed(5);
    String x = b.input("x", -1, 3);
    String p = b.linear("a", x, 3, 4);
    String q = b.linear("b", x, 3, 4);
    b.add("sum", new Add(), p, q);
    Graph g = b.output("sum").build();
    Trace trace = g.forward(Tensor.of(Shape.of(1, 3), 0.5f, -1f, 2f));
    Tensor seed = Tensor.of(Shape.of(1, 4), 1f, -2f, 0.5f, 3f);
    NodeRules rules = NodeRules.byName(Map.of("sum", new NormRule().bind(g.node("sum"))));
    var result = Backprop.run(trace, Map.of("sum", seed), rules, false);
    for (String part : List.of("a", "b")) {
      for (int j = 0; j < 4; j++) {
        double z = trace.get("sum").get(0, j);
        double expected = trace.get(part).get(0, j) * seed.get(0, j) / (z + (z >= 0 ? 1e-6 : -1e-6));
        assertEquals(expected, result.at(part).get(0, j), 1e-5 * Math.abs(expected) + 1e-7, part + "[" + j + "]");
      }
    }
    double total = result.at("a").sum() + result.at("b").sum();
    assertEquals(seed.sum(), total, 1e-4);
  }

  @Test
  void compositeResolutionIsPrintedAsTable() {
    RuleTable rules = LrpRules.of(Composites.epsilonPlusFlat()).table(biasFreeMlp());
    assertEquals(java.util.Optional.of(LinearRule.flat()), rules.ruleOf("fc1"));
    assertEquals(java.util.Optional.of(LinearRule.epsilon()), rules.ruleOf("fc2"));
    assertEquals(java.util.Optional.of(new PassRule()), rules.ruleOf("relu1"));
    String table = rules.toString();
    assertTrue(table.contains("fc1    Gemm  Flat"), table);
    assertTrue(table.contains("first LINEAR"), table);
    assertTrue(table.contains("group DENSE"), table);
  }

  @Test
  void lrpIsTheGradientWithLrpRulesAndExplainsHiddenUnits() {
    Graph g = mlpWithBias();
    Tensor x = inputs(2);
    Attribution a = Lrp.of(Composites.epsilonPlusFlat()).prepare(g).explain(x, Target.classes(4, 1));
    Tensor expected = Gradient.plain().withOverrides(LrpRules.of(Composites.epsilonPlusFlat())).withSeedTimesOutput(true)
        .prepare(g).explain(x, Target.classes(4, 1)).relevance();
    assertEquals(0f, a.relevance().maxAbsDifference(expected));
    // a hidden unit of a bias-free ReLU network under LRP-0: all of its value arrives at the input
    Graph free = biasFreeMlp();
    Tensor one = inputs(1);
    int active = free.forward(one).get("relu2").argmaxRows()[0];
    float unit = free.forward(one).get("relu2").get(0, active);
    assertTrue(unit > 0, "the unit must be active, got " + unit);
    Attribution hidden = Lrp.of(LRP_ZERO).prepare(free).explain(one, Target.unit("relu2", active));
    assertEquals(unit, hidden.relevance().sum(), 1e-5 * Math.max(1, Math.abs(unit)));
  }
}
