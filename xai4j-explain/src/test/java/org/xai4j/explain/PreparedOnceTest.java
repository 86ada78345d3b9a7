package org.xai4j.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.canon.Canonizer;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.metric.Continuity;
import org.xai4j.explain.metric.MaxSensitivity;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** A prepared explainer canonizes, resolves and modifies weights once per model, however often it explains. */
class PreparedOnceTest {
  private static Graph mlp() {
    GraphBuilder b = Graph.builder().seed(5);
    String x = b.input("x", -1, 8);
    String h = b.relu("relu1", b.linear("fc1", x, 8, 6));
    return b.output(b.linear("fc2", h, 6, 3)).build();
  }

  @Test
  void lrpIsPreparedOncePerModelAcrossExplanationsAndMetrics() {
    AtomicInteger canonized = new AtomicInteger();
    Canonizer counting = g -> {
      canonized.incrementAndGet();
      return g;
    };
    // canonizing, resolving the composite and computing modified weights happen together, in bind
    LrpRules rules = LrpRules.of(Composites.epsilonPlusFlat()).withCanonizer(counting);
    Graph g = mlp();
    Explainer lrp = Lrp.of(rules).prepare(g);
    assertEquals(1, canonized.get());
    Tensor x = Tensor.randomNormal(Shape.of(4, 8), 1f, new Random(1));
    int[] classes = {0, 1, 2, 0};
    for (int k = 0; k < 3; k++) {
      lrp.explain(x, Target.classes(classes));
    }
    MaxSensitivity.defaults().evaluate(lrp, x, classes);
    Continuity.defaults().evaluate(lrp, x, classes);
    SmoothGrad.defaults().withOverrides(rules).prepare(g).explain(x, Target.argmax());
    assertEquals(2, canonized.get(), "once per prepare: the LRP explainer and the SmoothGrad explainer");
  }
}
