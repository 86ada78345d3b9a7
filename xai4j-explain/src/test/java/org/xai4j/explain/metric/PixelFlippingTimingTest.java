package org.xai4j.explain.metric;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.metric.report.SelectivityComparison;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Flatten;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The timing target: pixel flipping with 100 steps for 1,000 28 x 28 digits and 6 methods
 * (5 explanations and the random order) within 2 minutes. Runs only with {@code -Dxai4j.timing=true};
 * the network has mnist-cnn's architecture with seeded random weights (the cost does not depend on
 * the weights).
 */
@EnabledIfSystemProperty(named = "xai4j.timing", matches = "true")
class PixelFlippingTimingTest {
  private static final long BUDGET_MILLIS = 120_000;

  @Test
  void hundredStepsOnAThousandDigitsForSixMethods() {
    GraphBuilder b = Graph.builder().seed(2);
    String x = b.input("x", -1, 1, 28, 28);
    String h = b.maxPool2d("pool1", b.relu("relu1", b.conv2d("conv1", x, 1, 8, 3, 1, 1)), 2, 2, 0);
    h = b.maxPool2d("pool2", b.relu("relu2", b.conv2d("conv2", h, 8, 16, 3, 1, 1)), 2, 2, 0);
    String d = b.relu("relu3", b.linear("fc1", b.add("flat", new Flatten(Flatten.DEFAULT_AXIS), h), 784, 64));
    Graph g = b.output(b.linear("fc2", d, 64, 10)).build();
    Tensor digits = Tensor.randomUniform(Shape.of(1000, 1, 28, 28), 0, 1, new Random(1));
    int[] classes = Classes.argmax(g, digits);
    Map<String, Attributor> methods = new LinkedHashMap<>();
    for (String name : List.of("sensitivity", "gradient", "gradient-x-input", "guided-backprop", "deconvnet")) {
      methods.put(name, switch (name) {
        case "sensitivity" -> new Sensitivity();
        case "gradient" -> Gradient.plain();
        case "gradient-x-input" -> GradientTimesInput.plain();
        case "guided-backprop" -> Gradient.guidedBackprop();
        default -> Gradient.deconvnet();
      });
    }
    PixelFlipping config = new PixelFlipping(100, 1, 1, Replacement.ZERO, RegionOrder.MOST_RELEVANT_FIRST,
        OutputScore.RAW, 0);
    long start = System.nanoTime();
    SelectivityComparison c = SelectivityComparison.run(config, g, digits, classes, methods);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("pixel flipping, 100 steps, 1000 digits, 6 methods: " + millis + " ms; AOPC " + c.aopc());
    assertTrue(millis < BUDGET_MILLIS, millis + " ms");
  }
}
