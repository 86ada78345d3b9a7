package org.xai4j.explain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Flatten;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class ModelRandomizationTest {
  /** [N, 1, 8, 8] -> conv 3x3 (4 channels) -> relu -> flatten -> fc (256 -> 3). */
  private static Graph convNet() {
    GraphBuilder b = Graph.builder().seed(4);
    String x = b.input("x", -1, 1, 8, 8);
    String h = b.relu("relu", b.conv2d("conv", x, 1, 4, 3, 1, 1));
    return b.output(b.linear("fc", b.add("flat", new Flatten(Flatten.DEFAULT_AXIS), h), 256, 3)).build();
  }

  @Test
  void theGradientOfALinearModelBecomesTheRandomWeights() {
    float[] w = {3f, -1f, 2f, 0.5f, -4f};
    Graph g = Nets.linear(0f, w);
    ModelRandomization.Result r = ModelRandomization.defaults().evaluate(Gradient.plain().prepare(g), Tensor.full(Shape.of(1, 5), 1f),
        new int[] {0});
    assertEquals(1, r.stages().size());
    // the weight is replaced by N(0, std(w)^2) drawn from the seeded source; the zero bias stays
    double mean = 0.1;
    double var = 0;
    for (float v : w) {
      var += (v - mean) * (v - mean) / w.length;
    }
    float[] random = Tensor.randomNormal(Shape.of(1, 5), (float) Math.sqrt(var),
        new Random(ModelRandomization.DEFAULT_SEED)).toArray();
    double[] abs = new double[5];
    double[] randomAbs = new double[5];
    for (int i = 0; i < 5; i++) {
      abs[i] = Math.abs(w[i]);
      randomAbs[i] = Math.abs(random[i]);
    }
    assertEquals(Similarity.spearman(abs, randomAbs), r.stages().get(0).meanSpearman(), 1e-9);
    assertTrue(Double.isNaN(r.stages().get(0).meanSsim()), "no SSIM for vectors");
  }

  @Test
  void anExplanationBlindToTheModelFailsTheCheck() {
    // an "edge detector" returning the input passes no sanity check: correlation 1 at every stage
    Attributor blind = new Attributor() {
      @Override
      public Explainer prepare(Graph graph) {
        return Explainer.of(graph, this, (input, target) -> new Attribution(graph, input, graph.forward(input).output(),
            v -> null));
      }
    };
    Tensor x = Tensor.randomUniform(Shape.of(2, 1, 8, 8), 0, 1, new Random(1));
    ModelRandomization.Result r = ModelRandomization.defaults().evaluate(blind.prepare(convNet()), x, new int[] {0, 1});
    assertEquals(List.of("fc", "conv"), r.stages().stream().map(ModelRandomization.Stage::layer).toList());
    for (ModelRandomization.Stage s : r.stages()) {
      assertEquals(1, s.meanSpearman(), 1e-12);
      assertEquals(1, s.meanSsim(), 1e-12);
    }
  }

  @Test
  void gradientTimesInputLosesSimilarityWhenEverythingIsRandom() {
    Tensor x = Tensor.randomUniform(Shape.of(2, 1, 8, 8), 0, 1, new Random(1));
    ModelRandomization.Result r = ModelRandomization.defaults().evaluate(GradientTimesInput.plain().prepare(convNet()), x, new int[] {0, 1});
    ModelRandomization.Stage last = r.stages().get(r.stages().size() - 1);
    assertTrue(last.meanSsim() < 0.9 && last.meanSpearman() < 0.9, "randomized: " + last);
  }
}
