package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Quadrature;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Gradient-family methods over an LRP composite (Zennit's SmoothGrad / IG with a composite). */
class LrpOverridesTest {
  private static final LrpRules RULES = LrpRules.of(Composites.epsilonPlusFlat());

  private static Graph mlp() {
    GraphBuilder b = Graph.builder().seed(3);
    String x = b.input("x", -1, 6);
    String h = b.relu("relu1", b.linear("fc1", x, 6, 8));
    String h2 = b.relu("relu2", b.linear("fc2", h, 8, 8));
    return b.output(b.linear("fc3", h2, 8, 4)).build();
  }

  private final Graph net = mlp();
  private final Tensor x = Tensor.randomNormal(Shape.of(2, 6), 1f, new Random(9));
  private final Target t = Target.classes(1, 3);

  @Test
  void smoothGradWithoutNoiseOverLrpIsLrp() {
    Attribution lrp = Lrp.of(RULES).prepare(net).explain(x, t);
    Attribution sg = SmoothGrad.defaults().withSamples(1).withOverrides(RULES).withSeedTimesOutput(true).prepare(net)
        .explain(x, t);
    assertEquals(0f, sg.relevance().maxAbsDifference(lrp.relevance()), 1e-6f * lrp.relevance().maxAbs());
    assertEquals(0f, sg.at("relu1").maxAbsDifference(lrp.at("relu1")), 1e-6f * lrp.at("relu1").maxAbs());
    Attribution noisy = SmoothGrad.defaults().withSamples(8).withOverrides(RULES).prepare(net).explain(x, t);
    Attribution plain = SmoothGrad.defaults().withSamples(8).prepare(net).explain(x, t);
    assertTrue(noisy.relevance().maxAbsDifference(plain.relevance()) > 1e-3f, "the composite changes SmoothGrad");
  }

  @Test
  void integratedGradientsOverLrpMultipliesTheLrpSignalByTheInput() {
    // one Riemann-right step evaluates the signal at x only: IG = (x - 0) * signal(x)
    Attribution lrp = Lrp.of(RULES).withSeedTimesOutput(false).prepare(net).explain(x, t);
    Attribution ig = IntegratedGradients.defaults().withSteps(1).withMethod(Quadrature.RIEMANN_RIGHT)
        .withOverrides(RULES).prepare(net).explain(x, t);
    Tensor expected = lrp.relevance().mul(x);
    assertEquals(0f, ig.relevance().maxAbsDifference(expected), 1e-6f * expected.maxAbs());
  }
}
