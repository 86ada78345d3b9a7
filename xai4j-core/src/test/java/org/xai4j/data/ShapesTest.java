package org.xai4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class ShapesTest {
  private static final int S = Shapes.SIDE;

  @Test
  void isDeterministicPerSeedAndIndependentOfTheCount() {
    ShapesData a = Shapes.generate(12, 5);
    ShapesData b = Shapes.generate(20, 5);
    assertEquals(a.images(), b.images().head(12));
    assertEquals(0f, a.masks().maxAbsDifference(b.masks().slice0(0, 12)));
    assertTrue(a.images().images().maxAbsDifference(Shapes.generate(12, 6).images().images()) > 0.1f);
    assertEquals(Shape.of(12, 3, S, S), a.images().images().shape());
    assertEquals(Shape.of(12, 1, S, S), a.masks().shape());
  }

  @Test
  void classesAreBalanced() {
    assertArrayEquals(new int[] {10, 10, 10, 10}, Shapes.generate(40, 1).images().classCounts());
    assertEquals(ShapeKind.values().length, Shapes.classes());
  }

  @Test
  void maskMarksExactlyThePixelsPaintedInTheObjectColour() {
    ShapesData d = Shapes.generate(64, 3);
    for (int n = 0; n < d.size(); n++) {
      Tensor img = d.images().images();
      float[] colour = null;
      int inside = 0;
      for (int p = 0; p < S * S; p++) {
        float[] rgb = {img.getFlat((n * 3) * S * S + p), img.getFlat((n * 3 + 1) * S * S + p),
            img.getFlat((n * 3 + 2) * S * S + p)};
        if (d.masks().getFlat(n * S * S + p) == 1f) {
          inside++;
          if (colour == null) {
            colour = rgb;
          }
          assertArrayEquals(colour, rgb, "image " + n + " pixel " + p + " is in the mask but not object-coloured");
        }
      }
      assertTrue(inside > 0, "image " + n + " has an empty mask");
      for (int p = 0; p < S * S; p++) {
        if (d.masks().getFlat(n * S * S + p) == 0f) {
          float[] rgb = {img.getFlat((n * 3) * S * S + p), img.getFlat((n * 3 + 1) * S * S + p),
              img.getFlat((n * 3 + 2) * S * S + p)};
          assertTrue(Math.abs(rgb[0] - colour[0]) + Math.abs(rgb[1] - colour[1]) + Math.abs(rgb[2] - colour[2]) > 0.2f,
              "background pixel " + p + " of image " + n + " looks like the object");
        }
      }
    }
  }

  @Test
  void masksHaveTheShapeOfTheirClass() {
    // Fill ratio of the mask's bounding box: disc pi/4, square 1, triangle 1/2, cross 5/9.
    double[] expected = {Math.PI / 4, 1, 0.5, 5.0 / 9};
    ShapesData d = Shapes.generate(80, 9);
    int[] labels = d.images().labels();
    for (int n = 0; n < d.size(); n++) {
      int minX = S;
      int maxX = -1;
      int minY = S;
      int maxY = -1;
      int area = 0;
      for (int y = 0; y < S; y++) {
        for (int x = 0; x < S; x++) {
          if (d.masks().getFlat(n * S * S + y * S + x) == 1f) {
            area++;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
        }
      }
      double fill = (double) area / ((maxX - minX + 1) * (maxY - minY + 1));
      assertEquals(expected[labels[n]], fill, 0.1, "image " + n + " of class " + ShapeKind.values()[labels[n]]);
      assertTrue(minX >= 0 && maxX < S && minY >= 0 && maxY < S);
      int height = maxY - minY + 1;
      assertTrue(height >= 2 * Shapes.MIN_RADIUS * 0.8 && height <= 2 * Shapes.MAX_RADIUS + 1, "height " + height);
    }
  }
}
