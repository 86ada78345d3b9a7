package org.xai4j.explain.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class SelectivityTest {
  private static final double EPS = 1e-6;
  /** f(x) = 3 x0 + x1 + 2 x2 - x3 at x = 1: gradient x input R = [3, 1, 2, -1], f = 5. */
  private final Graph linear = Nets.linear(0f, 3f, 1f, 2f, -1f);
  private final Tensor ones = Tensor.full(Shape.of(1, 4), 1f);

  private static PixelFlipping flipping(RegionOrder order) {
    return new PixelFlipping(4, 1, 1, Replacement.ZERO, order, OutputScore.RAW, 0);
  }

  @Test
  void aopcOfMostRelevantFirstOnALinearModelByHand() {
    // order 0, 2, 1, 3: f = 5, 2, 0, -1, 0; AOPC = (0 + 3 + 5 + 6 + 5) / 5
    PixelFlipping.Result r = flipping(RegionOrder.MOST_RELEVANT_FIRST)
        .evaluate(GradientTimesInput.plain().prepare(linear), ones, new int[] {0});
    assertArrayEquals(new double[] {5, 2, 0, -1, 0}, r.meanCurve(), EPS);
    assertEquals(19.0 / 5, r.aopc(), EPS);
  }

  @Test
  void aopcOfLeastRelevantFirstByHand() {
    // order 3, 1, 2, 0: f = 5, 6, 5, 3, 0; AOPC = (0 - 1 + 0 + 2 + 5) / 5
    PixelFlipping.Result r = flipping(RegionOrder.LEAST_RELEVANT_FIRST)
        .evaluate(GradientTimesInput.plain().prepare(linear), ones, new int[] {0});
    assertArrayEquals(new double[] {5, 6, 5, 3, 0}, r.meanCurve(), EPS);
    assertEquals(6.0 / 5, r.aopc(), EPS);
  }

  @Test
  void twoRegionsPerStepAndPatchesOfTwo() {
    // patches {0,1} (R 4) and {2,3} (R 1); one patch per step: f = 5, 1, 0
    PixelFlipping f = new PixelFlipping(2, 1, 2, Replacement.ZERO, RegionOrder.MOST_RELEVANT_FIRST,
        OutputScore.RAW, 0);
    PixelFlipping.Result r = f.evaluate(GradientTimesInput.plain().prepare(linear), ones, new int[] {0});
    assertArrayEquals(new double[] {5, 1, 0}, r.meanCurve(), EPS);
    // two single pixels per step: {0, 2} then {1, 3}: f = 5, 0, 0
    PixelFlipping g = new PixelFlipping(2, 2, 1, Replacement.ZERO, RegionOrder.MOST_RELEVANT_FIRST,
        OutputScore.RAW, 0);
    assertArrayEquals(new double[] {5, 0, 0}, g.evaluate(GradientTimesInput.plain().prepare(linear), ones, new int[] {0}).meanCurve(), EPS);
  }

  @Test
  void randomOrderIsASeededPermutation() {
    double[][] scores = new double[3][10];
    int[][] a = RegionOrder.RANDOM.order(scores, new Random(5));
    int[][] b = RegionOrder.RANDOM.order(scores, new Random(5));
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(a[i], b[i]);
      int[] sorted = a[i].clone();
      Arrays.sort(sorted);
      assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
    }
  }

  @Test
  void deletionAndInsertionAucByHand() {
    InsertionDeletion del = new InsertionDeletion(InsertionDeletion.Mode.DELETION, 4, Replacement.ZERO,
        OutputScore.RAW, 0);
    InsertionDeletion.Result d = del.evaluate(GradientTimesInput.plain().prepare(linear), ones, new int[] {0});
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, d.fraction(), EPS);
    assertEquals(0.25 * (3.5 + 1 - 0.5 - 0.5), d.auc(), EPS);
    InsertionDeletion ins = new InsertionDeletion(InsertionDeletion.Mode.INSERTION, 4, Replacement.ZERO,
        OutputScore.RAW, 0);
    InsertionDeletion.Result i = ins.evaluate(GradientTimesInput.plain().prepare(linear), ones, new int[] {0});
    assertArrayEquals(new double[] {0, 3, 5, 6, 5}, i.meanCurve(), EPS);
    assertEquals(0.25 * (1.5 + 4 + 5.5 + 5.5), i.auc(), EPS);
  }

  @Test
  void softmaxScoreOfTwoLogits() {
    Tensor out = Tensor.of(Shape.of(1, 2), 0f, (float) Math.log(3));
    assertEquals(0.75, OutputScore.SOFTMAX.of(out, new int[] {1})[0], 1e-6);
    assertEquals(Math.log(3), OutputScore.RAW.of(out, new int[] {1})[0], 1e-6);
  }

  @Test
  void replacementValues() {
    Tensor img = Tensor.of(Shape.of(1, 1, 2, 2), 1f, 2f, 3f, 6f);
    ImageGrid grid = ImageGrid.of(img.shape(), 1);
    assertArrayEquals(new float[] {3, 3, 3, 3}, Replacement.MEAN.values(img, grid, new Random(0)).toArray(), 1e-6f);
    assertArrayEquals(new float[] {0, 0, 0, 0}, Replacement.ZERO.values(img, grid, new Random(0)).toArray());
    for (float v : Replacement.NOISE.values(img, grid, new Random(0)).toArray()) {
      assertTrue(v >= 1 && v <= 6, "noise within the sample's range: " + v);
    }
    // blur of a 1x1 image: zero padding leaves the centre tap k[5]^2 of the normalized kernel
    double sum = 0;
    for (int i = -5; i <= 5; i++) {
      sum += Math.exp(-i * i / 50.0);
    }
    Tensor one = Tensor.of(Shape.of(1, 1, 1, 1), 2f);
    assertEquals(2 / (sum * sum), Replacement.BLUR.values(one, ImageGrid.of(one.shape(), 1), new Random(0))
        .getFlat(0), 1e-6);
  }

  @Test
  void gridRegionsAndRelevanceShapes() {
    ImageGrid g = ImageGrid.of(Shape.of(2, 3, 5, 5), 2);
    assertEquals(9, g.regions());
    assertArrayEquals(new int[] {24}, g.pixelsOf(8));
    assertArrayEquals(new int[] {2, 3, 7, 8}, g.pixelsOf(1));
    assertThrows(IllegalArgumentException.class, () -> g.pixelRelevance(Tensor.zeros(Shape.of(2, 2, 5, 5))));
    assertEquals(25, g.pixelRelevance(Tensor.zeros(Shape.of(2, 1, 5, 5)))[1].length);
    assertThrows(IllegalArgumentException.class, () -> new PixelFlipping(0, 1, 1, Replacement.ZERO,
        RegionOrder.RANDOM, OutputScore.RAW, 0));
  }

  @Test
  void slicedExplanationsAndScoresEqualOneBatch() {
    int n = Scores.MAX_BATCH + 44;
    Tensor x = Tensor.randomUniform(Shape.of(n, 4), -1, 1, new Random(3));
    int[] classes = new int[n];
    Tensor whole = GradientTimesInput.plain().prepare(linear).explain(x, org.xai4j.explain.Target.classes(classes))
        .relevance();
    assertEquals(0, whole.maxAbsDifference(Scores.relevance(GradientTimesInput.plain().prepare(linear), x, classes)));
    assertEquals(0, linear.forward(x).output().maxAbsDifference(Scores.output(linear, x)));
  }
}
