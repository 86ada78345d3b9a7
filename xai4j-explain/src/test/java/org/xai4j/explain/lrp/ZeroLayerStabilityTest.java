package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.NonFinite;
import org.xai4j.graph.Node;
import org.xai4j.op.Conv;
import org.xai4j.op.Flatten;
import org.xai4j.op.Gemm;
import org.xai4j.op.MaxPool;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Layers whose outputs are exactly zero (all-zero weights and biases, or an all-zero input) give every stabilized
 * denominator the value 0 before stabilization: every rule and method must still return finite relevance, never NaN.
 */
class ZeroLayerStabilityTest {
  private static Graph zeroCnn() {
    GraphBuilder b = Graph.builder();
    String x = b.input("input", -1, 1, 6, 6);
    String c = b.add("conv", new Conv(Tensor.zeros(Shape.of(2, 1, 3, 3)), Tensor.zeros(Shape.of(2)), null,
        List.of(1, 1, 1, 1), null, 1), x);
    String p = b.add("pool", MaxPool.square(2, 2, 0), b.relu("relu", c));
    String f = b.add("flatten", new Flatten(), p);
    Graph g = b.output(b.add("fc", Gemm.linear(Tensor.zeros(Shape.of(3, 18)), Tensor.zeros(Shape.of(3))), f)).build();
    for (Node n : g.nodes()) {
      assertTrue(n.op().parameters().asMap().values().stream().allMatch(t -> allZero(t)), n.name());
    }
    return g;
  }

  private static boolean allZero(Tensor t) {
    for (float v : t.toArray()) {
      if (v != 0f) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Attributor> methods() {
    Map<String, Attributor> m = new LinkedHashMap<>();
    for (String name : Composites.NAMES) {
      m.put("lrp:" + name, Lrp.of(Composites.byName(name, BoxBound.scalar(-1f), BoxBound.scalar(1f))));
      m.put("lrp:" + name + " (one-hot)", Lrp.of(Composites.byName(name, BoxBound.scalar(-1f),
          BoxBound.scalar(1f))).withSeedTimesOutput(false));
    }
    m.put("gradient-x-input", GradientTimesInput.plain());
    m.put("integrated-gradients", IntegratedGradients.defaults().withSteps(8));
    return m;
  }

  @Test
  void allZeroLayersGiveFiniteRelevanceForEveryRule() {
    Graph g = zeroCnn();
    Tensor x = Tensor.randomUniform(Shape.of(2, 1, 6, 6), -1f, 1f, new java.util.Random(3));
    for (Tensor input : List.of(x, Tensor.zeros(x.shape()))) {
      methods().forEach((name, a) -> {
        Tensor r = a.prepare(g).explain(input, Target.classes(1)).relevance();
        assertTrue(NonFinite.count(r).finite(), name + ": " + NonFinite.count(r));
        assertEquals(input.shape(), r.shape(), name);
      });
    }
  }

  @Test
  void aZeroInputToTrainedLikeWeightsStaysFinite() {
    Graph g = zeroCnn();
    Tensor w = Tensor.randomUniform(Shape.of(2, 1, 3, 3), -1f, 1f, new java.util.Random(4));
    Graph withWeights = g.withOp("conv", g.node("conv").op().withParameters(Parameters.of("weight", w, "bias",
        Tensor.zeros(Shape.of(2)))));
    Tensor zeros = Tensor.zeros(Shape.of(1, 1, 6, 6));
    methods().forEach((name, a) -> assertTrue(NonFinite.count(a.prepare(withWeights).explain(zeros,
        Target.classes(0)).relevance()).finite(), name));
  }
}
