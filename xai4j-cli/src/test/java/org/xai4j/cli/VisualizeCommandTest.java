package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;

class VisualizeCommandTest extends CliTestSupport {
  @TempDir Path dir;

  /** A small random CNN on RGB 16 x 16 inputs. */
  private static Graph cnn() {
    GraphBuilder b = Graph.builder().seed(4);
    String x = b.input("input", -1, 3, 16, 16);
    String h = b.relu("relu1", b.conv2d("conv1", x, 3, 6, 3, 1, 1));
    h = b.relu("relu2", b.conv2d("conv2", b.maxPool2d("pool", h, 2, 2, 0), 6, 8, 3, 1, 1));
    return b.output(b.linear("fc", b.add("flat", new org.xai4j.op.Flatten(1), b.globalAvgPool("gap", h)), 8, 4)).build();
  }

  @Test
  void writesTheGridAndTheSidecar() throws Exception {
    Path model = writeModel(dir, "cnn.onnx", cnn());
    Path png = dir.resolve("fv.png");
    assertEquals(0, run("visualize", "--model", model.toString(), "--objective", "channel:relu2:3 - 0.001*tv",
        "--steps", "12", "--size", "20", "--batch", "2", "--diversity", "10", "--seed", "5", "--quiet",
        "--out", png.toString()), err.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(2 * 20 + 2, img.getWidth());
    assertEquals(20, img.getHeight());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("fv.json").toFile());
    assertEquals(12, json.get("steps_done").asInt());
    assertEquals("channel(relu2, 3) - 0.001 * tv + 10 * diversity(relu2)", json.get("settings").get("objective").asText());
    assertEquals(3, json.get("snapshots").size());
    assertEquals(12, json.get("snapshots").get(2).get("step").asInt());
    assertEquals(2, json.get("high_frequency_share").size());
    assertEquals(12, json.get("values").size());
    assertTrue(out.toString().contains("after 12 steps"), out.toString());
  }

  @Test
  void theSameSeedGivesTheSameImage() throws Exception {
    Path model = writeModel(dir, "cnn.onnx", cnn());
    String[] args = {"visualize", "--model", model.toString(), "--objective", "neuron:relu2:1", "--param", "pixel",
        "--no-decorrelate", "--transforms", "none", "--steps", "5", "--size", "16", "--quiet", "--out", ""};
    args[args.length - 1] = dir.resolve("a.png").toString();
    assertEquals(0, run(args));
    args[args.length - 1] = dir.resolve("b.png").toString();
    assertEquals(0, run(args));
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a.png")), Files.readAllBytes(dir.resolve("b.png"))));
  }

  @Test
  void unknownNodesAndKindsAreOneLineErrors() throws Exception {
    Path model = writeModel(dir, "cnn.onnx", cnn());
    assertEquals(Failures.BAD_INPUT, run("visualize", "--model", model.toString(), "--objective", "channel:relu_2:1", "--out",
        dir.resolve("x.png").toString()));
    assertTrue(err.toString().contains("no node named 'relu_2'") && err.toString().contains("relu2"), err.toString());
    assertEquals(Failures.BAD_INPUT, run("visualize", "--model", model.toString(), "--objective", "chanel:relu2:1", "--out",
        dir.resolve("x.png").toString()));
    assertTrue(err.toString().contains("unknown kind 'chanel'"), err.toString());
    assertTrue(Files.notExists(dir.resolve("x.png")));
  }

  @Test
  void parserCoversEveryKindAndCombination() {
    assertEquals("channel(conv3, 5) - 0.5 * neuron(conv3, 7)",
        ObjectiveParser.parse("channel:conv3:5 - 0.5*neuron:conv3:7").description());
    assertEquals("neuron(a-b, 1, 2, 3)[item 1] + deepdream(x) - 0.001 * tv",
        ObjectiveParser.parse("neuron:a-b:1:2:3@1 + deepdream:x - 0.001*tv").description());
    assertEquals("class_logit(fc, 2) + class_probability(fc, 3) + diversity(c) - l1 - l2 - blur",
        ObjectiveParser.parse("logit:fc:2 + prob:fc:3 + diversity:c - l1 - l2 - blur").description());
    assertEquals("direction(c, [3 weights]) + direction_neuron(c, [3 weights], cossim_pow=1.0)",
        ObjectiveParser.parse("direction:c:1,0,-1 + direction_neuron:c:1,2,3:1").description());
    assertThrows(IllegalArgumentException.class, () -> ObjectiveParser.parse("channel:c"));
    assertThrows(IllegalArgumentException.class, () -> ObjectiveParser.parse("channel:c:x"));
    assertThrows(IllegalArgumentException.class, () -> ObjectiveParser.parse("neuron:c:1:2"));
    assertThrows(IllegalArgumentException.class, () -> ObjectiveParser.parse("tv:3"));
    assertThrows(IllegalArgumentException.class, () -> ObjectiveParser.parse(""));
  }
}
