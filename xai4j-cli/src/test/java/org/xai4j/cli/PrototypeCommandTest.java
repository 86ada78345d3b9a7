package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.data.Mnist;

class PrototypeCommandTest extends CliTestSupport {
  @Test
  void writesTheGridAndJsonForL2AndDecoderOnTheBundledModels(@TempDir Path dir) throws IOException {
    Path grid = Files.createDirectory(dir.resolve("out")).resolve("grid.png");
    assertEquals(0, run("prototype", "--model", "mnist-cnn", "--method", "l2,decoder", "--decoder", "mnist-decoder",
        "--classes", "3,7", "--steps", "40", "--seed", "2", "--code-prior", "normal", "--quiet", "--out", grid.toString()),
        err.toString());
    assertTrue(Files.size(grid) > 1000);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/grid.json").toFile());
    assertEquals("mnist-cnn", json.get("model").asText());
    assertEquals(2, json.get("settings").get("seed").asInt());
    assertEquals(40, json.get("methods").get("decoder").get("classes").get("7").get("steps").asInt());
    double p = json.get("methods").get("l2").get("classes").get("3").get("targetProbability").asDouble();
    assertTrue(p > 0.5 && p <= 1, "target probability " + p);
    assertTrue(json.get("methods").get("l2").get("classes").get("3").get("logLikelihood").isNull());
    assertTrue(out.toString().contains("wrote " + grid), out.toString());
    assertTrue(Pattern.compile("Class prototypes of mnist-cnn, averaged over 2 classes\\R +method +p\\(target\\)"
        + ".*\\R +l2 +0\\.\\d{3} .*\\R +decoder +0\\.\\d{3} ").matcher(out.toString()).find(), out.toString());
  }

  @Test
  void fittedExpertsAreSavedAndReusedWithoutRefitting(@TempDir Path dir) throws IOException {
    Path experts = dir.resolve("experts");
    Path data = Files.createDirectories(dir.resolve("data"));
    writeNpy(data, PrototypeCommand.INPUTS, Mnist.load().train().head(300).images());
    assertEquals(0, run("prototype", "--model", "mnist-cnn", "--method", "gaussian", "--classes", "1", "--steps", "5",
        "--fit-on", data.toString(), "--quiet", "--save-experts", experts.toString(), "--out",
        dir.resolve("a.png").toString()), err.toString());
    Path file = experts.resolve("gaussian.density");
    assertTrue(Files.exists(file), out.toString());
    assertEquals(0, run("prototype", "--model", "mnist-cnn", "--method", "gaussian", "--classes", "1", "--steps", "5",
        "--fit-on", data.toString(), "--expert", file.toString(), "--quiet", "--out", dir.resolve("b.png").toString()),
        err.toString());
    ObjectMapper m = new ObjectMapper();
    JsonNode a = m.readTree(dir.resolve("a.json").toFile()).get("methods").get("gaussian");
    JsonNode b = m.readTree(dir.resolve("b.json").toFile()).get("methods").get("gaussian");
    assertTrue(a.get("expertFitted").asBoolean());
    assertEquals(240, a.get("fit").get("trainingSamples").asInt(), "the last fifth of DIR/inputs.npy is held out");
    assertEquals(60, a.get("fit").get("heldOutSamples").asInt());
    assertTrue(!b.get("expertFitted").asBoolean());
    assertEquals(a.get("classes").get("1").get("logLikelihood").asDouble(),
        b.get("classes").get("1").get("logLikelihood").asDouble(), 0, "the reloaded expert is the same density");
  }

  @Test
  void anExistingExpertFolderIsRefusedBeforeAnyWorkAndReplacedWholeWithForce(@TempDir Path dir) throws IOException {
    Path experts = Files.createDirectories(dir.resolve("experts"));
    Path stale = Files.writeString(experts.resolve("stale.density"), "old");
    Path data = Files.createDirectories(dir.resolve("data"));
    writeNpy(data, PrototypeCommand.INPUTS, Mnist.load().train().head(100).images());
    String[] args = {"prototype", "--model", "mnist-cnn", "--method", "gaussian", "--classes", "1", "--steps", "2",
        "--fit-on", data.toString(), "--quiet", "--save-experts", experts.toString(), "--out",
        dir.resolve("a.png").toString()};
    assertEquals(Failures.BAD_INPUT, run(args));
    assertEquals("--save-experts " + experts + " exists; pass --force to replace it", err.toString().strip());
    assertTrue(Files.notExists(dir.resolve("a.png")), "refused before the grid is written");
    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    assertEquals(0, run(forced), err.toString());
    assertTrue(Files.notExists(stale), "the old folder is replaced whole, not merged");
    try (var files = Files.list(experts)) {
      assertEquals(java.util.List.of("gaussian.density"), files.map(f -> f.getFileName().toString()).toList());
    }
    try (var siblings = Files.list(dir)) {
      assertEquals(0, siblings.filter(f -> f.getFileName().toString().startsWith(".")).count(), "no temporary left");
    }
  }

  @Test
  void badArgumentsGiveOneLineErrors(@TempDir Path dir) {
    String png = dir.resolve("g.png").toString();
    assertEquals(Failures.BAD_INPUT, run("prototype", "--model", "mnist-cnn", "--method", "l2,vae", "--out", png));
    assertEquals("unknown prototype method 'vae'; choose from l2, gaussian, gmm, rbm, decoder", err.toString().strip());
    err.getBuffer().setLength(0);
    assertEquals(Failures.BAD_INPUT, run("prototype", "--model", "mnist-cnn", "--method", "decoder", "--out", png));
    assertEquals("the decoder method needs --decoder D.onnx (mnist-decoder for the bundled MNIST models)",
        err.toString().strip());
    err.getBuffer().setLength(0);
    assertEquals(Failures.BAD_INPUT, run("prototype", "--model", "mnist-cnn", "--method", "l2", "--classes", "3-1", "--out", png));
    assertEquals("--classes '3-1': '3-1' is not a class or a range a-b of classes (a <= b, both >= 0)",
        err.toString().strip());
    err.getBuffer().setLength(0);
    assertEquals(Failures.BAD_INPUT, run("prototype", "--model", "mnist-cnn", "--method", "l2", "--classes", "12", "--steps", "1",
        "--quiet", "--out", png));
    assertEquals("class 12 is outside the 10 classes of the logits", err.toString().strip());
    assertTrue(!Files.exists(Path.of(png)), "no partial output");
  }

  @Test
  void classListsAreRangesAndSingleClasses() {
    assertArrayEquals(new int[] {0, 1, 2, 3, 7, 9}, PrototypeCommand.parseClasses("0-3, 7,9,2"));
    assertThrows(IllegalArgumentException.class, () -> PrototypeCommand.parseClasses("a"));
  }
}
