package org.xai4j.report.metric;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.xai4j.io.AtomicFiles;

/**
 * Line plots of {@link Curves} (pixel-flipping curves per method, explanation change along a
 * continuity path), drawn with JFreeChart and written as PNG or SVG.
 *
 * @param width image width in pixels, at least 1
 * @param height image height in pixels, at least 1
 */
public record LinePlot(int width, int height) {
  /** Default width in pixels. */
  public static final int DEFAULT_WIDTH = 800;
  /** Default height in pixels. */
  public static final int DEFAULT_HEIGHT = 500;
  private static final float LINE_WIDTH = 2f;
  /**
   * Series colours: Tableau 10, then ten darker or more saturated colours that differ from all of them, so that
   * up to 20 series (the demo compares 15 methods and the random baseline) never share a colour.
   */
  static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
      new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
      new Color(0x9C755F), new Color(0xBAB0AC), new Color(0x1B1B1B), new Color(0x8B0000), new Color(0x00008B),
      new Color(0x006400), new Color(0xFF00FF), new Color(0x00CED1), new Color(0x8B4513), new Color(0x9ACD32),
      new Color(0x4B0082), new Color(0xFF4500)};
  /** Dash patterns (solid, dashed, dotted, dash-dot), so that lines that lie on top of each other stay visible. */
  private static final float[][] DASHES = {null, {8f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}};

  /** Rejects empty sizes. */
  public LinePlot {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("plot size must be at least 1 x 1, got " + width + " x " + height);
    }
  }

  /** The default size. */
  public static LinePlot defaults() {
    return new LinePlot(DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /** Writes the curves as a PNG image. */
  public void writePng(Path file, Curves curves) throws IOException {
    JFreeChart chart = chart(curves);
    AtomicFiles.writeCreatingDirectories(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
  }

  /** Writes the curves as an SVG document. */
  public void writeSvg(Path file, Curves curves) throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    chart(curves).draw(g, new Rectangle(0, 0, width, height));
    byte[] bytes = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.writeCreatingDirectories(file, out -> out.write(bytes));
  }

  private static JFreeChart chart(Curves curves) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[]> e : curves.series().entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      for (int i = 0; i < curves.x().length; i++) {
        s.add(curves.x()[i], e.getValue()[i]);
      }
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(curves.title(), curves.xLabel(), curves.yLabel(), data,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, stroke(i));
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
    plot.setRenderer(renderer);
    return chart;
  }

  /** Series {@code i}'s line: every fourth series solid, the others dashed, dotted or dash-dotted. */
  static BasicStroke stroke(int i) {
    float[] dash = DASHES[i % DASHES.length];
    return dash == null ? new BasicStroke(LINE_WIDTH) : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_ROUND, 1f, dash, 0f);
  }
}
