package org.xai4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.io.Npy;
import org.xai4j.kernel.Parallelism;
import org.xai4j.models.BundledData;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine;

/**
 * The rules every subcommand follows: a worked example in {@code --help} that runs, bundled model names
 * and bundled samples wherever a model or input is taken, inputs fitted to the model with a note,
 * {@code --threads}, one-line usage errors with a hint, and training that never writes the sources.
 */
class CliConsistencyTest extends CliTestSupport {
  /** Subcommands that are not ours (picocli's) or run too long for a unit test (the demo has its own test). */
  private static final Set<String> NO_EXAMPLE_RUN = Set.of("help", Main.COMPLETION, "demo");
  /** Commands that compute, and so take {@code --threads}. */
  private static final List<String> COMPUTING = List.of("demo", "run", "explain", "train", "evaluate", "prototype",
      "visualize", "report");
  /** Commands that take {@code --model}. */
  private static final List<String> MODEL_TAKING = List.of("inspect", "run", "explain", "evaluate", "prototype",
      "visualize", "report");
  private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

  @Test
  void everySubcommandsHelpHasAWorkedExampleThatRuns(@TempDir Path dir) throws IOException {
    Map<String, CommandLine> subcommands = Main.commandLine().getSubcommands();
    assertTrue(subcommands.keySet().containsAll(List.of("demo", "train", "inspect", "run", "explain", "prototype",
        "visualize", "evaluate", Main.COMPLETION)), subcommands.keySet().toString());
    for (Map.Entry<String, CommandLine> e : subcommands.entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<List<String>> examples = examples(e.getValue().getUsageMessage());
      if (e.getKey().equals(Main.COMPLETION)) {
        continue;
      }
      assertFalse(examples.isEmpty(), e.getKey() + " --help has no example:\n" + e.getValue().getUsageMessage());
      if (NO_EXAMPLE_RUN.contains(e.getKey())) {
        continue;
      }
      for (List<String> example : examples) {
        String[] args = runnable(example, Files.createDirectories(dir.resolve(e.getKey())));
        assertEquals(0, run(args), String.join(" ", example) + "\n" + err);
      }
    }
  }

  @Test
  void everyModelTakingCommandAcceptsABundledModelName() {
    for (String command : MODEL_TAKING) {
      CommandLine.Model.OptionSpec model = Main.commandLine().getSubcommands().get(command).getCommandSpec()
          .findOption("--model");
      assertTrue(model != null && model.required(), command);
      List<String> names = new ArrayList<>();
      model.completionCandidates().forEach(names::add);
      assertTrue(names.contains("mnist-cnn") && names.contains("shapes-cnn"), command + " " + names);
    }
    assertEquals(0, run("inspect", "--model", "shapes-cnn"), err.toString());
    assertTrue(out.toString().contains("model: shapes-cnn (opset "), out.toString());
    assertEquals(Failures.BAD_INPUT, run("inspect", "--model", "mnist-cnnn"));
    assertTrue(err.toString().contains("'mnist-cnnn' is neither a file nor a bundled model; bundled: mnist-mlp, "
        + "mnist-cnn"), err.toString());
  }

  @Test
  void bundledSamplesAreExplainedAndRunAsTheLibraryGivesThem(@TempDir Path dir) throws IOException {
    Path logits = dir.resolve("logits.npy");
    assertEquals(0, run("run", "--model", "mnist-cnn", "--data", "mnist", "--index", "3,4", "--out",
        logits.toString()), err.toString());
    Tensor expected = BundledModelFiles.load("mnist-cnn").forward(BundledData.MNIST.sample(3, 4)).output();
    assertArrayEquals(expected.toArray(), Npy.read(logits).toArray());
    Path r = dir.resolve("r.npy");
    assertEquals(0, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", "3", "--method",
        "gradient", "--out", r.toString()), err.toString());
    assertEquals(Shape.of(1, 1, 28, 28), Npy.read(r).shape());
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--index", "2000",
        "--method", "gradient", "--out", dir.resolve("r2.npy").toString()));
    assertTrue(err.toString().contains("--index 2000 is outside the bundled data set mnist (indices 0 to 1999)"),
        err.toString());
  }

  @Test
  void aGreyPngOfAnotherSizeIsFittedToTheModelWithANote(@TempDir Path dir) throws IOException {
    // the demo writes its digits like this: Heatmaps.image of a [1, 28, 28] digit, here enlarged to 56 x 56
    Tensor digit = BundledData.MNIST.sample(7);
    BufferedImage small = Heatmaps.image(digit.reshape(1, 28, 28));
    BufferedImage big = new BufferedImage(56, 56, small.getType());
    big.createGraphics().drawImage(small, 0, 0, 56, 56, null);
    Path png = dir.resolve("digit.png");
    ImageIO.write(big, "png", png.toFile());
    Path r = dir.resolve("r.npy");
    assertEquals(0, run("explain", "--model", "mnist-cnn", "--input", png.toString(), "--method", "gradient",
        "--out", r.toString()), err.toString());
    String s = out.toString();
    assertTrue(s.contains("resized bilinearly from 56x56 to 28x28"), s);
    assertTrue(s.contains("note:   " + png + ": grey image: its 3 equal channels became 1 to fit the model input "
        + "input[?, 1, 28, 28]"), s);
    int label = BundledData.MNIST.heldOut().labels()[7];
    assertTrue(s.contains("target: " + label + " "), "a 2x enlarged digit is still classified as " + label + "\n" + s);
  }

  @Test
  void computingCommandsTakeThreads() {
    for (String command : COMPUTING) {
      assertTrue(Main.commandLine().getSubcommands().get(command).getCommandSpec().findOption("--threads") != null,
          command);
    }
    assertEquals(0, run("run", "--threads", Integer.toString(Parallelism.threads()), "--help"));
    assertEquals(2, run("explain", "--threads", "0", "--model", "mnist-cnn", "--data", "mnist", "--method", "gradient",
        "--out", "x.npy"));
    assertTrue(err.toString().contains("--threads must be at least 1, got 0"), err.toString());
  }

  @Test
  void aMissingOptionPrintsOneLineAndAHintNotTheUsage() {
    assertEquals(2, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--method", "gradient"));
    String[] lines = err.toString().split("\\R");
    assertEquals(2, lines.length, err.toString());
    assertEquals("xai4j: Missing required option: '--out=<out>'", lines[0]);
    assertEquals("Try 'xai4j explain --help' for the options and an example.", lines[1]);
    err.getBuffer().setLength(0);
    assertEquals(2, run("explain", "--model", "mnist-cnn", "--data", "mnist", "--method", "gradient", "--out", "x.npy",
        "--taget", "3"));
    assertTrue(err.toString().contains("Possible solutions: --target"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(Failures.BAD_INPUT, run("explain", "--model", "mnist-cnn", "--method", "gradient", "--out", "x.npy"));
    assertTrue(err.toString().startsWith("give an input: --input FILE (PNG, JPEG or .npy) or --data "
        + "mnist|shapes|textures"), err.toString());
  }

  @Test
  void trainingNeverWritesIntoTheSources(@TempDir Path dir) throws IOException {
    Path sources = dir.resolve("repo/xai4j-models/src/main/resources");
    assertEquals(2, run("train", "max2d", "--quiet", "--out", sources.toString()));
    assertTrue(err.toString().contains("lies in the sources"), err.toString());
    assertFalse(Files.exists(sources));
    CommandLine train = Main.commandLine().getSubcommands().get("train");
    assertEquals(Path.of(TrainCommand.DEFAULT_OUT), train.getCommandSpec().findOption("--out").getValue());
  }

  @Test
  void completionScriptCoversEverySubcommand() {
    assertEquals(0, run(Main.COMPLETION));
    for (String command : COMPUTING) {
      assertTrue(out.toString().contains(command), command);
    }
    assertTrue(out.toString().contains("complete -F _complete_xai4j"), "a bash completion script");
  }

  /**
   * The example command lines of a usage message: footer lines starting with {@code "  xai4j "}, joined
   * with the lines they continue onto (ending with a backslash).
   */
  private static List<List<String>> examples(String usage) {
    List<List<String>> examples = new ArrayList<>();
    String[] lines = usage.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("  xai4j ")) {
        StringBuilder line = new StringBuilder(lines[i]);
        while (line.toString().endsWith("\\") && i + 1 < lines.length) {
          line.setLength(line.length() - 1);
          line.append(lines[++i]);
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line.toString().trim());
        while (m.find()) {
          tokens.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        examples.add(tokens.subList(1, tokens.size()));
      }
    }
    return examples;
  }

  /** An example with its output redirected into {@code dir} and repository files made absolute. */
  private static String[] runnable(List<String> example, Path dir) {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<String> args = new ArrayList<>();
    for (int i = 0; i < example.size(); i++) {
      String a = example.get(i);
      if (i > 0 && example.get(i - 1).equals("--out")) {
        a = dir.resolve(a).toString();
      } else if (!a.startsWith("-") && Files.exists(root.resolve(a)) && a.contains("/")) {
        a = root.resolve(a).toString();
      }
      args.add(a);
    }
    return args.toArray(String[]::new);
  }
}
