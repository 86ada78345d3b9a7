package org.xai4j.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.InternalBatch;
import org.xai4j.explain.attribution.Occlusion;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.TestGraphs;

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
        new MethodOptions(7, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null),
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
  void internalBatchReachesTheMethodsThatEvaluateManyPoints() {
    MethodOptions four = MethodOptions.none().withInternalBatch(4);
    assertEquals(IntegratedGradients.defaults().withInternalBatch(InternalBatch.of(4)).toString(),
        Methods.attributor("integrated-gradients", four, VECTORS).toString());
    assertEquals(SmoothGrad.defaults().withInternalBatch(InternalBatch.of(4)),
        Methods.attributor("smoothgrad", four, VECTORS));
    assertEquals(Occlusion.of(3, 8, 8).withStrides(3, 8, 8).withInternalBatch(InternalBatch.of(4)),
        Methods.attributor("occlusion", four, IMAGES));
    assertEquals(SmoothGrad.defaults(), Methods.attributor("smoothgrad", MethodOptions.none(), VECTORS));
    assertEquals("option --internal-batch does not apply to method lrp", error("lrp", four, VECTORS));
    assertEquals("--internal-batch must be at least 1, got 0",
        error("smoothgrad", MethodOptions.none().withInternalBatch(0), VECTORS));
  }

  @Test
  void wrongNamesArgumentsAndOptionsAreErrors() {
    assertTrue(error("saliency", MethodOptions.none(), VECTORS).contains("unknown method 'saliency'"));
    assertTrue(error("gradient:x", MethodOptions.none(), VECTORS).contains("takes no ':' argument"));
    assertTrue(error("grad-cam", MethodOptions.none(), IMAGES).contains("grad-cam:LAYER"));
    assertTrue(error("lrp:epsilon-plus", MethodOptions.none().withComposite("deep-taylor"), VECTORS)
        .contains("disagree"));
    MethodOptions steps = new MethodOptions(7, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
    assertEquals("option --integration-steps does not apply to method gradient", error("gradient", steps, VECTORS));
    assertTrue(error("occlusion", MethodOptions.none().withSeedTimesOutput(true), IMAGES)
        .contains("--seed-times-output does not apply to method occlusion"));
    assertTrue(error("gradient", MethodOptions.none().withBounds(0f, 1f), VECTORS).contains("needs an LRP composite"));
    assertTrue(error("guided-backprop", MethodOptions.none().withComposite("epsilon-plus"), VECTORS)
        .contains("--composite does not apply"));
    assertTrue(error("occlusion", MethodOptions.none(), VECTORS).contains("--window"));
    assertTrue(error("lrp:nope", MethodOptions.none(), VECTORS).contains("unknown composite"));
  }

  @Test
  void gradientWhereUncoveredIsTheCompositesOptOut() {
    Graph g = TestGraphs.instanceNormalized();
    Shape in = Shape.of(1, 2, 4);
    Attributor strict = Methods.attributor("lrp", MethodOptions.none(), in);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strict.prepare(g));
    assertTrue(e.getMessage().contains("'norm' (InstanceNormalization, parameters"), e.getMessage());
    assertTrue(e.getMessage().contains("--gradient-where-uncovered"), e.getMessage());
    MethodOptions lenient = MethodOptions.none().withGradientWhereUncovered(true);
    assertEquals(Lrp.of(Composites.epsilonPlusFlat().withGradientWhereUncovered()), Methods.attributor("lrp",
        lenient.withCanonize(false), in));
    Tensor x = Tensor.randomNormal(Shape.of(2, 2, 4), 1f, new Random(6));
    Tensor expected = Lrp.of(Composites.epsilonPlusFlat().withGradientWhereUncovered()).prepare(g)
        .explain(x, Target.argmax()).relevance();
    Tensor got = Methods.attributor("lrp", lenient.withCanonize(false), in).prepare(g).explain(x, Target.argmax())
        .relevance();
    assertEquals(0f, got.maxAbsDifference(expected), 0f);
    assertTrue(error("gradient", lenient, in).contains("--gradient-where-uncovered needs an LRP composite"));
  }

  @Test
  void optionsSharedBySeveralMethodsGoWhereTheyApply() {
    MethodOptions given = MethodOptions.none().withCanonize(false).withGradientWhereUncovered(true)
        .withSeedTimesOutput(true);
    assertEquals(MethodOptions.none().withSeedTimesOutput(true), Methods.optionsFor("gradient", given));
    assertEquals(given, Methods.optionsFor("lrp:epsilon-plus", given));
    assertEquals(MethodOptions.none(), Methods.optionsFor("occlusion", given));
    assertEquals(given.withComposite("epsilon-plus"), Methods.optionsFor("smoothgrad",
        given.withComposite("epsilon-plus")));
    Methods.requireEachApplies(List.of("gradient", "lrp"), given);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Methods.requireEachApplies(List.of("gradient", "occlusion"), given));
    assertEquals("option --canonize applies to none of the methods [gradient, occlusion]", e.getMessage());
  }
}
