package org.xai4j.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Occlusion;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** The method registry: one syntax, options only where they apply. */
class MethodsTest {
  private static final Shape VECTORS = Shape.of(1, 6);
  private static final Shape IMAGES = Shape.of(1, 3, 16, 12);

  private static Graph mlp() {
    GraphBuilder b = Graph.builder().seed(3);
    String x = b.input("x", -1, 6);
    String h = b.relu("relu1", b.linear("fc1", x, 6, 8));
    return b.output(b.linear("fc2", h, 8, 4)).build();
  }

  private static String error(String spec, MethodOptions o, Shape s) {
    return assertThrows(IllegalArgumentException.class, () -> Methods.attributor(spec, o, s)).getMessage();
  }

  @Test
  void namesAndArguments() {
    MethodOptions asGiven = MethodOptions.none().withCanonize(false);
    assertEquals(Lrp.of(Composites.epsilonPlusFlat()), Methods.attributor("lrp", asGiven, VECTORS));
    assertEquals(Lrp.of(Composites.epsilonPlus()), Methods.attributor("lrp:epsilon-plus", asGiven, VECTORS));
    assertEquals(Lrp.of(Composites.epsilonPlus()), Methods.attributor("lrp", asGiven.withComposite("epsilon-plus"),
        VECTORS));
    assertEquals(GradCam.of("conv"), Methods.attributor("grad-cam:conv", MethodOptions.none(), IMAGES));
    assertEquals(GradCam.of("conv").withUpsampling(true), Methods.attributor("grad-cam", MethodOptions.none()
        .withLayer("conv").withUpsample(true), IMAGES));
    assertEquals(Occlusion.of(3, 8, 8).withStrides(3, 8, 8), Methods.attributor("occlusion", MethodOptions.none(),
        IMAGES));
    // (Tensor has no value equality; the printed configurations are compared)
    assertEquals(IntegratedGradients.defaults().withSteps(7).toString(), Methods.attributor("integrated-gradients",
        new MethodOptions(7, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
        VECTORS).toString());
    assertEquals(Methods.NAMES.size(), 10);
  }

  @Test
  void aCompositeOverridesAnyGradientMethod() {
    Attributor sg = Methods.attributor("smoothgrad", MethodOptions.none().withComposite("epsilon-plus-flat")
        .withCanonize(false), VECTORS);
    assertEquals(SmoothGrad.defaults().withOverrides(LrpRules.of(Composites.epsilonPlusFlat())), sg);
    Graph g = mlp();
    Tensor x = Tensor.randomNormal(Shape.of(2, 6), 1f, new Random(2));
    Attribution a = sg.prepare(g).explain(x, Target.argmax());
    assertEquals(x.shape(), a.relevance().shape());
    Attribution oneHot = Methods.attributor("lrp", MethodOptions.none().withSeedTimesOutput(false), VECTORS)
        .prepare(g).explain(x, Target.argmax());
    Attribution scaled = Methods.attributor("lrp", MethodOptions.none(), VECTORS).prepare(g).explain(x,
        Target.argmax());
    int k = Target.Argmax.argmaxPerSample(scaled.output())[0];
    Tensor expected = oneHot.relevance().slice0(0, 1).mul(scaled.output().get(0, k));
    assertEquals(0f, expected.maxAbsDifference(scaled.relevance().slice0(0, 1)), 1e-5f * expected.maxAbs());
  }

  @Test
  void wrongNamesArgumentsAndOptionsAreErrors() {
    assertTrue(error("saliency", MethodOptions.none(), VECTORS).contains("unknown method 'saliency'"));
    assertTrue(error("gradient:x", MethodOptions.none(), VECTORS).contains("takes no ':' argument"));
    assertTrue(error("grad-cam", MethodOptions.none(), IMAGES).contains("grad-cam:LAYER"));
    assertTrue(error("lrp:epsilon-plus", MethodOptions.none().withComposite("deep-taylor"), VECTORS)
        .contains("disagree"));
    MethodOptions steps = new MethodOptions(7, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
    assertEquals("option --integration-steps does not apply to method gradient", error("gradient", steps, VECTORS));
    assertTrue(error("occlusion", MethodOptions.none().withSeedTimesOutput(true), IMAGES)
        .contains("--seed-times-output does not apply to method occlusion"));
    assertTrue(error("gradient", MethodOptions.none().withBounds(0f, 1f), VECTORS).contains("needs an LRP composite"));
    assertTrue(error("guided-backprop", MethodOptions.none().withComposite("epsilon-plus"), VECTORS)
        .contains("--composite does not apply"));
    assertTrue(error("occlusion", MethodOptions.none(), VECTORS).contains("--window"));
    assertTrue(error("lrp:nope", MethodOptions.none(), VECTORS).contains("unknown composite"));
  }
}
