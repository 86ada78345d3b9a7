package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.models.BundledModels;
import org.xai4j.models.bundled.BundledModelFiles;
import picocli.CommandLine;

/** Runs {@code xai4j demo --samples 2} once into a temporary folder and checks its output and files. */
class DemoCommandTest {
  private static final int SAMPLES = 2;
  private static final Pattern IMG = Pattern.compile("<img [^>]*src=\"([^\"]+)\"");
  /** Deep Taylor (zB, then z+) on mnist-cnn conserves but for what max pooling and the biases take. */
  private static final double DEEP_TAYLOR_MIN = 0.95;
  private static final double CONSERVATION_MAX = 1.5;

  @TempDir static Path dir;
  private static String console;

  @BeforeAll
  static void runDemo() {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("demo", "--out", dir.toString(), "--samples", Integer.toString(SAMPLES)));
    console = out.toString();
  }

  @Test
  void printsTheCommittedAndTheReMeasuredAccuracyOfEveryClassifier() {
    for (String model : List.of("mnist-mlp", "mnist-cnn", "shapes-cnn")) {
      double measured = BundledModels.named(model).evaluate(BundledModelFiles.load(model)).get("test_accuracy");
      String value = String.format(Locale.ROOT, "%.4g", measured);
      String committed = String.format(Locale.ROOT, "%.4g", BundledModelFiles.metrics(model).get("test_accuracy"));
      assertTrue(console.contains(model) && console.matches("(?s).*" + model + " +\\d+ +test_accuracy +" + committed
          + " +" + value + "\\R.*"), model + " " + value + "\n" + console);
    }
    assertTrue(console.matches("(?s).*mnist-decoder +\\d+ +test_mse +0\\.01513 +-\\R.*"), console);
  }

  @Test
  void printsFiniteConservationRatiosNearOneForEveryLrpComposite() {
    Map<String, double[]> ratios = conservation("held-out MNIST digits");
    assertEquals(6, ratios.size(), ratios.keySet().toString());
    for (Map.Entry<String, double[]> e : ratios.entrySet()) {
      assertEquals(SAMPLES, e.getValue().length, e.getKey());
      for (double r : e.getValue()) {
        assertTrue(Double.isFinite(r) && r > 0 && r < CONSERVATION_MAX, e.getKey() + ": " + r);
      }
    }
    for (double r : ratios.get("lrp:deep-taylor")) {
      assertTrue(r >= DEEP_TAYLOR_MIN && r <= 1 + 1e-3, "deep Taylor conserves up to dead units: " + r);
    }
  }

  @Test
  void indexReferencesExistingPngsInTheGridOrder() throws IOException {
    String html = Files.readString(dir.resolve(DemoCommand.INDEX));
    List<String> images = new ArrayList<>();
    Matcher m = IMG.matcher(html);
    while (m.find()) {
      images.add(m.group(1));
    }
    int methods = 15;
    assertEquals(2 * SAMPLES * (1 + methods), images.size(), images.toString());
    for (String png : images) {
      assertFalse(png.contains("/") || png.contains(":"), "relative file name expected: " + png);
      assertTrue(ImageIO.read(dir.resolve(png).toFile()).getWidth() > 0, png);
    }
    assertEquals("mnist-input-0.png", images.get(0));
    assertEquals("mnist-gradient-0.png", images.get(1));
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), "self-contained");
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no temporary files left");
    }
  }

  /** The LRP rows of the console table whose title contains {@code title}: composite to ratios per sample. */
  private static Map<String, double[]> conservation(String title) {
    String table = console.substring(console.indexOf(title));
    table = table.substring(0, table.indexOf(System.lineSeparator() + System.lineSeparator()));
    Map<String, double[]> ratios = new java.util.LinkedHashMap<>();
    for (String line : table.split("\\R")) {
      String[] cells = line.trim().split(" +");
      if (cells[0].startsWith("lrp:")) {
        // method, SAMPLES targets, SAMPLES sums, SAMPLES ratios, ms
        double[] r = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
          r[i] = Double.parseDouble(cells[1 + 2 * SAMPLES + i]);
        }
        ratios.put(cells[0], r);
      }
    }
    return ratios;
  }
}
