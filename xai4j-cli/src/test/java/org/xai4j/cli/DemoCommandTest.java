package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.xai4j.report.html.Table;
import picocli.CommandLine;

/** Runs {@code xai4j demo --samples 2} once into a temporary folder and checks its output and files. */
class DemoCommandTest {
  private static final int SAMPLES = 2;
  private static final Pattern IMG = Pattern.compile("<img class=\"(tile|plot)\" src=\"([^\"]+)\"");
  /** 9 gradient-family methods and 6 LRP composites. */
  private static final int METHODS = 15;
  /** Deep Taylor (zB, then z+) on mnist-cnn conserves but for what max pooling and the biases take. */
  private static final double DEEP_TAYLOR_MIN = 0.95;
  /** Epsilon, z+, flat, gamma and zB rules conserve up to biases and stabilizers: ratio within 10% of 1. */
  private static final double CONSERVATIVE_TOLERANCE = 0.1;
  /**
   * Alpha-beta rules with alpha = 2 conserve only where a neuron has both positive and negative
   * contributions; with none negative a layer passes up to alpha times its relevance.
   */
  private static final double ALPHA = 2;

  @TempDir static Path tmp;
  private static Path dir;
  private static String console;

  @BeforeAll
  static void runDemo() {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    dir = tmp.resolve("report");
    assertEquals(0, cli.execute("demo", "--out", dir.toString(), "--samples", Integer.toString(SAMPLES)));
    console = out.toString();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(3, cli.execute("demo", "--out", dir.toString()));
    assertEquals("--out " + dir + " exists; pass --force to replace it", err.toString().strip());
  }

  @Test
  void printsTheCommittedAndTheReMeasuredAccuracyOfEveryClassifier() {
    // measured independently for mnist-cnn; every bundled classifier reproduces its sidecar accuracy exactly
    double cnn = BundledModels.named("mnist-cnn").evaluate(BundledModelFiles.load("mnist-cnn")).get("test_accuracy");
    assertEquals(BundledModelFiles.metrics("mnist-cnn").get("test_accuracy"), cnn);
    for (String model : List.of("mnist-mlp", "mnist-cnn", "shapes-cnn")) {
      String committed = String.format(Locale.ROOT, "%.4g", BundledModelFiles.metrics(model).get("test_accuracy"));
      assertTrue(console.matches("(?s).*" + model + " +\\d+ +test_accuracy +" + committed + " +" + committed
          + "\\R.*"), model + " " + committed + "\n" + console);
    }
    assertTrue(console.matches("(?s).*mnist-decoder +\\d+ +test_mse +0\\.01513 +-\\R.*"), console);
  }

  @Test
  void printsConservationRatiosNearTheirExpectedValuesForEveryLrpComposite() {
    Map<String, double[]> ratios = conservation("held-out MNIST digits");
    assertEquals(6, ratios.size(), ratios.keySet().toString());
    for (Map.Entry<String, double[]> e : ratios.entrySet()) {
      assertEquals(SAMPLES, e.getValue().length, e.getKey());
      for (double r : e.getValue()) {
        if (e.getKey().contains("alpha2-beta1")) {
          assertTrue(r > 0 && r <= ALPHA, e.getKey() + ": " + r);
        } else {
          assertEquals(1, r, CONSERVATIVE_TOLERANCE, e.getKey());
        }
      }
    }
    for (double r : ratios.get("lrp:deep-taylor")) {
      assertTrue(r >= DEEP_TAYLOR_MIN && r <= 1 + 1e-3, "deep Taylor conserves up to dead units: " + r);
    }
  }

  @Test
  void indexReferencesExistingPngsInTheGridOrder() throws IOException {
    String html = Files.readString(dir.resolve(DemoCommand.INDEX));
    List<String> tiles = new ArrayList<>();
    List<String> plots = new ArrayList<>();
    Matcher m = IMG.matcher(html);
    while (m.find()) {
      (m.group(1).equals("tile") ? tiles : plots).add(m.group(2));
    }
    assertEquals(2 * SAMPLES * (1 + METHODS), tiles.size(), tiles.toString());
    List<String> fv = Stream.of("relu1", "relu2", "relu3", "relu4", "fc", "relu4-pixel", "relu4-fourier")
        .map(n -> "fv-textures-cnn-" + n + ".png").toList();
    assertEquals(Stream.concat(Stream.of("max2d-continuity.png", "pixel-flipping-curves.png", DemoPrototypes.GRID),
        fv.stream()).toList(), plots);
    List<String> images = new ArrayList<>(tiles);
    images.addAll(plots);
    for (String png : images) {
      assertFalse(png.contains("/") || png.contains(":"), "relative file name expected: " + png);
      assertTrue(ImageIO.read(dir.resolve(png).toFile()).getWidth() > 0, png);
    }
    assertEquals("mnist-input-0.png", tiles.get(0));
    assertEquals("mnist-gradient-0.png", tiles.get(1));
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), "self-contained");
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(dir), files.toList(), "only the report folder, no temporary folder");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no temporary files left");
    }
  }

  @Test
  void everySectionIsThereEveryImageDecodesAndEnlargesAndGridsNameTheirClasses() throws IOException {
    String html = Files.readString(dir.resolve(DemoCommand.INDEX));
    List<String> headings = new ArrayList<>();
    Matcher h = Pattern.compile("<h2>([^<]+)</h2>").matcher(html);
    while (h.find()) {
      headings.add(h.group(1));
    }
    for (String section : List.of("Provenance", "Bundled models", "MNIST digits explained by mnist-cnn",
        "Conservation", "Shapes explained by shapes-cnn", "Localization on Shapes", "Continuity on max2d",
        "Pixel flipping on mnist-cnn", "Class prototypes of mnist-cnn", "Feature visualization of textures-cnn",
        "Building blocks of ", "A model-zoo architecture explained by LRP")) {
      assertTrue(headings.stream().anyMatch(t -> t.startsWith(section)), section + " in " + headings);
    }
    Matcher src = Pattern.compile("<img [^>]*src=\"([^\"]+)\"").matcher(html);
    int images = 0;
    while (src.find()) {
      images++;
      assertTrue(ImageIO.read(dir.resolve(src.group(1)).toFile()).getWidth() > 0, src.group(1));
    }
    Matcher shown = IMG.matcher(html);
    int tilesAndPlots = 0;
    while (shown.find()) {
      tilesAndPlots++;
    }
    assertEquals(tilesAndPlots, html.split("<a class=\"zoom\"", -1).length - 1, "every tile and plot enlarges");
    assertTrue(images >= 2 * tilesAndPlots + 2, "the enlarged copies and two colour scales: " + images);
    assertEquals(2, html.split("Colour scale: ", -1).length - 1, "one colour scale per heatmap grid");
    assertTrue(html.split("Reproduce: ./xai4j ", -1).length - 1 >= 5, "the command behind each figure");
    assertFalse(html.contains("MOST_RELEVANT_FIRST"), "human labels");
    // shapes rows name their class; a misclassified input would be flagged in red
    assertTrue(html.matches("(?s).*<div class=\"label( wrong)?\">(true [a-z]+, predicted [a-z]+: misclassified|"
        + "circle|square|triangle|cross)</div>.*"), "class names under the inputs");
  }

  @Test
  void everyCapabilitySectionSaysWhatThePaperClaimsWhatThisRunMeasuredAndWhichCommandReproducesIt()
      throws IOException {
    Map<String, String> sections = sections(Files.readString(dir.resolve(DemoCommand.INDEX)));
    List<String> families = List.of("MNIST digits explained by", "Conservation", "Shapes explained by",
        "Localization on Shapes", "Continuity on max2d", "Pixel flipping on", "Class prototypes of",
        "Feature visualization of", "Building blocks of", "A model-zoo architecture explained by LRP");
    for (String family : families) {
      String section = sections.entrySet().stream().filter(e -> e.getKey().startsWith(family)).findFirst()
          .orElseThrow(() -> new AssertionError(family + " in " + sections.keySet())).getValue();
      assertTrue(section.contains("<p class=\"claim\"><b>Paper's claim:</b> "), family + ": the paper's claim");
      assertTrue(section.contains("<p class=\"measured\"><b>Measured in this run:</b> "), family + ": measured");
      assertTrue(section.contains("<p class=\"command\">Reproduce: ./xai4j "), family + ": the command");
    }
  }

  @Test
  void theMeasuredParagraphsQuoteThisRunsTables() throws IOException {
    Map<String, String> sections = sections(Files.readString(dir.resolve(DemoCommand.INDEX)));
    // feature visualization: the three parameterizations' objective and high-frequency share, as in the table
    Map<String, String[]> fv = rows("Parameterizations compared on relu4");
    assertEquals(List.of("pixel", "fourier", "fourier+decorrelated"), List.copyOf(fv.keySet()));
    String measured = measured(sections, "Feature visualization of textures-cnn");
    String[] best = fv.get("fourier+decorrelated");
    String[] pixel = fv.get("pixel");
    assertTrue(measured.contains("reached objective " + best[1] + " after 32 of 128 steps"), measured);
    assertTrue(measured.contains("and " + pixel[1] + " (pixel)"), measured);
    assertTrue(measured.contains("high-frequency share was " + best[3] + " against " + fv.get("fourier")[3] + " and "
        + pixel[3]), measured);
    boolean fewer = Double.parseDouble(best[3]) < Double.parseDouble(pixel[3]);
    assertTrue(measured.contains("fewer high frequencies than pixels: " + (fewer ? "holds" : "does not hold")),
        measured);
    // continuity: the gradient's jump of the table
    Map<String, String[]> continuity = rows("Continuity on max2d");
    assertTrue(measured(sections, "Continuity on max2d").contains("gradient jumped by at most "
        + continuity.get("gradient")[1] + " (at t = " + continuity.get("gradient")[2] + ")"));
    // pixel flipping: the random baseline's AOPC of the table
    Map<String, String[]> aopc = rows("Pixel flipping on " + (8 * SAMPLES) + " held-out digits");
    long above = aopc.entrySet().stream().filter(e -> !e.getKey().equals("random"))
        .filter(e -> Double.parseDouble(e.getValue()[1]) > Double.parseDouble(aopc.get("random")[1])).count();
    assertTrue(measured(sections, "Pixel flipping on").startsWith(above + " of " + METHODS
        + " methods beat the random order (AOPC " + aopc.get("random")[1] + ")"), measured(sections, "Pixel flipping"));
    // class prototypes: l2's data distance of the table
    assertTrue(measured(sections, "Class prototypes of").contains("mean data distance of l2 "
        + rows("Class prototypes of the 10 digits on mnist-cnn").get("l2")[3]));
  }

  @Test
  void theContinuityCommandReproducesTheGradientsJumpFromThePathBesideThePage(@TempDir Path out) throws IOException {
    Path path = dir.resolve(DemoContinuity.PATH);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    Path relevance = out.resolve("path-relevance.npy");
    assertEquals(0, cli.execute("explain", "--model", "max2d", "--input", path.toString(), "--method", "gradient",
        "--target", "0", "--out", relevance.toString()));
    float[] r = org.xai4j.io.Npy.read(relevance).toArray();
    assertEquals(101 * 2, r.length);
    double largest = 0;
    for (int k = 0; k + 1 < 101; k++) {
      largest = Math.max(largest, Math.abs(r[2 * k + 2] - r[2 * k]) + Math.abs(r[2 * k + 3] - r[2 * k + 1]));
    }
    assertEquals(Double.parseDouble(rows("Continuity on max2d").get("gradient")[1]), largest, 1e-3);
  }

  @Test
  void theCommandUnderTheMnistGridReproducesItsHeatmaps(@TempDir Path out) throws IOException {
    String html = Files.readString(dir.resolve(DemoCommand.INDEX));
    Matcher c = Pattern.compile("Reproduce: \\./xai4j explain --model mnist-cnn --data mnist --index ([0-9,]+) --method "
        + "METHOD --out heat\\.png").matcher(html);
    assertTrue(c.find(), "the MNIST grid's command");
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    assertEquals(0, cli.execute("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", c.group(1),
        "--method", "gradient", "--scale", "1", "--out", out.resolve("heat.png").toString()));
    for (int i = 0; i < SAMPLES; i++) {
      BufferedImage mine = ImageIO.read(out.resolve("heat-" + i + ".png").toFile());
      BufferedImage demo = ImageIO.read(dir.resolve("mnist-gradient-" + i + ".png").toFile());
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          assertEquals(demo.getRGB(x, y), mine.getRGB(x, y), "digit " + i + " pixel " + x + "," + y);
        }
      }
    }
  }

  @Test
  void continuityOnMax2dSeparatesDeepTaylorFromGradients() {
    // Montavon et al. 2018: along (1.5, 0.5) -> (0.5, 1.5) the gradient jumps by |(1,0) - (0,1)|_1 = 2 where
    // the winner changes; deep Taylor moves by about the spacing of the 101 points
    Map<String, String[]> rows = rows("Continuity on max2d");
    assertEquals(2.0, Double.parseDouble(rows.get("gradient")[1]), 1e-3);
    assertTrue(Double.parseDouble(rows.get("lrp:deep-taylor")[1]) < 0.05, rows.get("lrp:deep-taylor")[1]);
  }

  @Test
  void pixelFlippingBeatsTheRandomBaselineAndLocalizationScoresAreFractions() {
    Map<String, String[]> aopc = rows("Pixel flipping on " + (8 * SAMPLES) + " held-out digits");
    assertEquals(METHODS + 1, aopc.size(), aopc.keySet().toString());
    double random = Double.parseDouble(aopc.get("random")[1]);
    assertTrue(Double.parseDouble(aopc.get("lrp:epsilon-plus-flat")[1]) > random, "AOPC vs random " + random);
    assertTrue(Double.parseDouble(aopc.get("gradient-x-input")[1]) > random, "AOPC vs random " + random);
    Map<String, String[]> localization = rows("Localization against the Shapes masks");
    assertEquals(METHODS, localization.size());
    for (String[] r : localization.values()) {
      for (int c = 1; c < r.length; c++) {
        double v = Double.parseDouble(r[c]);
        assertTrue(v >= 0 && v <= 1, String.join(" ", r));
      }
    }
  }

  @Test
  void classPrototypesOfEveryMethodAreClassifiedAsTheirDigitAndExpertsStayCloserToTheData() throws IOException {
    Map<String, String[]> rows = rows("Class prototypes of the 10 digits on mnist-cnn");
    assertEquals(List.of("l2", "gaussian", "gmm", "rbm", "decoder"), List.copyOf(rows.keySet()));
    double l2 = Double.parseDouble(rows.get("l2")[3]);
    for (String[] r : rows.values()) {
      assertTrue(Double.parseDouble(r[2]) >= 0.9, "smallest target probability: " + String.join(" ", r));
      assertTrue(r[0].equals("l2") || Double.parseDouble(r[3]) < l2, "data distance vs l2 " + l2 + ": "
          + String.join(" ", r));
      assertEquals(r[0].equals("l2") || r[0].equals("decoder"), r[4].equals(Table.NOT_AVAILABLE), r[0]);
    }
    String json = Files.readString(dir.resolve("prototypes.json"));
    assertTrue(json.contains("\"model\" : \"mnist-cnn\""), json.substring(0, 200));
    assertTrue(Files.readString(dir.resolve(DemoCommand.INDEX)).contains("<a href=\"prototypes.json\">"));
  }

  @Test
  void featureVisualizationRaisesEveryObjectiveOfTheTextureModel() {
    Map<String, String[]> rows = rows("Feature visualization of textures-cnn");
    assertEquals(List.of("relu1", "relu2", "relu3", "relu4", "fc"), List.copyOf(rows.keySet()));
    for (String[] r : rows.values()) {
      // node, objective, images, before, after, high-frequency share, seconds
      assertEquals("6", r[2]);
      assertTrue(Double.parseDouble(r[4]) > Double.parseDouble(r[3]) + 0.1, String.join(" ", r));
      double share = Double.parseDouble(r[5]);
      assertTrue(share >= 0 && share < 0.5, String.join(" ", r));
    }
  }

  @Test
  void theBuildingBlocksSectionShowsEveryReluLayerOfTheTextureModelOnItsOwnPage() throws IOException {
    Map<String, String[]> rows = rows("Building blocks of textures-cnn for one image");
    assertEquals(List.of("relu1", "relu2", "relu3", "relu4"), List.copyOf(rows.keySet()));
    String page = Files.readString(dir.resolve(DemoBuildingBlocks.FOLDER).resolve("index.html"));
    for (String layer : rows.keySet()) {
      assertTrue(page.contains("<option value=\"" + layer + "\">"), layer);
    }
    assertTrue(Files.readString(dir.resolve(DemoCommand.INDEX)).contains("href=\"" + DemoBuildingBlocks.FOLDER
        + "/index.html\""), "the demo page links the building-blocks page");
  }

  @Test
  void pageLoadsInHeadlessChromiumWithoutJavaScriptErrorsAndEveryImageDecodes() throws IOException {
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      browser.driver().get(dir.resolve(DemoCommand.INDEX).toUri().toString());
      assertEquals("xai4j demo", browser.driver().getTitle());
      Object broken = browser.driver().executeScript("return Array.from(document.images)"
          + ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'));");
      assertEquals(List.of(), broken, "images the browser could not decode");
      assertEquals(List.of(), browser.errors(), "browser console errors");
      Path screenshot = Path.of("target", "demo-report", "screenshot.png");
      Files.createDirectories(screenshot.getParent());
      Files.write(screenshot, browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
  }

  /** The page's sections: each h2 heading's text to the HTML up to the next heading. */
  private static Map<String, String> sections(String html) {
    Map<String, String> sections = new LinkedHashMap<>();
    Matcher h = Pattern.compile("<h2>([^<]+)</h2>").matcher(html);
    String heading = null;
    int from = 0;
    while (h.find()) {
      if (heading != null) {
        sections.put(heading, html.substring(from, h.start()));
      }
      heading = h.group(1);
      from = h.end();
    }
    sections.put(heading, html.substring(from));
    return sections;
  }

  /** The text of the "measured in this run" paragraph of the section whose heading starts with {@code heading}. */
  private static String measured(Map<String, String> sections, String heading) {
    String section = sections.entrySet().stream().filter(e -> e.getKey().startsWith(heading)).findFirst()
        .orElseThrow().getValue();
    Matcher m = Pattern.compile("<p class=\"measured\"><b>Measured in this run:</b> ([^<]*)</p>").matcher(section);
    assertTrue(m.find(), heading);
    return m.group(1);
  }

  /** The rows of the console table whose title starts with {@code title}, by first cell. */
  private static Map<String, String[]> rows(String title) {
    String table = console.substring(console.indexOf(title));
    table = table.substring(0, table.indexOf(System.lineSeparator() + System.lineSeparator()));
    Map<String, String[]> rows = new LinkedHashMap<>();
    String[] lines = table.split("\\R");
    for (int i = 2; i < lines.length; i++) {
      String[] cells = lines[i].trim().split(" +");
      rows.put(cells[0], cells);
    }
    return rows;
  }

  /** The LRP rows of the console table whose title contains {@code title}: composite to ratios per sample. */
  private static Map<String, double[]> conservation(String title) {
    Map<String, double[]> ratios = new LinkedHashMap<>();
    for (String[] cells : rows(title).values()) {
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
