package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Hand-computed values on {@link TinyNets#handNet()} at x = [1, 2] (pre-ReLU [-1, 4], logits [-8, 4]). */
class GradientMethodsTest {
  private static final float EXACT = 0f;
  private final Graph net = TinyNets.handNet();
  private final Tensor x = Tensor.of(Shape.of(1, 2), 1f, 2f);

  @Test
  void gradientOfClassZero() {
    // dy0/dh = [1, -2]; ReLU keeps unit 1 only: [0, -2]; W1^T [0, -2] = [-4, -2]
    Attribution a = Gradient.plain().prepare(net).explain(x, Target.classes(0));
    assertArrayEquals(new float[] {-4f, -2f}, a.relevance().toArray(), EXACT);
    assertArrayEquals(new float[] {-8f, 4f}, a.output().toArray(), EXACT);
  }

  @Test
  void guidedBackpropDropsNegativeSignalAndInactiveUnits() {
    // class 0: signal [1, -2]; unit 0 inactive, unit 1 has a negative signal: nothing passes
    assertArrayEquals(new float[] {0f, 0f},
        Gradient.guidedBackprop().prepare(net).explain(x, Target.classes(0)).relevance().toArray(), EXACT);
    // class 1: signal [0.5, 1]; only unit 1 is active: W1^T [0, 1] = [2, 1]
    assertArrayEquals(new float[] {2f, 1f},
        Gradient.guidedBackprop().prepare(net).explain(x, Target.classes(1)).relevance().toArray(), EXACT);
  }

  @Test
  void deconvnetPassesPositiveSignalRegardlessOfActivation() {
    // class 0: max(0, [1, -2]) = [1, 0]; W1^T [1, 0] = [1, -1]
    assertArrayEquals(new float[] {1f, -1f},
        Gradient.deconvnet().prepare(net).explain(x, Target.classes(0)).relevance().toArray(), EXACT);
    // class 1: [0.5, 1] passes whole: W1^T [0.5, 1] = [2.5, 0.5]
    assertArrayEquals(new float[] {2.5f, 0.5f},
        Gradient.deconvnet().prepare(net).explain(x, Target.classes(1)).relevance().toArray(), EXACT);
  }

  @Test
  void argmaxTargetsTheLargestLogit() {
    assertArrayEquals(new float[] {2f, 1f}, Gradient.plain().prepare(net).explain(x, Target.argmax()).relevance().toArray(),
        EXACT);
  }

  @Test
  void gradientTimesInputAndSensitivity() {
    assertArrayEquals(new float[] {-4f, -4f},
        GradientTimesInput.plain().prepare(net).explain(x, Target.classes(0)).relevance().toArray(), EXACT);
    assertArrayEquals(new float[] {16f, 4f},
        Sensitivity.plain().prepare(net).explain(x, Target.classes(0)).relevance().toArray(), EXACT);
  }

  @Test
  void customOutputSeedIsLinear() {
    // seed [2, 3] = 2 * grad y0 + 3 * grad y1 = 2 [-4, -2] + 3 [2, 1] = [-2, -1]
    Tensor seed = Tensor.of(Shape.of(1, 2), 2f, 3f);
    assertArrayEquals(new float[] {-2f, -1f},
        Gradient.plain().prepare(net).explain(x, Target.outputSeed(seed)).relevance().toArray(), EXACT);
  }

  @Test
  void hiddenUnitTarget() {
    // d relu_1 / dx = W1 row 1 = [2, 1] (unit active); unit 0 of fc1: [1, -1]
    assertArrayEquals(new float[] {2f, 1f},
        Gradient.plain().prepare(net).explain(x, Target.unit("relu", 1)).relevance().toArray(), EXACT);
    assertArrayEquals(new float[] {1f, -1f},
        Gradient.plain().prepare(net).explain(x, Target.channel("fc1", 0)).relevance().toArray(), EXACT);
  }

  @Test
  void badTargetsFailNamingTheShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gradient.plain().prepare(net).explain(x, Target.classes(5)));
    assertEquals("target 5 is outside [0, 2) for shape [1, 2]", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Gradient.plain().prepare(net).explain(x, Target.outputSeed(Tensor.zeros(Shape.of(1, 3)))));
  }
}
