package org.xai4j.report.metric;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LinePlotPaletteTest {
  @Test
  void twentySeriesHaveTwentyClearlyDifferentColours() {
    Color[] p = LinePlot.PALETTE;
    assertTrue(p.length >= 20, "the demo plots 15 methods and the random baseline");
    for (int i = 0; i < p.length; i++) {
      for (int j = i + 1; j < p.length; j++) {
        double d = Math.sqrt(Math.pow(p[i].getRed() - p[j].getRed(), 2) + Math.pow(p[i].getGreen() - p[j].getGreen(),
            2) + Math.pow(p[i].getBlue() - p[j].getBlue(), 2));
        assertTrue(d > 40, "colours " + i + " and " + j + " are " + d + " apart in RGB");
      }
    }
  }

  @Test
  void neighbouringSeriesDifferInTheirLineToo() {
    for (int i = 0; i + 1 < LinePlot.PALETTE.length; i++) {
      assertNotEquals(Arrays.toString(LinePlot.stroke(i).getDashArray()),
          Arrays.toString(LinePlot.stroke(i + 1).getDashArray()), "series " + i);
    }
  }
}
