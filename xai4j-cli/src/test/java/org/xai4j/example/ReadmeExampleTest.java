package org.xai4j.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.image.Png;
import org.xai4j.graph.Graph;
import org.xai4j.models.BundledData;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.onnx.OnnxExporter;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.tensor.Tensor;

/** The README's "Use as a library" program is this package's {@link FirstExplanation}, and it runs. */
class ReadmeExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/org/xai4j/example/FirstExplanation.java");
  private static final Pattern LINE = Pattern.compile("(integrated-gradients|lrp): class (\\d+), logit (\\S+), "
      + "relevance sum (\\S+)");

  @Test
  void theReadmeShowsThisExactProgram() throws IOException {
    String source = Files.readString(SOURCE);
    String readme = Files.readString(Path.of("..", "README.md"));
    String program = source.substring(source.indexOf("import "));
    assertTrue(readme.contains("```java\n" + program.stripTrailing() + "\n```"),
        "README.md must show " + SOURCE + " from its first import, verbatim");
  }

  @Test
  void explainsABundledDigitAndWritesTwoHeatmaps(@TempDir Path dir) throws IOException {
    String out = run("mnist-cnn", "3", dir.toString());
    Graph g = BundledModelFiles.load("mnist-cnn");
    Tensor x = BundledData.MNIST.sample(3);
    double igSum = IntegratedGradients.defaults().prepare(g).explain(x, Target.argmax()).relevance().sum();
    Matcher m = LINE.matcher(out);
    assertTrue(m.find(), out);
    assertEquals(String.format("%.4f", igSum), m.group(4), out);
    assertTrue(m.find() && m.group(1).equals("lrp"), out);
    for (String png : new String[] {"integrated-gradients.png", "lrp.png"}) {
      BufferedImage img = ImageIO.read(dir.resolve(png).toFile());
      assertEquals(28, img.getWidth(), png);
    }
  }

  @Test
  void theReadmeShowsTheOutputTheProgramPrintsToday(@TempDir Path dir) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String command = "$ java -cp ... org.xai4j.example.FirstExplanation mnist-cnn 3 .\n";
    int at = readme.indexOf(command);
    assertTrue(at >= 0, "README.md shows the program's run");
    String shown = readme.substring(at + command.length(), readme.indexOf("```", at));
    assertEquals(shown, run("mnist-cnn", "3", dir.toString()).replace(System.lineSeparator(), "\n"),
        "README.md's numbers (e.g. the LRP sum) are what the program prints");
  }

  @Test
  void explainsAPngWithAnOnnxFile(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("mnist-cnn.onnx");
    OnnxExporter.write(BundledModelFiles.load("mnist-cnn"), model);
    Tensor digit = BundledData.MNIST.sample(5);
    Path png = dir.resolve("digit.png");
    Png.write(Heatmaps.image(digit.reshape(1, 28, 28)), png);
    String out = run(model.toString(), png.toString(), dir.toString());
    int label = BundledData.MNIST.heldOut().labels()[5];
    assertTrue(out.contains("integrated-gradients: class " + label + ","), out);
    assertTrue(Files.size(dir.resolve("lrp.png")) > 0);
  }

  private static String run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      FirstExplanation.main(args);
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
