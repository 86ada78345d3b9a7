package org.xai4j.report.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xai4j.io.AtomicFiles.Existing.REFUSE;
import static org.xai4j.io.AtomicFiles.Existing.REPLACE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.Mnist;
import org.xai4j.data.Shapes;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.NonFiniteException;
import org.xai4j.models.BundledData;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.SharedFolder;

/** The report's files on the bundled models and an imported ONNX CNN: complete, self-contained, right numbers. */
class BlocksReportTest {
  private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
  private static final Pattern DATA_ICON = Pattern.compile("\"(icons/[^\"]+\\.png)\"");

  /** Every relative link of the page and every icon of its data exists; nothing points outside the folder. */
  static void assertSelfContained(Path dir) throws IOException {
    String html = Files.readString(dir.resolve(BlocksReport.INDEX));
    String data = Files.readString(dir.resolve(BlocksReport.DATA));
    int links = 0;
    for (Pattern p : List.of(LINK, DATA_ICON)) {
      Matcher m = p.matcher(p == LINK ? html : data);
      while (m.find()) {
        String link = m.group(1);
        assertFalse(link.contains("://") || link.startsWith("/") || link.contains(".."), link);
        assertTrue(Files.isRegularFile(dir.resolve(link)), "missing " + link);
        links++;
      }
    }
    assertTrue(links > 20, links + " links");
    for (String f : List.of(html, data, Files.readString(dir.resolve("assets/report.js")),
        Files.readString(dir.resolve("assets/report.css")))) {
      assertFalse(f.contains("http://") || f.contains("https://") || f.contains("@import"), "network reference");
    }
  }

  @Test
  void mnistCnnWithEveryReluLayerAndTheLogitDifference(@TempDir Path dir, @TempDir Path cache) throws IOException {
    Graph g = BundledModelFiles.load("mnist-cnn");
    Tensor digit = Mnist.load().test().images().slice0(0, 1);
    Tensor logits = g.forward(digit).output();
    int predicted = Target.Argmax.argmaxPerSample(logits)[0];
    int other = predicted == 0 ? 1 : 0;
    Path index = BlocksReport.write(g, digit, ReportFixtures.request("mnist-cnn", List.of(), null, other, cache), dir,
        REPLACE).index();
    String html = Files.readString(index);
    double p = BlocksReport.softmax(logits.toArray())[predicted];
    assertTrue(html.contains("predicted class <strong id=\"predicted\">" + predicted + "</strong> with probability "
        + "<strong id=\"probability\">" + String.format(java.util.Locale.ROOT, "%.4f", p)), html);
    assertTrue(html.contains("logit difference of class " + predicted + " minus class " + other));
    for (String layer : org.xai4j.visualize.blocks.BuildingBlocks.defaultLayers(g)) {
      assertTrue(html.contains("data-layer=\"" + layer + "\""), layer);
      assertTrue(html.contains("<option value=\"" + layer + "\">"), layer);
    }
    assertSelfContained(dir);
    // a second report reads every icon from the cache
    Path again = BlocksReport.write(g, digit, ReportFixtures.request("mnist-cnn", List.of(), null, other, cache),
        dir.resolve("again"), REFUSE).index();
    assertTrue(Files.readString(again).matches("(?s).*; 0 of \\d+ icons rendered.*"));
  }

  @Test
  void shapesCnnAtOneNamedLayer(@TempDir Path dir, @TempDir Path cache) throws IOException {
    Graph g = BundledModelFiles.load("shapes-cnn");
    Tensor image = Shapes.generate(1, 3).images().images();
    Path index = BlocksReport.write(g, image, ReportFixtures.request("shapes-cnn", List.of("relu2"), 1, null, cache),
        dir, REPLACE).index();
    String html = Files.readString(index);
    assertTrue(html.contains("<option value=\"relu2\">"));
    assertEquals(1, html.split("<section class=\"layer\"", -1).length - 1);
    assertTrue(html.contains("the logit of class 1"));
    assertSelfContained(dir);
  }

  @Test
  void texturesCnnOnceItIsBundled(@TempDir Path dir, @TempDir Path cache) throws IOException {
    Assumptions.assumeTrue(BundledModelFiles.exists("textures-cnn"), "skipped: textures-cnn is not bundled yet");
    Graph g = BundledModelFiles.load("textures-cnn");
    BundledData textures = BundledData.named("textures");
    String html = Files.readString(BlocksReport.write(g, textures.sample(0), new ReportRequest("textures-cnn",
        "textures[0]", textures.classNames(), List.of(), null, null, Map.of(), ReportFixtures.request("textures-cnn",
        List.of(), null, null, cache).settings()), dir, REPLACE).index());
    int k = Target.Argmax.argmaxPerSample(g.forward(textures.sample(0)).output())[0];
    String shown = "<strong id=\"predicted\">" + k + " (" + textures.classNames().get(k) + ")</strong>";
    assertTrue(html.contains(shown), html);
    assertSelfContained(dir);
  }

  @Test
  void anImportedOnnxCnnFromTheSharedReferences(@TempDir Path dir, @TempDir Path cache) throws IOException {
    Path model = SharedFolder.require("reference").resolve("models").resolve("smallcnn.onnx");
    Graph g = OnnxImporter.read(model);
    int[] dims = g.inputs().get(0).dims();
    Shape s = Shape.of(1, dims[1], dims[2] > 0 ? dims[2] : 16, dims[3] > 0 ? dims[3] : 16);
    Tensor x = Tensor.randomUniform(s, 0f, 1f, new java.util.Random(1));
    List<String> layers = org.xai4j.visualize.blocks.BuildingBlocks.defaultLayers(g);
    assertFalse(layers.isEmpty(), "smallcnn has ReLU convolutional layers");
    BlocksReport.write(g, x, ReportFixtures.request("smallcnn.onnx", List.of(), null, null, cache), dir, REPLACE);
    assertSelfContained(dir);
  }

  @Test
  void badRequestsAreOneLineErrorsAndWriteNothing(@TempDir Path dir, @TempDir Path cache) throws IOException {
    Graph g = BundledModelFiles.load("mnist-cnn");
    Tensor digit = Mnist.load().test().images().slice0(0, 1);
    Path out = dir.resolve("report");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlocksReport.write(g, digit,
        ReportFixtures.request("mnist-cnn", List.of(), 10, null, cache), out, REFUSE));
    assertEquals("--target 10 is not a class of the model (0..9)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BlocksReport.write(g, digit,
        ReportFixtures.request("mnist-cnn", List.of("nope"), null, null, cache), out, REFUSE));
    assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    assertEquals(List.of(), entries(dir), "no report and no temporary folder left behind");
    float[] v = digit.toArray();
    v[300] = Float.NaN;
    Tensor nan = Tensor.of(digit.shape(), v);
    NonFiniteException n = assertThrows(NonFiniteException.class, () -> BlocksReport.write(g, nan,
        ReportFixtures.request("mnist-cnn", List.of("relu2"), null, null, cache), out, REFUSE));
    assertTrue(n.getMessage().startsWith("the model output [1, 10] holds ") && n.getMessage().contains(
        "first in the forward pass: graph input"), n.getMessage());
    assertEquals(List.of(), entries(dir));
  }

  @Test
  void anExistingFolderIsRefusedUntouchedOrReplacedWhole(@TempDir Path dir, @TempDir Path cache) throws IOException {
    Graph g = BundledModelFiles.load("mnist-cnn");
    Tensor digit = Mnist.load().test().images().slice0(0, 1);
    Path out = Files.createDirectory(dir.resolve("report"));
    Files.writeString(out.resolve("old.txt"), "precious");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> BlocksReport.write(g, digit,
        ReportFixtures.request("mnist-cnn", List.of("relu2"), null, null, cache), out, REFUSE));
    assertTrue(e.getCause() instanceof FileAlreadyExistsException, e.toString());
    assertEquals(List.of("old.txt"), entries(out));
    assertEquals(List.of("report"), entries(dir));
    BlocksReport.write(g, digit, ReportFixtures.request("mnist-cnn", List.of("relu2"), null, null, cache), out,
        REPLACE);
    assertFalse(Files.exists(out.resolve("old.txt")), "the old folder is replaced whole");
    assertTrue(Files.exists(out.resolve(BlocksReport.INDEX)));
    assertEquals(List.of("report"), entries(dir), "no temporary folder left behind");
  }

  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
