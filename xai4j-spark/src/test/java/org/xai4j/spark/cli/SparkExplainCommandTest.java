package org.xai4j.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.Mnist;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.onnx.OnnxExporter;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.TestGraphs;
import picocli.CommandLine;

class SparkExplainCommandTest {
  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new SparkExplainCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void explainsAFolderIntoParquet(@TempDir Path dir) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2,4]").config("spark.ui.enabled", "false").getOrCreate();
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

    e = new StringWriter();
    assertEquals(1, run(new StringWriter(), e, "--model", model.toString(), "--images", dir.resolve("in").toString(),
        "--method", "gradient", "--out", out.toString()));
    assertEquals("--out " + out + " exists; remove it or choose another folder", e.toString().strip());
    e = new StringWriter();
    assertEquals(1, run(new StringWriter(), e, "--model", model.toString(), "--images", dir.resolve("none").toString(),
        "--method", "gradient", "--out", dir.resolve("o2").toString()));
    assertEquals("--images " + dir.resolve("none") + ": no such file or folder", e.toString().strip());
    e = new StringWriter();
    assertEquals(1, run(new StringWriter(), e, "--model", model.toString(), "--images", dir.resolve("in").toString(),
        "--method", "saliency", "--out", dir.resolve("o3").toString()));
    assertTrue(e.toString().startsWith("unknown method 'saliency'; choose one of"), e.toString());
  }

  @Test
  void anUncoveredNodeFailsUnlessTheGradientIsWantedThere(@TempDir Path dir) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2,4]").config("spark.ui.enabled", "false").getOrCreate();
    Path model = dir.resolve("in.onnx");
    OnnxExporter.write(TestGraphs.instanceNormalized(), model);
    Path images = Files.createDirectories(dir.resolve("in"));
    Npy.write(images.resolve("x.npy"), Tensor.randomNormal(Shape.of(1, 2, 4), 1f, new Random(6)));
    StringWriter e = new StringWriter();
    assertEquals(1, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
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
    SparkSession spark = SparkSession.builder().master("local[2,4]").config("spark.ui.enabled", "false").getOrCreate();
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
    assertEquals(1, run(new StringWriter(), e, "--model", model.toString(), "--images", images.toString(),
        "--method", "gradient", "--integration-steps", "4", "--out", dir.resolve("o2").toString()));
    assertTrue(e.toString().contains("--integration-steps"), e.toString());
    // one declaration per option: the flags and image options are explain's own
    CommandLine spark2 = new CommandLine(new SparkExplainCommand());
    CommandLine explain = org.xai4j.cli.Main.commandLine().getSubcommands().get("explain");
    for (String name : List.of("--integration-steps", "--composite", "--gradient-where-uncovered", "--resize",
        "--mean")) {
      assertEquals(explain.getCommandSpec().findOption(name).description()[0],
          spark2.getCommandSpec().findOption(name).description()[0], name);
    }
    assertTrue(spark2.getUsageMessage().contains("  xai4j spark-explain --master local[2]"), "a worked example");
  }
}
