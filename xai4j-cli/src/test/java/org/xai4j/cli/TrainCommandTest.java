package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.graph.Graph;
import org.xai4j.models.BundledModels;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine;

class TrainCommandTest {
  @Test
  void trainsMax2dAndWritesTheMetricsSidecar(@TempDir Path dir) throws Exception {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("train", "max2d", "--quiet", "--samples", "100", "--out", dir.toString()));
    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("max2d.json")));
    assertEquals("max2d", json.get("name").asText());
    assertEquals(9, json.get("parameters").asInt());
    assertTrue(json.get("metrics").get("max_abs_error").asDouble() < 1e-5, json.toString());
    assertTrue(json.get("training").get("data").asText().startsWith("100 pairs"), json.toString());
    assertTrue(out.toString().contains("max_abs_error"), out.toString());
    Graph g = OnnxImporter.read(dir.resolve("max2d.onnx"));
    assertArrayEquals(new float[] {3f, -1f}, g.forward(Tensor.of(Shape.of(2, 2), 3f, -2f, -1f, -5f)).output().toArray());
  }

  @Test
  void helpListsEveryBundledModel() {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("train", "--help"));
    for (String name : BundledModels.names()) {
      assertTrue(out.toString().contains("  " + name + "\n"), name + " missing from\n" + out);
    }
  }

  @Test
  void unknownModelFailsWithTheChoices() {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("train", "vgg", "--quiet"));
    assertTrue(err.toString().contains("choose one of [mnist-mlp"), err.toString());
  }
}
