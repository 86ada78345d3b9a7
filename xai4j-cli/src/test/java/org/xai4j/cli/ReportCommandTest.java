package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.Mnist;
import org.xai4j.explain.image.Png;
import org.xai4j.io.Npy;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.SharedFolder;
import picocli.CommandLine;

/**
 * {@code xai4j report} on the bundled mnist-cnn from a .npy and a PNG digit, and the exit-code and output-folder
 * contract of every command ({@link Failures}, {@link OutputOptions}).
 */
class ReportCommandTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void writesThePageFromANpyAndFromAPngDigit(@TempDir Path dir) throws Exception {
    Tensor digit = Mnist.load().test().images().slice0(0, 1);
    Path npy = dir.resolve("digit.npy");
    Npy.write(npy, digit);
    Path png = dir.resolve("digit.png");
    Png.write(Heatmaps.image(digit.reshape(1, 28, 28)), png);
    String cache = dir.resolve("cache").toString();
    Run a = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.resolve("a").toString(),
        "--cache", cache, "--icon-steps", "4", "--methods", "gradient,grad-cam", "--layer", "relu1", "--layer", "relu2");
    assertEquals(Failures.OK, a.code(), a.err());
    assertTrue(a.out().contains("wrote " + dir.resolve("a").resolve("index.html")), a.out());
    assertTrue(a.out().matches("(?s)predicted class \\d \\(p = [01]\\.\\d{4}\\).*relu1 .*relu2 .*"), a.out());
    String html = Files.readString(dir.resolve("a/index.html"));
    assertTrue(html.contains("<option value=\"relu1\">") && html.contains("<option value=\"relu2\">"));
    assertTrue(html.contains("<figcaption>grad-cam</figcaption>"));
    Run b = run("report", "--model", "mnist-cnn", "--input", png.toString(), "--out", dir.resolve("b").toString(),
        "--cache", cache, "--icon-steps", "4", "--layer", "relu2", "--versus", "3");
    assertEquals(Failures.OK, b.code(), b.err());
    String page = Files.readString(dir.resolve("b/index.html"));
    // the PNG's grey digit, averaged to one channel, is the model's [1, 1, 28, 28] input
    assertTrue(page.contains("[1, 28, 28]") && page.contains("minus class 3"), page);
    assertFalse(page.contains("data-layer=\"relu1\""));
  }

  @Test
  void writesThePageForAnImportedOnnxCnnOfTheSharedReferences(@TempDir Path dir) throws Exception {
    Path ref = SharedFolder.require("reference");
    Path model = ref.resolve("models").resolve("smallcnn.onnx");
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(ref.resolve("inputs").resolve(
        "smallcnn_in0.bin"))).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[28 * 28];
    b.asFloatBuffer().get(v);
    Path npy = dir.resolve("in0.npy");
    Npy.write(npy, Tensor.of(org.xai4j.tensor.Shape.of(1, 1, 28, 28), v));
    Run r = run("report", "--model", model.toString(), "--input", npy.toString(), "--out", dir.resolve("r").toString(),
        "--cache", dir.resolve("c").toString(), "--icon-steps", "2", "--methods", "gradient,integrated-gradients",
        "--low", "-3", "--high", "3");
    assertEquals(Failures.OK, r.code(), r.err());
    // the reference input's argmax (smallcnn_in0.json) is class 0
    assertTrue(r.out().startsWith("predicted class 0 (p = "), r.out());
    String html = Files.readString(dir.resolve("r/index.html"));
    for (String layer : org.xai4j.visualize.blocks.BuildingBlocks.defaultLayers(org.xai4j.onnx.OnnxImporter.read(
        model))) {
      assertTrue(html.contains("<option value=\"" + layer + "\">"), layer);
      assertTrue(r.out().contains(layer), r.out());
    }
  }

  @Test
  void badArgumentsGiveOneLineErrorsWithExitCode3AndWriteNothing(@TempDir Path dir) throws Exception {
    Path npy = dir.resolve("digit.npy");
    Npy.write(npy, Mnist.load().test().images().slice0(0, 1));
    String cache = dir.resolve("c").toString();
    Run r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.resolve("o").toString(),
        "--layer", "nope", "--cache", cache);
    assertEquals(Failures.BAD_INPUT, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("'nope'") && !r.err().contains("\tat "), r.err());
    r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.resolve("o").toString(),
        "--target", "12", "--cache", cache);
    assertEquals(Failures.BAD_INPUT, r.code());
    assertEquals("--target 12 is not a class of the model (0..9)", r.err().strip());
    r = run("report", "--model", "mnist-cnn", "--input", dir.resolve("missing.npy").toString(), "--out",
        dir.resolve("o").toString());
    assertEquals(Failures.BAD_INPUT, r.code());
    assertEquals("--input " + dir.resolve("missing.npy") + ": no such file", r.err().strip());
    r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.resolve("o").toString(),
        "--layer", "nope", "--cache", cache, "--verbose");
    assertEquals(Failures.BAD_INPUT, r.code());
    assertTrue(r.err().contains("\tat "), "--verbose prints the stack trace: " + r.err());
    r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.resolve("o").toString(),
        "--groups", "0");
    assertEquals(Failures.USAGE, r.code());
    assertTrue(r.err().contains("--groups must be at least 1, got 0"), r.err());
    assertEquals(List.of("digit.npy"), names(dir), "no report, no temporary folder, no cache");
  }

  @Test
  void aNonFiniteInputFailsInOneLine(@TempDir Path dir) throws Exception {
    float[] v = Mnist.load().test().images().slice0(0, 1).toArray();
    v[7] = Float.POSITIVE_INFINITY;
    Path npy = dir.resolve("inf.npy");
    Npy.write(npy, Tensor.of(org.xai4j.tensor.Shape.of(1, 1, 28, 28), v));
    Run r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.resolve("o").toString(),
        "--cache", dir.resolve("c").toString());
    assertEquals(Failures.BAD_INPUT, r.code());
    assertEquals("--input " + npy + " [1, 1, 28, 28] holds 0 NaN and 1 infinite of 784 values (first at flat index 7)",
        r.err().strip());
    assertEquals(List.of("inf.npy"), names(dir));
  }

  @Test
  void anExistingFolderIsKeptWithoutForceAndReplacedWholeWithIt(@TempDir Path dir) throws Exception {
    Path npy = dir.resolve("digit.npy");
    Npy.write(npy, Mnist.load().test().images().slice0(0, 1));
    Path out = Files.createDirectory(dir.resolve("r"));
    Files.writeString(out.resolve("old.txt"), "precious");
    String[] args = {"report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", out.toString(), "--cache",
        dir.resolve("c").toString(), "--icon-steps", "2", "--layer", "relu2", "--methods", "gradient"};
    Run r = run(args);
    assertEquals(Failures.BAD_INPUT, r.code());
    assertEquals("--out " + out + " exists; pass --force to replace it", r.err().strip());
    assertEquals("precious", Files.readString(out.resolve("old.txt")));
    r = run(Stream.concat(Stream.of(args), Stream.of("--force")).toArray(String[]::new));
    assertEquals(Failures.OK, r.code(), r.err());
    assertFalse(Files.exists(out.resolve("old.txt")), "replaced whole, not merged");
    assertTrue(Files.isRegularFile(out.resolve("index.html")));
    assertEquals(List.of("c", "digit.npy", "r"), names(dir), "no temporary folder left behind");
  }

  @Test
  void anOutputThatIsOrHoldsAnInputIsRefusedEvenWithForce(@TempDir Path dir) throws Exception {
    Path npy = dir.resolve("digit.npy");
    Npy.write(npy, Mnist.load().test().images().slice0(0, 1));
    byte[] bytes = Files.readAllBytes(npy);
    Run r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", npy.toString(), "--force");
    assertEquals(Failures.BAD_INPUT, r.code());
    assertTrue(r.err().strip().endsWith("is the same file as --input; choose another output"), r.err());
    r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.toString(), "--force");
    assertEquals(Failures.BAD_INPUT, r.code());
    assertEquals("--out " + dir + " contains --input " + npy + "; writing the folder would replace it",
        r.err().strip());
    Path cache = dir.resolve("r").resolve("cache");
    r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.resolve("r").toString(),
        "--cache", cache.toString());
    assertEquals(Failures.BAD_INPUT, r.code());
    assertTrue(r.err().contains("contains --cache"), r.err());
    r = run("report", "--model", "mnist-cnn", "--input", npy.toString(), "--out", dir.resolve("no/r").toString());
    assertEquals(Failures.BAD_INPUT, r.code());
    assertEquals("the folder of --out " + dir.resolve("no/r") + " does not exist: " + dir.resolve("no"),
        r.err().strip());
    assertArrayEquals(bytes, Files.readAllBytes(npy));
    assertEquals(List.of("digit.npy"), names(dir));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
