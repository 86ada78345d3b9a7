package org.xai4j.visualize.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class TransformsTest {
  private static final Tensor IMAGE = Tensor.randomUniform(Shape.of(2, 3, 9, 11), 0f, 1f, new Random(5));

  /**
   * The backward pass against central differences of {@code <T(x), g>} in every input element, in
   * double precision, with the same random draw for every evaluation (the seed is reset each time).
   */
  static void assertBackwardMatchesFiniteDifferences(Transform t, Tensor x, long seed) {
    Transformed out = t.apply(x, new SplittableRandom(seed));
    Tensor g = Tensor.randomNormal(out.output().shape(), 1f, new Random(seed));
    Tensor back = out.backward(g);
    assertEquals(x.shape(), back.shape());
    double h = 1e-2;
    for (int i = 0; i < x.size(); i++) {
      double up = dot(t.apply(moved(x, i, h), new SplittableRandom(seed)).output(), g);
      double down = dot(t.apply(moved(x, i, -h), new SplittableRandom(seed)).output(), g);
      assertEquals((up - down) / (2 * h), back.getFlat(i), 2e-4, t.description() + " at " + i);
    }
  }

  private static Tensor moved(Tensor x, int i, double h) {
    float[] d = x.toArray();
    d[i] += (float) h;
    return Tensor.of(x.shape(), d);
  }

  private static double dot(Tensor a, Tensor b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += (double) a.getFlat(i) * b.getFlat(i);
    }
    return s;
  }

  @Test
  void everyTransformsBackwardPassesAFiniteDifferenceCheck() {
    List<Transform> all = List.of(Padding.constant(3, 0.5f), Padding.reflect(4), new Jitter(3),
        new RandomScale(List.of(0.9, 1.13)), new RandomRotate(List.of(-10.0, 7.0, 33.0)), new ResizeTo(14, 6),
        Normalize.imagenet(), Transforms.standard(), Transforms.standard().then(new ResizeTo(20, 20), Normalize.imagenet()));
    for (Transform t : all) {
      for (long seed = 1; seed <= 3; seed++) {
        assertBackwardMatchesFiniteDifferences(t, IMAGE, seed);
      }
    }
  }

  @Test
  void paddingAndJitterMoveExactPixels() {
    Tensor padded = Padding.constant(2, 0.5f).apply(IMAGE, new SplittableRandom(1)).output();
    assertEquals(Shape.of(2, 3, 13, 15), padded.shape());
    assertEquals(0.5f, padded.get(1, 2, 0, 0));
    assertEquals(IMAGE.get(1, 2, 0, 0), padded.get(1, 2, 2, 2));
    Tensor reflected = Padding.reflect(2).apply(IMAGE, new SplittableRandom(1)).output();
    assertEquals(IMAGE.get(0, 1, 2, 0), reflected.get(0, 1, 0, 2));
    Set<String> offsets = new HashSet<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int k = 0; k < 200; k++) {
      Tensor c = new Jitter(2).apply(IMAGE, r).output();
      assertEquals(Shape.of(2, 3, 7, 9), c.shape());
      for (int dy = 0; dy <= 2; dy++) {
        for (int dx = 0; dx <= 2; dx++) {
          if (c.get(1, 1, 0, 0) == IMAGE.get(1, 1, dy, dx) && c.get(0, 2, 6, 8) == IMAGE.get(0, 2, 6 + dy, 8 + dx)) {
            offsets.add(dy + "," + dx);
          }
        }
      }
    }
    assertEquals(9, offsets.size(), "Lucid's random crop draws every offset in 0..d: " + offsets);
  }

  @Test
  void rotationByNinetyDegreesPermutesASquareImage() {
    Tensor square = Tensor.randomUniform(Shape.of(1, 1, 5, 5), 0f, 1f, new Random(1));
    Tensor r = new RandomRotate(List.of(90.0)).apply(square, new SplittableRandom(1)).output();
    // Output (x, y) reads the input at (cx - (y - cy), cy + (x - cx)) = (4 - y, x).
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 5; x++) {
        assertEquals(square.get(0, 0, x, 4 - y), r.get(0, 0, y, x), 1e-6, y + "," + x);
      }
    }
    Tensor small = new RandomRotate(List.of(10.0)).apply(Tensor.full(Shape.of(1, 1, 9, 9), 1f), new SplittableRandom(1)).output();
    assertEquals(1f, small.get(0, 0, 4, 4), 1e-6);
    assertTrue(small.get(0, 0, 0, 0) < 1f, "corners rotate out of the image and fill with zeros");
  }

  @Test
  void scaleAndResizeUseAlignedCorners() {
    Tensor scaled = new RandomScale(List.of(0.9)).apply(IMAGE, new SplittableRandom(1)).output();
    assertEquals(Shape.of(2, 3, 9, 10), scaled.shape());  // ceil(0.9 * 9) = 9 (8.1 -> 9), ceil(9.9) = 10
    Tensor up = new ResizeTo(17, 21).apply(IMAGE, new SplittableRandom(1)).output();
    assertEquals(IMAGE.get(1, 0, 0, 0), up.get(1, 0, 0, 0));
    assertEquals(IMAGE.get(1, 0, 8, 10), up.get(1, 0, 16, 20));
    assertEquals((IMAGE.get(0, 2, 4, 5) + IMAGE.get(0, 2, 4, 6)) / 2, up.get(0, 2, 8, 11), 1e-6);
  }

  @Test
  void standardStackMatchesLucidsConfiguration() {
    assertEquals(List.of(0.9, 0.92, 0.94, 0.96, 0.98, 1.0, 1.02, 1.04, 1.06, 1.08, 1.1),
        Transforms.standardScales().stream().map(s -> Math.round(s * 100) / 100.0).toList());
    List<Double> angles = Transforms.standardAngles();
    assertEquals(26, angles.size());
    assertEquals(6, angles.stream().filter(a -> a == 0).count());
    // 128 + 24 = 152, jitter 8 -> 144, scale 0.9..1.1 -> 130..159, jitter 4 -> 126..155.
    SplittableRandom r = new SplittableRandom(7);
    Set<Integer> sizes = new HashSet<>();
    for (int k = 0; k < 60; k++) {
      sizes.add(Transforms.standard().apply(Tensor.zeros(Shape.of(1, 3, 128, 128)), r).output().shape().dim(2));
    }
    assertTrue(sizes.stream().allMatch(s -> s >= 126 && s <= 155), sizes.toString());
    assertTrue(sizes.size() > 4, sizes.toString());
    assertTrue(sizes.contains(140), "scale 1 keeps 144 - 4: " + sizes);
  }

  @Test
  void sameSeedSameDrawOtherSeedOtherDraw() {
    Tensor a = Transforms.standard().apply(IMAGE, new SplittableRandom(4)).output();
    Tensor b = Transforms.standard().apply(IMAGE, new SplittableRandom(4)).output();
    assertArrayEquals(a.toArray(), b.toArray());
    boolean differs = false;
    for (long s = 5; s < 10 && !differs; s++) {
      Tensor c = Transforms.standard().apply(IMAGE, new SplittableRandom(s)).output();
      differs = !c.shape().equals(a.shape()) || c.maxAbsDifference(a) > 0;
    }
    assertTrue(differs);
    assertNotEquals("none", Transforms.standard().description());
  }

  @Test
  void badInputsAreRejectedWithShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Jitter(11).apply(IMAGE, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains("[2, 3, 9, 11]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Normalize.imagenet().apply(Tensor.zeros(Shape.of(1, 1, 4, 4)), new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> Padding.constant(1, 0).apply(Tensor.zeros(Shape.of(3, 4)), new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> new RandomScale(List.of(0.0)));
  }
}
