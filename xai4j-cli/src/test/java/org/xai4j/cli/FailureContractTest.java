package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.graph.Graph;
import org.xai4j.limit.Limit;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One test per failure class of the exit-code contract ({@link Failures}) and the output-file rules. */
class FailureContractTest extends CliTestSupport {
  @AfterEach
  void clearLimits() {
    for (Limit l : Limit.values()) {
      System.clearProperty(l.property());
    }
  }

  private String errLine() {
    String e = err.toString().strip();
    assertFalse(e.contains("\n"), "one line expected: " + e);
    assertFalse(e.contains("\tat "), "no stack trace expected: " + e);
    return e;
  }

  private static Tensor input() {
    return Tensor.of(Shape.of(1, 4), 0.5f, -1f, 2f, 0.25f);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void usageErrorsExitWith2(@TempDir Path dir) {
    assertEquals(Failures.USAGE, run("run", "--model", "m.onnx", "--input", "x.npy", "--out", "y.npy", "--bogus"));
    assertTrue(err.toString().contains("--bogus"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(Failures.USAGE, run("--limit", "weights=3", "inspect", "m.onnx"));
    assertTrue(err.toString().contains("unknown limit 'weights'"), err.toString());
  }

  @Test
  void aCorruptModelExitsWith3InOneLine(@TempDir Path dir) throws IOException {
    Path model = Files.write(dir.resolve("junk.onnx"), new byte[] {8, 7, 0x12, (byte) 0xff, 1, 2});
    Path in = writeNpy(dir, "x.npy", input());
    assertEquals(Failures.BAD_INPUT, run("run", "--model", model.toString(), "--input", in.toString(), "--out",
        dir.resolve("y.npy").toString()));
    assertTrue(errLine().contains("junk.onnx"), err.toString());
    assertEquals(List.of("junk.onnx", "x.npy"), names(dir));
  }

  @Test
  void aMissingInputNamesTheFile(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    assertEquals(Failures.BAD_INPUT, run("run", "--model", model.toString(), "--input", dir.resolve("no.npy")
        .toString(), "--out", dir.resolve("y.npy").toString()));
    assertEquals("--input " + dir.resolve("no.npy") + ": no such file", errLine());
  }

  @Test
  void anEmptyBatchIsRefusedInOneLine(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", Tensor.zeros(Shape.of(0, 4)));
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(),
        "--method", "gradient", "--out", dir.resolve("r.npy").toString()));
    assertEquals("graph input 'input' got an empty tensor [0, 4]; give at least one sample", errLine());
  }

  @Test
  void anInvalidThreadPropertyExitsWith3NamingItInAFreshJvm(@TempDir Path dir) throws Exception {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", input());
    Path y = dir.resolve("y.npy");
    // the kernel thread count is fixed once per JVM, so the property is tried where it is read first
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dxai4j.threads=0", "-Dxai4j.kernels=scalar", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", "--model", model.toString(), "--input", in.toString(), "--out", y.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), stderr);
    assertEquals(Failures.BAD_INPUT, p.exitValue(), stderr);
    assertEquals("-Dxai4j.threads=0 must be at least 1", stderr.strip());
    assertFalse(Files.exists(y));
  }

  @Test
  void anExceededLimitNamesItAndHowToRaiseIt(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", input());
    assertEquals(Failures.BAD_INPUT, run("--limit", "tensor-elements=20", "run", "--model", model.toString(),
        "--input", in.toString(), "--out", dir.resolve("y.npy").toString()));
    String e = errLine();
    assertTrue(e.contains("tensor-elements") && e.contains("20"), e);
  }

  @Test
  void anExistingOutputIsKeptWithoutForceAndReplacedWithIt(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", input());
    Path y = Files.writeString(dir.resolve("y.npy"), "precious");
    String[] args = {"run", "--model", model.toString(), "--input", in.toString(), "--out", y.toString()};
    assertEquals(Failures.BAD_INPUT, run(args));
    assertEquals("--out " + y + " exists; pass --force to replace it", errLine());
    assertEquals("precious", Files.readString(y));
    String[] forced = Stream.concat(Stream.of(args), Stream.of("--force")).toArray(String[]::new);
    assertEquals(Failures.OK, run(forced), err.toString());
    assertArrayEquals(mlp().forward(input()).output().toArray(), org.xai4j.io.Npy.read(y).toArray());
    Path plain = Files.createFile(dir.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(y), "the umask's permissions");
    assertEquals(List.of("mlp.onnx", "plain", "x.npy", "y.npy"), names(dir));
  }

  @Test
  void anOutputThatIsAnInputIsRefusedEvenWithForce(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    byte[] bytes = Files.readAllBytes(model);
    Path in = writeNpy(dir, "x.npy", input());
    assertEquals(Failures.BAD_INPUT, run("run", "--model", model.toString(), "--input", in.toString(), "--out",
        dir.resolve(".").resolve("mlp.onnx").toString(), "--force"));
    assertTrue(errLine().endsWith("is the same file as --model; choose another output"), err.toString());
    assertArrayEquals(bytes, Files.readAllBytes(model));
  }

  @Test
  void aMissingOutputFolderIsNamed(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", input());
    Path y = dir.resolve("nowhere").resolve("y.npy");
    assertEquals(Failures.BAD_INPUT, run("run", "--model", model.toString(), "--input", in.toString(), "--out",
        y.toString()));
    assertEquals("the folder of --out " + y + " does not exist: " + dir.resolve("nowhere"), errLine());
  }

  @Test
  void nonFiniteInputsFailUnlessAllowedWithAWarning(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", Tensor.of(Shape.of(1, 4), 0.5f, Float.NaN, 2f, 0.25f));
    Path y = dir.resolve("y.npy");
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(),
        "--method", "gradient", "--out", y.toString()));
    assertEquals("--input " + in + " [1, 4] holds 1 NaN and 0 infinite of 4 values (first at flat index 1) (pass "
        + "--allow-nonfinite to run anyway)", errLine());
    assertFalse(Files.exists(y));
    err.getBuffer().setLength(0);
    assertEquals(Failures.OK, run("run", "--model", model.toString(), "--input", in.toString(), "--out",
        y.toString(), "--allow-nonfinite"), err.toString());
    assertTrue(err.toString().startsWith("warning: --input " + in), err.toString());
  }

  /** {@link #mlp()} with one infinite weight in {@code fc2}. */
  private static Graph infiniteWeight() {
    Graph g = mlp();
    Tensor w = g.node("fc2").op().parameters().get("weight");
    float[] v = w.toArray();
    v[5] = Float.POSITIVE_INFINITY;
    Parameters p = Parameters.of("weight", Tensor.of(w.shape(), v), "bias", g.node("fc2").op().parameters()
        .get("bias"));
    return g.withOp("fc2", g.node("fc2").op().withParameters(p));
  }

  @Test
  void aNonFiniteWeightIsTracedToItsNode(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "inf.onnx", infiniteWeight());
    Path in = writeNpy(dir, "x.npy", input());
    Path y = dir.resolve("r.npy");
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(),
        "--method", "lrp", "--out", y.toString()));
    String e = errLine();
    assertTrue(e.startsWith("the relevance of lrp [1, 4] holds ") && e.contains("first in the forward pass: node "
        + "'fc2' (Gemm): its weight 'weight' [3, 8] holds 0 NaN and 1 infinite of 24 values"), e);
    assertFalse(Files.exists(y));
  }

  @Test
  void evaluateRefusesANonFiniteModelOutputBeforeItWritesItsFolder(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "inf.onnx", infiniteWeight());
    Path data = Files.createDirectory(dir.resolve("data"));
    writeNpy(data, "inputs.npy", Tensor.randomNormal(Shape.of(3, 4), 1f, new java.util.Random(2)));
    Path out = dir.resolve("eval");
    assertEquals(Failures.BAD_INPUT, run("evaluate", "--model", model.toString(), "--data", data.toString(),
        "--methods", "gradient", "--metric", "pixel-flipping", "--patch", "2", "--replace", "zero", "--quiet",
        "--out", out.toString()));
    String e = errLine();
    assertTrue(e.startsWith("the model's output [3, 3] holds ") && e.contains("first in the forward pass: node "
        + "'fc2' (Gemm): its weight 'weight' [3, 8] holds 0 NaN and 1 infinite of 24 values") && e.endsWith(
        "(pass --allow-nonfinite to write it anyway)"), e);
    assertEquals(List.of("data", "inf.onnx"), names(dir), "no report folder, no temporary folder");
  }

  @Test
  void theSideFileIsNotWrittenWhenTheMainOutputFails(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path in = writeNpy(dir, "x.npy", input());
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", model.toString(), "--input", in.toString(),
        "--method", "lrp", "--per-layer", dir.resolve("sums.json").toString(), "--overlay", "0.5", "--out",
        dir.resolve("h.png").toString()));
    assertTrue(errLine().startsWith("--overlay needs an image input"), err.toString());
    assertEquals(List.of("mlp.onnx", "x.npy"), names(dir));
  }

  @Test
  void optionValuesOutOfRangeAreUsageErrorsBeforeAnyFileIsWritten(@TempDir Path dir) {
    Path out = dir.resolve("eval");
    assertEquals(Failures.USAGE, run("evaluate", "--model", "mnist-mlp", "--data", "mnist", "--methods", "gradient",
        "--metric", "pixel-flipping", "--samples", "-1", "--out", out.toString()));
    assertTrue(err.toString().contains("--samples must be at least 1, got -1"), err.toString());
    assertFalse(Files.exists(out));
    err.getBuffer().setLength(0);
    assertEquals(Failures.USAGE, run("train", "max2d", "--epochs", "-1", "--out", out.toString()));
    assertTrue(err.toString().contains("--epochs must be at least 1, got -1"), err.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void pixelFlippingWarnsWhenItGoesOnAfterEveryPixelIsReplaced(@TempDir Path dir) throws IOException {
    Path model = writeModel(dir, "mlp.onnx", mlp());
    Path data = Files.createDirectory(dir.resolve("data"));
    writeNpy(data, "inputs.npy", Tensor.randomNormal(Shape.of(3, 4), 1f, new java.util.Random(2)));
    String[] args = {"evaluate", "--model", model.toString(), "--data", data.toString(), "--methods", "gradient",
        "--metric", "pixel-flipping", "--patch", "2", "--replace", "zero", "--quiet"};
    String[] tooMany = Stream.concat(Stream.of(args), Stream.of("--flip-steps", "5", "--out", dir.resolve("eval5")
        .toString())).toArray(String[]::new);
    assertEquals(Failures.OK, run(tooMany), err.toString());
    assertTrue(err.toString().contains("warning: --flip-steps 5 goes on after every region is replaced: input [3, 4] has 2 "
        + "step(s) of 1 region(s) of 2x2; steps 3 to 5 repeat the fully replaced input and raise every AOPC alike "
        + "(--flip-steps 2 covers it once)"), err.toString());
    assertTrue(Files.readString(dir.resolve("eval5/metrics.json")).contains("\"steps\" : 5"));
    err.getBuffer().setLength(0);
    String[] sized = Stream.concat(Stream.of(args), Stream.of("--out", dir.resolve("eval").toString()))
        .toArray(String[]::new);
    assertEquals(Failures.OK, run(sized), err.toString());
    assertEquals("", err.toString());
    String json = Files.readString(dir.resolve("eval/metrics.json"));
    assertTrue(json.contains("\"steps\" : 2"), json);
  }

  @Test
  void trainRefusesAFileAsItsFolderAndExistingModels(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertEquals(Failures.BAD_INPUT, run("train", "max2d", "--quiet", "--out", file.toString()));
    assertEquals("--out " + file + " is a file; name a folder", errLine());
    Files.writeString(dir.resolve("max2d.onnx"), "old");
    err.getBuffer().setLength(0);
    assertEquals(Failures.BAD_INPUT, run("train", "max2d", "--quiet", "--out", dir.toString()));
    assertEquals("--out " + dir.resolve("max2d.onnx") + " exists; pass --force to replace it", errLine());
    assertEquals("old", Files.readString(dir.resolve("max2d.onnx")));
  }

  /** A command with a bug. */
  @Command(name = "buggy")
  static final class Buggy implements Callable<Integer> {
    @Option(names = Failures.VERBOSE)
    boolean verbose;

    @Override
    public Integer call() {
      Object o = List.of();
      return ((String) o).length();
    }
  }

  @Test
  void internalErrorsExitWith1AndPrintTheStackTraceOnlyWhenVerbose() {
    StringWriter e = new StringWriter();
    CommandLine cli = new CommandLine(new Buggy()).setExecutionExceptionHandler(new Failures());
    cli.setErr(new PrintWriter(e));
    assertEquals(Failures.INTERNAL, cli.execute());
    assertTrue(e.toString().startsWith("xai4j buggy: internal error: java.lang.ClassCastException"), e.toString());
    assertTrue(e.toString().contains("run with --verbose for the stack trace"), e.toString());
    assertFalse(e.toString().contains("\tat "), e.toString());
    e.getBuffer().setLength(0);
    assertEquals(Failures.INTERNAL, cli.execute("--verbose"));
    assertTrue(e.toString().contains("\tat org.xai4j.cli.FailureContractTest$Buggy.call"), e.toString());
  }

  @Test
  void anInvalidKernelsPropertyFailsInOneLineBeforeTheCommandPrintsAnything() throws Exception {
    // the kernel choice is made once per JVM; inspect prints its model line before it reaches a kernel
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-Dxai4j.kernels=gpu", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "inspect", "--model", "mnist-cnn").start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
    assertEquals(Failures.BAD_INPUT, p.waitFor(), stderr.toString());
    assertEquals("", stdout, "nothing printed before the error");
    assertEquals(List.of("-Dxai4j.kernels=gpu is not one of auto, scalar, vector"), stderr);
  }

}
