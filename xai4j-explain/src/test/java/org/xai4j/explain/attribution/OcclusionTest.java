package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Gemm;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class OcclusionTest {
  private static final float TOL = 1e-6f;

  /** y = x . [1, 2, 3, 4]. */
  private static Graph linear() {
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 4);
    return b.output(b.add("fc", Gemm.linear(Tensor.of(Shape.of(1, 4), 1f, 2f, 3f, 4f), Tensor.zeros(Shape.of(1))), x))
        .build();
  }

  private final Tensor ones = Tensor.full(Shape.of(1, 4), 1f);

  @Test
  void overlappingWindowsAreAveraged() {
    // contributions [1, 2, 3, 4]; windows {0,1}: 3, {1,2}: 5, {2,3}: 7
    float[] r = Occlusion.of(2).prepare(linear()).explain(ones, Target.classes(0)).relevance().toArray();
    assertArrayEquals(new float[] {3f, 4f, 6f, 7f}, r, TOL);
  }

  @Test
  void lastWindowIsCutAtTheBorder() {
    // window 3, stride 2 on 4 values: ceil(1/2) + 1 = 2 shifts, {0,1,2}: 6 and {2,3}: 7
    float[] r = Occlusion.of(3).withStrides(2).prepare(linear()).explain(ones, Target.classes(0)).relevance().toArray();
    assertArrayEquals(new float[] {6f, 6f, 6.5f, 7f}, r, TOL);
  }

  @Test
  void baselineReplacesTheWindow() {
    // x = [2, 1, 1, 1] with baseline 1: only element 0 differs (contribution 1)
    Tensor x = Tensor.of(Shape.of(1, 4), 2f, 1f, 1f, 1f);
    float[] r = Occlusion.of(2).withBaseline(1f).prepare(linear()).explain(x, Target.classes(0)).relevance().toArray();
    assertArrayEquals(new float[] {1f, 0.5f, 0f, 0f}, r, TOL);
  }

  @Test
  void nonlinearNetByHand() {
    // hand net, class 1 at x = [1, 2] (y1 = 4): occluding x0 gives y1 = 2, occluding x1 gives y1 = 2.5
    Tensor x = Tensor.of(Shape.of(1, 2), 1f, 2f);
    float[] r = Occlusion.of(1).prepare(TinyNets.handNet()).explain(x, Target.classes(1)).relevance().toArray();
    assertArrayEquals(new float[] {2f, 1.5f}, r, TOL);
  }

  @Test
  void imageWindowsOverChannelsAndSpace() {
    // a linear image model: with a 1x1x1 window occlusion equals gradient x input exactly
    Graph g = TinyNets.imageNet(2, 3, 3, 4, 7);
    Tensor x = Tensor.randomNormal(Shape.of(2, 2, 3, 3), 1f, new java.util.Random(3)).map(Math::abs);
    float[] occ = Occlusion.of(1, 1, 1).withInternalBatch(InternalBatch.of(5)).prepare(g).explain(x, Target.classes(1, 3))
        .relevance().toArray();
    float[] gxi = GradientTimesInput.plain().prepare(g).explain(x, Target.classes(1, 3)).relevance().toArray();
    assertArrayEquals(gxi, occ, 1e-5f);
  }

  @Test
  void rejectsWindowsThatDoNotFit() {
    assertThrows(IllegalArgumentException.class, () -> Occlusion.of(5).prepare(linear()).explain(ones, Target.classes(0)));
    assertThrows(IllegalArgumentException.class,
        () -> Occlusion.of(2).withStrides(3).prepare(linear()).explain(ones, Target.classes(0)));
    assertThrows(IllegalArgumentException.class, () -> Occlusion.of(1, 1).prepare(linear()).explain(ones, Target.classes(0)));
  }
}
