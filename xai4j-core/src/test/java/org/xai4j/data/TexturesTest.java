package org.xai4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class TexturesTest {
  @Test
  void seededBalancedAndInRange() {
    TexturesData a = Textures.generate(24, 7);
    assertArrayEquals(a.images().images().toArray(), Textures.generate(24, 7).images().images().toArray());
    assertArrayEquals(Textures.generate(6, 7).images().images().toArray(), a.images().images().slice0(0, 6).toArray(),
        "a sample depends only on the seed and its index");
    assertEquals(Shape.of(24, 3, 64, 64), a.images().images().shape());
    assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4}, a.images().classCounts());
    assertTrue(a.images().images().min() >= 0 && a.images().images().max() <= 1);
    for (int i = 0; i < 24; i++) {
      TextureParameters p = a.parameters().get(i);
      assertEquals(TextureKind.values()[a.images().labels()[i]], p.kind());
      assertTrue(p.period() >= Textures.MIN_PERIOD && p.period() <= Textures.MAX_PERIOD);
      double contrast = 0;
      for (int c = 0; c < 3; c++) {
        contrast += Math.abs(p.foreground()[c] - p.background()[c]);
      }
      assertTrue(contrast >= Textures.MIN_CONTRAST);
    }
    assertTrue(Textures.generate(6, 8).images().images().maxAbsDifference(a.images().images().slice0(0, 6)) > 0.1);
    assertThrows(IllegalArgumentException.class, () -> Textures.generate(-1, 1));
  }

  @Test
  void everyClassSpreadsOverTheWholeRangeOfAnglesAndPeriods() {
    // java.util.Random seeded with base + 6k (one class) would put 100 samples' angles within 6% of the range
    int perClass = 100;
    TexturesData d = Textures.generate(perClass * Textures.classes(), 2);
    for (TextureKind kind : TextureKind.values()) {
      int[] angles = new int[4];
      int[] periods = new int[4];
      for (TextureParameters p : d.parameters()) {
        if (p.kind() == kind) {
          angles[(int) Math.min(3, 4 * p.angle() / Math.PI)]++;
          periods[(int) Math.min(3, 4 * (p.period() - Textures.MIN_PERIOD) / (Textures.MAX_PERIOD - Textures.MIN_PERIOD))]++;
        }
      }
      for (int q = 0; q < 4; q++) {
        assertTrue(angles[q] >= perClass / 10 && periods[q] >= perClass / 10,
            kind + ": angle quarters " + java.util.Arrays.toString(angles) + ", period quarters "
                + java.util.Arrays.toString(periods));
      }
    }
  }

  /** Mean absolute difference of an image with itself shifted by {@code d} pixels along the pattern's normal. */
  private static double shifted(Tensor img, int n, TextureParameters p, double d) {
    double dx = d * Math.cos(p.angle());
    double dy = d * Math.sin(p.angle());
    double s = 0;
    int count = 0;
    for (int y = 8; y < 56; y++) {
      for (int x = 8; x < 56; x++) {
        int x2 = (int) Math.round(x + dx);
        int y2 = (int) Math.round(y + dy);
        if (x2 < 0 || x2 >= 64 || y2 < 0 || y2 >= 64) {
          continue;
        }
        for (int c = 0; c < 3; c++) {
          s += Math.abs(img.get(n, c, y, x) - img.get(n, c, y2, x2));
        }
        count++;
      }
    }
    return s / count;
  }

  @Test
  void stripesAndCheckersRepeatWithTheirPeriodAndGradientsAreSmooth() {
    TexturesData d = Textures.generate(60, 3);
    Tensor img = d.images().images();
    for (int n = 0; n < 60; n++) {
      TextureParameters p = d.parameters().get(n);
      double contrast = 0;
      for (int c = 0; c < 3; c++) {
        contrast += Math.abs(p.foreground()[c] - p.background()[c]);
      }
      if (p.kind() == TextureKind.STRIPES || p.kind() == TextureKind.CHECKERS) {
        double period = p.kind() == TextureKind.STRIPES ? p.period() : 2 * p.period();
        double same = shifted(img, n, p, period);
        double opposite = shifted(img, n, p, period / 2);
        assertTrue(same < 0.35 * opposite, p + ": one period " + same + ", half a period " + opposite);
        assertTrue(opposite > 0.4 * contrast, p + ": half a period " + opposite);
      }
      if (p.kind() == TextureKind.GRADIENT) {
        double step = 0;
        for (int y = 0; y < 64; y++) {
          for (int x = 0; x < 63; x++) {
            step += Math.abs(img.get(n, 0, y, x + 1) - img.get(n, 0, y, x));
          }
        }
        assertTrue(step / (64 * 63) < 2 * Textures.PIXEL_NOISE, "gradient " + n + ": " + step / (64 * 63));
      }
    }
  }
}
