package org.xai4j.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.Mnist;
import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.Methods;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.io.Npy;
import org.xai4j.limit.Limit;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.onnx.OnnxExporter;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.TestGraphs;
import picocli.CommandLine;

/**
 * {@code xai4j spark-explain} end to end on a local Spark session, and its failures: one test per class of the
 * exit-code contract it shares with every {@code xai4j} command (usage error 2; bad model file, bad input, exceeded
 * limit 3), each a single line.
 */
class SparkExplainCommandTest {
  private static final int USAGE = 2;
  private static final int BAD_INPUT = 3;

  @AfterEach
  void clearLimits() {
    for (Limit l : Limit.values()) {
      System.clearProperty(l.property());
    }
  }

  /** Runs {@code xai4j spark-explain ARGS} on the command line of the Spark JVM, as {@code ./xai4j} does. */
  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = SparkMain.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(Stream.concat(Stream.of("spark-explain"), Stream.of(args)).toArray(String[]::new));
  }

  private static SparkSession spark() {
    return SparkSession.builder().master("local[2,4]").config("spark.ui.enabled", "false").getOrCreate();
  }

  /** The one line printed, checked to be one line without a stack trace. */
  private static String oneLine(StringWriter err) {
    String e = err.toString().strip();
    assertFalse(e.contains("\n"), "one line expected: " + e);
    assertFalse(e.contains("\tat "), "no stack trace expected: " + e);
    return e;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** {@code input[?, 4] -> fc1 (4 -> 8) -> relu1 -> fc2 (8 -> 3)}, weights from {@code seed}. */
  private static Graph mlp(long seed) {
    GraphBuilder b = Graph.builder().seed(seed);
    String x = b.input("input", -1, 4);
    String h = b.relu("relu1", b.linear("fc1", x, 4, 8));
    return b.output(b.linear("fc2", h, 8, 3)).build();
  }

  /** A folder {@code in} beside {@code dir}'s other files, holding one {@code [1, 4]} sample as {@code x.npy}. */
  private static Path oneSample(Path dir, float... values) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Npy.write(in.resolve("x.npy"), Tensor.of(Shape.of(1, 4), values));
    return in;
  }

  @Test
  void explainsAFolderIntoParquet(@TempDir Path dir) throws Exception {
    SparkSession spark = spark();
    Path model = dir.resolve("mnist-cnn.onnx");
    OnnxExporter.write(BundledModelFiles.load("mnist-cnn"), model);
    Path images = Files.createDirectories(dir.resolve("in/nested"));
    for (int i = 0; i < 3; i++) {
      Npy.write(images.resolve("x" + i + ".npy"), Mnist.load().test().images().slice0(i, i + 1));
    }
    Files.writeString(images.resolve("bad.png"), "no image");
    Path out = dir.resolve("out.parquet");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = run(o, e, "--model", model.toString(), "--images", dir.resolve("in").toString(), "--method",
        "gradient,lrp:epsilon-plus-flat", "--batch-size", "2", "--out", out.toString());
    assertEquals(0, code, e.toString());
    assertTrue(o.toString().startsWith("explained 4 files with [gradient, lrp:epsilon-plus-flat] on local[2,4] in "),
        o.toString());
    assertTrue(o.toString().contains("; 2 rows with an error"), o.toString());
    List<Row> rows = spark.read().parquet(out.toString()).orderBy("path", "method").collectAsList();
    assertEquals(8, rows.size());
    assertEquals(List.of("path", "method", "target", "logit", "relevance", "relevance_shape", "heatmap", "relevance_sum",
        "conservation", "top_k_index", "top_k_relevance", "error"), List.of(rows.get(0).schema().fieldNames()));
    assertTrue(rows.get(0).<String>getAs("error").endsWith("bad.png: not a PNG/JPEG image or .npy array (8 bytes)"));
    assertEquals(Mnist.load().test().labels()[0], rows.get(2).<Integer>getAs("target"));
    assertTrue(spark.sparkContext().isStopped() == false, "a session the command did not start stays up");

    assertEquals(List.of("in", "mnist-cnn.onnx", "out.parquet"), names(dir), "no temporary folder is left");
  }

  @Test
  void anExistingOutputIsReplacedWholeOnlyWithForce(@TempDir Path dir) throws Exception {
    SparkSession spark = spark();
    Path model = dir.resolve("mnist-cnn.onnx");
    OnnxExporter.write(BundledModelFiles.load("mnist-cnn"), model);
    Path images = Files.createDirectories(dir.resolve("in"));
    Npy.write(images.resolve("x.npy"), Mnist.load().test().images().slice0(0, 1));
    Path out = Files.createDirectories(dir.resolve("out.parquet"));
    Files.writeString(out.resolve("old-part.parquet"), "precious");
    String[] args = {"--model", model.toString(), "--images", images.toString(), "--method", "gradient", "--out",
        out.toString()};
    StringWriter e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, args));
    assertEquals("--out " + out + " exists; pass --force to replace it", oneLine(e));
    assertEquals("precious", Files.readString(out.resolve("old-part.parquet")));
    e = new StringWriter();
    String[] forced = Stream.concat(Stream.of(args), Stream.of("--force")).toArray(String[]::new);
    assertEquals(0, run(new StringWriter(), e, forced), e.toString());
    assertFalse(Files.exists(out.resolve("old-part.parquet")), "the old folder is replaced whole, not mixed in");
    assertEquals(1, spark.read().parquet(out.toString()).count());
    assertEquals(List.of("in", "mnist-cnn.onnx", "out.parquet"), names(dir));
    e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "gradient", "--out", dir.toString(), "--force"));
    assertTrue(oneLine(e).endsWith("contains --model " + model + "; writing the folder would replace it"),
        e.toString());
  }

  @Test
  void aBundledModelIsNamedAsInEveryCommand(@TempDir Path dir) throws Exception {
    SparkSession spark = spark();
    Path images = Files.createDirectories(dir.resolve("in"));
    Tensor digit = Mnist.load().test().images().slice0(0, 1);
    Npy.write(images.resolve("x.npy"), digit);
    Path out = dir.resolve("o.parquet");
    StringWriter e = new StringWriter();
    assertEquals(0, run(new StringWriter(), e, "--model", "mnist-cnn", "--images", images.toString(), "--method",
        "gradient", "--out", out.toString()), e.toString());
    Row row = spark.read().parquet(out.toString()).collectAsList().get(0);
    Graph graph = BundledModelFiles.load("mnist-cnn");
    double expected = Methods.attributor("gradient", MethodOptions.none(), digit.shape()).prepare(graph)
        .explain(digit, Target.argmax()).relevance().sum();
    assertEquals(expected, row.<Double>getAs("relevance_sum"), 1e-5 * Math.abs(expected));
    assertEquals(Mnist.load().test().labels()[0], row.<Integer>getAs("target"));

    e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--model", "mnist-cnm", "--images", images.toString(),
        "--method", "gradient", "--out", dir.resolve("o2").toString()));
    assertTrue(oneLine(e).startsWith("--model 'mnist-cnm' is neither a file nor a bundled model; bundled: "),
        e.toString());
    assertTrue(e.toString().contains("mnist-cnn"), e.toString());
    assertFalse(Files.exists(dir.resolve("o2")));
  }

  @Test
  void aCorruptModelFileExitsWith3NamingItAndWritesNothing(@TempDir Path dir) throws Exception {
    spark();
    Path model = Files.write(dir.resolve("junk.onnx"), new byte[] {8, 7, 0x12, (byte) 0xff, 1, 2});
    Path images = oneSample(dir, 0.5f, -1f, 2f, 0.25f);
    StringWriter e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "gradient", "--out", dir.resolve("o.parquet").toString()));
    assertTrue(oneLine(e).startsWith(model + ": not an ONNX model"), e.toString());
    assertEquals(List.of("in", "junk.onnx"), names(dir));
  }

  @Test
  void badInputExitsWith3InOneLine(@TempDir Path dir) throws Exception {
    spark();
    Path model = dir.resolve("mlp.onnx");
    OnnxExporter.write(mlp(11), model);
    Path images = oneSample(dir, 0.5f, -1f, 2f, 0.25f);
    StringWriter e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--model", model.toString(), "--images", dir.resolve("none")
        .toString(), "--method", "gradient", "--out", dir.resolve("o1").toString()));
    assertEquals("--images " + dir.resolve("none") + ": no such file or folder", oneLine(e));
    e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "saliency", "--out", dir.resolve("o2").toString()));
    assertTrue(oneLine(e).startsWith("unknown method 'saliency'; choose one of"), e.toString());
    e = new StringWriter();
    Path nowhere = dir.resolve("nowhere").resolve("o3");
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "gradient", "--out", nowhere.toString()));
    assertEquals("the folder of --out " + nowhere + " does not exist: " + dir.resolve("nowhere"), oneLine(e));
    assertEquals(List.of("in", "mlp.onnx"), names(dir));
  }

  @Test
  void aMasterOtherThanTheRunningSessionsIsRefusedRatherThanIgnored(@TempDir Path dir) throws Exception {
    SparkSession running = spark();
    Path model = dir.resolve("mlp.onnx");
    OnnxExporter.write(mlp(14), model);
    Path images = oneSample(dir, 0.5f, -1f, 2f, 0.25f);
    StringWriter e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--master", "local[3]", "--model", model.toString(),
        "--images", images.toString(), "--method", "gradient", "--out", dir.resolve("o").toString()));
    assertEquals("--master local[3]: a Spark session on " + running.sparkContext().master()
        + " is already running in this JVM; leave --master out to use it", oneLine(e));
    assertEquals(List.of("in", "mlp.onnx"), names(dir));
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, new StringWriter(), "--master", running.sparkContext().master(), "--model",
        model.toString(), "--images", images.toString(), "--method", "gradient", "--out", dir.resolve("o").toString()));
    assertTrue(out.toString().contains("explained 1 files"), out.toString());
  }

  @Test
  void aMasterUrlSparkCannotParseExitsWith3NamingItInAFreshJvm(@TempDir Path dir) throws Exception {
    // a running session ignores --master, so the URL is tried where the first session is made: a JVM of its own
    Path model = dir.resolve("mlp.onnx");
    OnnxExporter.write(mlp(13), model);
    Path images = oneSample(dir, 0.5f, -1f, 2f, 0.25f);
    Path out = dir.resolve("o");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SparkMain.class.getName(), "spark-explain",
        "--master", "nonsense[2]", "--model", model.toString(), "--images", images.toString(),
        "--method", "gradient", "--out", out.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS), stderr);
    assertEquals(BAD_INPUT, p.exitValue(), stderr);
    // Spark's own logger reports the failed SparkContext (with its trace) before; the command's message is the
    // last line, and the failure is not reported as an internal error
    String[] lines = stderr.strip().split("\\R");
    assertEquals("--master nonsense[2]: Could not parse Master URL: 'nonsense[2]'", lines[lines.length - 1], stderr);
    assertFalse(stderr.contains("internal error"), stderr);
    assertFalse(Files.exists(out));
  }

  @Test
  void anExceededLimitExitsWith3NamingIt(@TempDir Path dir) throws Exception {
    spark();
    Path model = dir.resolve("mlp.onnx");
    OnnxExporter.write(mlp(12), model);
    Path images = oneSample(dir, 0.5f, -1f, 2f, 0.25f);
    StringWriter e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--limit", "tensor-elements=20", "--model", model.toString(),
        "--images", images.toString(), "--method", "gradient", "--out", dir.resolve("o").toString()));
    String line = oneLine(e);
    assertTrue(line.contains("tensor-elements") && line.contains("20"), line);
    assertEquals(List.of("in", "mlp.onnx"), names(dir));
  }

  @Test
  void usageErrorsExitWith2InOneLineAndAHint(@TempDir Path dir) throws Exception {
    String[] valid = {"--model", "mnist-cnn", "--images", dir.toString(), "--method", "gradient", "--out",
        dir.resolve("o").toString()};
    StringWriter e = new StringWriter();
    assertEquals(USAGE, run(new StringWriter(), e, Stream.concat(Stream.of(valid), Stream.of("--bogus"))
        .toArray(String[]::new)));
    assertTrue(e.toString().startsWith("xai4j: Unknown option: '--bogus'"), e.toString());
    assertTrue(e.toString().contains("Try 'xai4j spark-explain --help'"), e.toString());
    e = new StringWriter();
    assertEquals(USAGE, run(new StringWriter(), e, Stream.concat(Stream.of(valid), Stream.of("--batch-size", "0"))
        .toArray(String[]::new)));
    assertTrue(e.toString().startsWith("xai4j: --batch-size must be at least 1, got 0"), e.toString());
    e = new StringWriter();
    assertEquals(USAGE, run(new StringWriter(), e, Stream.concat(Stream.of("--limit", "weights=3"), Stream.of(valid))
        .toArray(String[]::new)));
    assertTrue(e.toString().contains("unknown limit 'weights'"), e.toString());
    e = new StringWriter();
    assertEquals(USAGE, run(new StringWriter(), e, "--model", "mnist-cnn", "--images", dir.toString()));
    assertTrue(e.toString().startsWith("xai4j: Missing required options"), e.toString());
    assertEquals(List.of(), names(dir));
    for (CommandLine top : List.of(SparkMain.commandLine(), org.xai4j.cli.Main.commandLine())) {
      String help = top.getUsageMessage();
      assertTrue(help.contains("Exit codes:") && help.contains("3   bad model, input, option value or output path")
          && help.contains("--verbose") && help.contains("--limit=KEY=N"), help);
    }
  }

  @Test
  void aNonFiniteWeightGivesErrorRowsNamingItsNode(@TempDir Path dir) throws Exception {
    SparkSession spark = spark();
    Graph g = mlp(3);
    Tensor w = g.node("fc2").op().parameters().get("weight");
    float[] v = w.toArray();
    v[5] = Float.POSITIVE_INFINITY;
    Parameters p = Parameters.of("weight", Tensor.of(w.shape(), v), "bias", g.node("fc2").op().parameters()
        .get("bias"));
    Path model = dir.resolve("inf.onnx");
    OnnxExporter.write(g.withOp("fc2", g.node("fc2").op().withParameters(p)), model);
    Path images = oneSample(dir, 0.5f, -1f, 2f, 0.25f);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    assertEquals(0, run(o, e, "--model", model.toString(), "--images", images.toString(), "--method", "lrp",
        "--out", dir.resolve("o").toString()), e.toString());
    assertTrue(o.toString().contains("; 1 rows with an error"), o.toString());
    Row row = spark.read().parquet(dir.resolve("o").toString()).collectAsList().get(0);
    String error = row.getAs("error");
    assertTrue(error.startsWith("the relevance of lrp [1, 4] holds ") && error.contains("first in the forward pass: "
        + "node 'fc2' (Gemm): its weight 'weight' [3, 8] holds 0 NaN and 1 infinite of 24 values"), error);
    assertNull(row.getAs("relevance_sum"), "no relevance is reported beside the error");
  }

  @Test
  void anUncoveredNodeFailsUnlessTheGradientIsWantedThere(@TempDir Path dir) throws Exception {
    SparkSession spark = spark();
    Path model = dir.resolve("in.onnx");
    OnnxExporter.write(TestGraphs.instanceNormalized(), model);
    Path images = Files.createDirectories(dir.resolve("in"));
    Npy.write(images.resolve("x.npy"), Tensor.randomNormal(Shape.of(1, 2, 4), 1f, new Random(6)));
    StringWriter e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "lrp", "--out", dir.resolve("o1").toString()));
    assertTrue(e.toString().contains("'norm' (InstanceNormalization") && e.toString().contains(
        "--gradient-where-uncovered"), e.toString());
    e = new StringWriter();
    assertEquals(0, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "gradient,lrp", "--gradient-where-uncovered", "--out", dir.resolve("o2").toString()),
        e.toString());
    List<Row> rows = spark.read().parquet(dir.resolve("o2").toString()).collectAsList();
    assertEquals(2, rows.size());
    assertTrue(rows.stream().allMatch(r -> r.getAs("error") == null), rows.toString());
  }

  @Test
  void takesTheMethodFlagsOfExplainAndEveryWorkedExampleParses(@TempDir Path dir) throws Exception {
    SparkSession spark = spark();
    Graph graph = BundledModelFiles.load("mnist-cnn");
    Path model = dir.resolve("mnist-cnn.onnx");
    OnnxExporter.write(graph, model);
    Path images = Files.createDirectories(dir.resolve("in"));
    Tensor digit = Mnist.load().test().images().slice0(0, 1);
    Npy.write(images.resolve("x.npy"), digit);
    StringWriter e = new StringWriter();
    assertEquals(0, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "integrated-gradients", "--integration-steps", "4", "--out", dir.resolve("o").toString()),
        e.toString());
    Row row = spark.read().parquet(dir.resolve("o").toString()).collectAsList().get(0);
    double expected = IntegratedGradients.defaults().withSteps(4).prepare(graph).explain(digit, Target.argmax())
        .relevance().sum();
    assertEquals(expected, row.<Double>getAs("relevance_sum"), 1e-4 * Math.abs(expected));
    e = new StringWriter();
    assertEquals(BAD_INPUT, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "gradient", "--integration-steps", "4", "--out", dir.resolve("o2").toString()));
    assertTrue(e.toString().contains("--integration-steps"), e.toString());
    // one declaration per option: the flags and image options are explain's own
    CommandLine spark2 = new CommandLine(new SparkExplainCommand());
    CommandLine explain = org.xai4j.cli.Main.commandLine().getSubcommands().get("explain");
    for (String name : List.of("--model", "--force", "--integration-steps", "--composite",
        "--gradient-where-uncovered", "--resize", "--mean")) {
      assertEquals(explain.getCommandSpec().findOption(name).description()[0],
          spark2.getCommandSpec().findOption(name).description()[0], name);
    }
    assertTrue(spark2.getUsageMessage().contains("  xai4j spark-explain --master local[2]"), "a worked example");
  }
}
