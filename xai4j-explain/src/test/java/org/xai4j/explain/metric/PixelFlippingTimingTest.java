package org.xai4j.explain.metric;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xai4j.data.Mnist;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.tensor.Tensor;

/**
 * The timing target: pixel flipping with 100 steps for 1,000 28 x 28 digits and 6 methods
 * (5 explanations and the random order) within 2 minutes, on the bundled mnist-cnn and the first
 * 1,000 held-out digits, 8 pixels per step. Runs only with {@code -Dxai4j.timing=true}.
 */
@EnabledIfSystemProperty(named = "xai4j.timing", matches = "true")
class PixelFlippingTimingTest {
  private static final long BUDGET_MILLIS = 120_000;
  private static final int DIGITS = 1000;
  private static final int STEPS = 100;
  private static final int PIXELS_PER_STEP = 8;

  @Test
  void hundredStepsOnAThousandDigitsForSixMethods() {
    Graph g = BundledModelFiles.load("mnist-cnn");
    Tensor digits = Mnist.load().test().head(DIGITS).images();
    int[] classes = Classes.argmax(g, digits);
    Map<String, Explainer> methods = new LinkedHashMap<>();
    methods.put("sensitivity", Sensitivity.plain().prepare(g));
    methods.put("gradient-x-input", GradientTimesInput.plain().prepare(g));
    methods.put("lrp:epsilon-plus-flat", Lrp.of(Composites.epsilonPlusFlat()).prepare(g));
    methods.put("lrp:epsilon-alpha2-beta1-flat", Lrp.of(Composites.epsilonAlpha2Beta1Flat()).prepare(g));
    methods.put("lrp:deep-taylor", Lrp.of(Composites.deepTaylor()).prepare(g));
    PixelFlipping config = new PixelFlipping(STEPS, PIXELS_PER_STEP, 1, Replacement.ZERO,
        RegionOrder.MOST_RELEVANT_FIRST, OutputScore.RAW, 0);
    long start = System.nanoTime();
    SelectivityComparison c = SelectivityComparison.run(config, g, digits, classes, methods);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("pixel flipping, 100 steps of 8 pixels, 1000 digits, 6 methods: " + millis + " ms; AOPC "
        + c.aopc());
    assertTrue(millis < BUDGET_MILLIS, millis + " ms");
  }
}
