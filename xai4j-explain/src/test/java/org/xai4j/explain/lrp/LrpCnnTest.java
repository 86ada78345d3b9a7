package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Init;
import org.xai4j.op.Conv;
import org.xai4j.op.Flatten;
import org.xai4j.op.Gemm;
import org.xai4j.op.GlobalAveragePool;
import org.xai4j.op.MaxPool;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Composites on a small CNN: conv-relu-maxpool-conv-relu-globalavgpool-flatten-dense. */
class LrpCnnTest {
  private static final float LOW = -3f;
  private static final float HIGH = 3f;

  private static Graph cnn(boolean withBias) {
    GraphBuilder b = Graph.builder();
    Random r = b.random();
    String x = b.input("input", -1, 2, 8, 8);
    String c1 = b.add("conv1", conv(r, 4, 2, withBias), x);
    String p1 = b.add("pool1", MaxPool.square(2, 2, 0), b.relu("relu1", c1));
    String c2 = b.add("conv2", conv(r, 6, 4, withBias), p1);
    String gap = b.add("gap", new GlobalAveragePool(), b.relu("relu2", c2));
    String flat = b.add("flatten", new Flatten(), gap);
    Tensor w = Init.kaimingUniform(Shape.of(3, 6), 6, r);
    return b.output(b.add("fc", Gemm.linear(w, withBias ? Tensor.full(Shape.of(3), 0.05f) : null), flat)).build();
  }

  private static Conv conv(Random r, int out, int in, boolean withBias) {
    Tensor w = Init.kaimingUniform(Shape.of(out, in, 3, 3), in * 9, r);
    Tensor bias = withBias ? Tensor.randomUniform(Shape.of(out), -0.1f, 0.1f, r) : null;
    return new Conv(w, bias, null, java.util.List.of(1, 1, 1, 1), null, 1);
  }

  private static Tensor images(int n) {
    return Tensor.randomUniform(Shape.of(n, 2, 8, 8), LOW, HIGH, new Random(5));
  }

  @Test
  void compositesAssignZennitsRulesOnACnn() {
    RuleTable flat = Composites.epsilonPlusFlat().resolve(cnn(true));
    assertEquals(Optional.of(LinearRule.flat()), flat.ruleOf("conv1"));
    assertEquals(Optional.of(LinearRule.zPlus()), flat.ruleOf("conv2"));
    assertEquals(Optional.of(LinearRule.epsilon()), flat.ruleOf("fc"));
    assertEquals(Optional.of(new NormRule()), flat.ruleOf("gap"));
    // max pooling and flattening keep the gradient, derived from the graph structure with a reason
    assertEquals(Optional.of(new GradientRule()), flat.ruleOf("pool1"));
    assertEquals(Optional.of(new GradientRule()), flat.ruleOf("flatten"));
    RuleTable box = Composites.epsilonGammaBox(LOW, HIGH).resolve(cnn(true));
    assertEquals(Optional.of(LinearRule.zBox(LOW, HIGH)), box.ruleOf("conv1"));
    assertEquals(Optional.of(LinearRule.gamma()), box.ruleOf("conv2"));
    assertTrue(box.toString().lines().anyMatch(l -> l.matches("pool1 +MaxPool +Gradient +maximum: the winner takes all")),
        box.toString());
  }

  @Test
  void deepTaylorConservesRelevanceOnABiasFreeReluCnn() {
    Graph g = cnn(false);
    Tensor x = images(3);
    int[] targets = g.forward(x).output().argmaxRows();
    for (Composite c : new Composite[] {Composites.deepTaylor(
        BoxBound.scalar(LOW), BoxBound.scalar(HIGH)), Composites.deepTaylor()}) {
      ConservationReport report = ConservationReport.of(Lrp.of(c).prepare(g).explain(x, Target.classes(targets)),
          Target.classes(targets));
      for (double ratio : report.row("input").ratios()) {
        assertEquals(1.0, ratio, 1e-4, c + "\n" + report);
      }
    }
  }

  @Test
  void batchEqualsPerSampleForEveryPreset() {
    Graph g = cnn(true);
    Tensor x = images(3);
    int[] targets = {2, 0, 1};
    for (Composite c : new Composite[] {Composites.epsilonPlusFlat(), Composites.epsilonGammaBox(LOW, HIGH),
        Composites.epsilonAlpha2Beta1Flat(), Composites.epsilonPlus(), Composites.epsilonAlpha2Beta1()}) {
      Explainer lrp = Lrp.of(c).prepare(g);
      Tensor batch = lrp.explain(x, Target.classes(targets)).relevance();
      for (int n = 0; n < 3; n++) {
        Tensor alone = lrp.explain(x.slice0(n, n + 1), Target.classes(targets[n])).relevance();
        assertTrue(alone.maxAbsDifference(batch.slice0(n, n + 1)) <= 1e-5f * alone.maxAbs(), c + " sample " + n);
      }
    }
  }
}
