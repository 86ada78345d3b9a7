package org.xai4j.report.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.metric.Robustness;

class ReportFilesTest {
  @TempDir Path dir;

  private static Curves curves() {
    Map<String, double[]> s = new LinkedHashMap<>();
    s.put("sensitivity", new double[] {5, 4, 3.5});
    s.put("random", new double[] {5, 4.9, 4.8});
    return new Curves("pixel flipping", "step", "logit", Curves.steps(3), s);
  }

  @Test
  void csvOfCurves() throws IOException {
    Path f = dir.resolve("sub/curves.csv");
    CsvTable.writeCurves(f, curves());
    assertEquals("step,sensitivity,random\n0.0,5.0,5.0\n1.0,4.0,4.9\n2.0,3.5,4.8\n", Files.readString(f));
    CsvTable.writeRows(dir.resolve("t.csv"), List.of("method", "aopc"), List.of(List.of("lrp:a,b", 1.5)));
    assertEquals("method,aopc\n\"lrp:a,b\",1.5\n", Files.readString(dir.resolve("t.csv")));
    assertEquals(List.of("curves.csv"), Files.list(f.getParent()).map(p -> p.getFileName().toString()).toList(),
        "no temporary file is left behind");
  }

  @Test
  void pngAndSvgPlots() throws IOException {
    LinePlot plot = new LinePlot(320, 200);
    plot.writePng(dir.resolve("c.png"), curves());
    BufferedImage img = ImageIO.read(dir.resolve("c.png").toFile());
    assertEquals(320, img.getWidth());
    assertEquals(200, img.getHeight());
    plot.writeSvg(dir.resolve("c.svg"), curves());
    String svg = Files.readString(dir.resolve("c.svg"));
    assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
    assertTrue(svg.contains("sensitivity") && svg.contains("pixel flipping"));
    assertThrows(IllegalArgumentException.class, () -> new Curves("t", "x", "y", new double[2],
        Map.of("a", new double[3])));
  }

  @Test
  void jsonOfResultRecords() throws IOException {
    Path f = dir.resolve("metrics.json");
    JsonReport.write(f, Map.of("maxSensitivity", new Robustness(new double[] {0.5, Double.NaN}, 0.25)));
    JsonNode n = new ObjectMapper().readTree(f.toFile());
    assertEquals(0.25, n.get("maxSensitivity").get("mean").asDouble());
    assertEquals(0.5, n.get("maxSensitivity").get("perSample").get(0).asDouble());
    assertEquals("NaN", n.get("maxSensitivity").get("perSample").get(1).asText());
  }
}
