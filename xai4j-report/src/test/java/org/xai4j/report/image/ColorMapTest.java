package org.xai4j.report.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Palette entries computed by hand from Zennit's colour-map rules. */
class ColorMapTest {
  @Test
  void bwrPalette() {
    int[] p = ColorMap.named("bwr").palette(Heatmaps.DEFAULT_LEVEL);
    assertEquals(0x0000ff, p[0]);
    // entry 127 sits at 127/128 of the way from blue (0) to white (128): 255 * 127/128 = 253.0
    assertEquals(0xfdfdff, p[127]);
    assertEquals(0xffffff, p[128]);
    assertEquals(0xff0000, p[255]);
  }

  @Test
  void coldnhotSpreadsUnpositionedColours() {
    // nodes: 0ff@0, 00f@64, 000@128, f00@170, ff0@212, fff@255
    ColorMap m = ColorMap.named("coldnhot");
    int[] p = m.palette(Heatmaps.DEFAULT_LEVEL);
    assertEquals(0x00ffff, p[0]);
    assertEquals(0x000003, p[127]);
    assertEquals(0x000000, p[128]);
    assertEquals(0xffffff, p[255]);
    double[] red = m.color(170.0 / 255);
    assertEquals(255, red[0], 1e-9);
    assertEquals(0, red[1], 1e-9);
  }

  @Test
  void levelBelowOneShrinksTowardsTheCentre() {
    int[] p = ColorMap.named("gray").palette(0);
    // level 0: every entry is the colour at 0.5 = 127.5 -> 127
    assertEquals(0x7f7f7f, p[0]);
    assertEquals(0x7f7f7f, p[255]);
  }

  @Test
  void errorsNameTheProblem() {
    assertEquals("unknown colour map 'jet'; choose one of [gray, wred, wblue, hot, cold, coldnhot, bwr, france, "
        + "seismic, coolio, coleus]", assertThrows(IllegalArgumentException.class, () -> ColorMap.named("jet"))
        .getMessage());
    assertThrows(IllegalArgumentException.class, () -> ColorMap.parse("fff"));
    assertThrows(IllegalArgumentException.class, () -> ColorMap.parse("80:fff,10:000"));
    assertThrows(IllegalArgumentException.class, () -> ColorMap.parse("fff,xyz"));
  }
}
