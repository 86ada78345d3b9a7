package org.xai4j.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xai4j.io.AtomicFiles;
import org.xai4j.models.BundledModels;
import org.xai4j.models.ModelRecipe;
import org.xai4j.models.TrainedModel;
import org.xai4j.models.TrainingBudget;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.onnx.OnnxExporter;
import org.xai4j.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j train <name>}: trains a bundled model reproducibly and writes it as ONNX,
 * {@code <out>/<name>.onnx}, with its metrics sidecar {@code <out>/<name>.json} (description,
 * metrics, training record). Both files appear together, and existing ones are replaced only with {@code --force}
 * (retraining a bundled model in the repository root needs it).
 */
@Command(name = "train", mixinStandardHelpOptions = true, modelTransformer = TrainCommand.ModelList.class,
    description = {
        "Train a bundled model from its Java definition on the bundled data, print its metrics and "
            + "write the model to <out>/<name>.onnx and its metrics to <out>/<name>.json.",
        "Without overrides the run reproduces the bundled model byte for byte for the same thread "
            + "count (--threads N). Overrides give quick, smaller runs. The sources are never written: to "
            + "update a bundled model, copy both files into " + BundledModelFiles.SOURCE_FOLDER + ".",
        "Data: the bundled MNIST digits (8,000 training / 2,000 held-out, org.xai4j.data.Mnist) and "
            + "the seeded synthetic shapes (org.xai4j.data.Shapes); nothing is downloaded.",
        ""})
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin OutputOptions outputs;

  @Parameters(index = "0", paramLabel = "<name>", description = "The model to train (see the list below).")
  String name;

  /** Default output folder, relative to the working directory. */
  static final String DEFAULT_OUT = "trained-models";
  /** A path with this part lies in a module's sources, which training never writes. */
  private static final String SOURCES = "src/main";

  @Mixin ThreadsOption threads;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Directory for <name>.onnx and <name>.json (default: ${DEFAULT-VALUE}); never a source folder.")
  Path out = Path.of(DEFAULT_OUT);

  @Option(names = "--epochs", paramLabel = "N", description = "Override the number of epochs.")
  Integer epochs;

  @Option(names = "--samples", paramLabel = "N", description = "Train on only the first N training samples.")
  Integer samples;

  @Option(names = "--seed", paramLabel = "S", description = "Override the seed of shuffling and augmentation.")
  Long seed;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (!BundledModels.names().contains(name)) {
      throw new ParameterException(spec.commandLine(),
          "unknown model '" + name + "'; choose one of " + BundledModels.names());
    }
    if (out.toAbsolutePath().normalize().toString().replace('\\', '/').contains(SOURCES)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " lies in the sources; train into another "
          + "folder and copy <name>.onnx and <name>.json into " + BundledModelFiles.SOURCE_FOLDER + " to update a "
          + "bundled model");
    }
    OptionChecks.requirePositive(spec, "--epochs", epochs);
    OptionChecks.requirePositive(spec, "--samples", samples);
    ModelRecipe recipe = BundledModels.named(name);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a file; name a folder");
    }
    Path onnx = out.resolve(recipe.name() + ".onnx");
    Path sidecar = out.resolve(recipe.name() + ".json");
    if (Files.isDirectory(out)) {
      outputs.checkFile("--out", onnx, Map.of());
      outputs.checkFile("--out", sidecar, Map.of());
    }
    TrainingBudget budget = recipe.defaultBudget();
    if (epochs != null) {
      budget = budget.withEpochs(epochs);
    }
    if (samples != null) {
      budget = budget.withTrainSamples(samples);
    }
    if (seed != null) {
      budget = budget.withSeed(seed);
    }
    PrintWriter console = spec.commandLine().getOut();
    console.printf("training %s: %s%n", recipe.name(), recipe.description());
    TrainingListener listener = quiet ? TrainingListener.silent() : new ProgressBarListener(recipe.name(), System.err);
    TrainedModel model = recipe.train(budget, listener);
    model.metrics().forEach((k, v) -> console.printf("  %-32s %s%n", k, v));
    Files.createDirectories(out);
    ModelProto proto = OnnxExporter.export(model.graph());
    byte[] json = sidecarJson(recipe, model).getBytes(StandardCharsets.UTF_8);
    try (AtomicFiles.Group files = AtomicFiles.group(outputs.existing())) {
      files.add(onnx, proto::writeTo).add(sidecar, o -> o.write(json)).commit();
    }
    console.printf("wrote %s and %s%n", onnx, sidecar);
    console.flush();
    return Failures.OK;
  }

  /** The JSON sidecar: name, description, metrics and training record, in that order. */
  static String sidecarJson(ModelRecipe recipe, TrainedModel model) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", model.name());
    json.put("description", recipe.description());
    json.put("inputs", model.graph().inputs().toString());
    json.put("parameters", model.graph().parameterCount());
    json.put("metrics", model.metrics());
    json.put("training", model.training());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
  }

  /** Appends the bundled models and their descriptions to the help text. */
  static final class ModelList implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      List<String> lines = new ArrayList<>(List.of("", "Example:", "  xai4j train max2d --out trained-models", "",
          "Bundled models:"));
      for (ModelRecipe r : BundledModels.all()) {
        TrainingBudget b = r.defaultBudget();
        lines.add("");
        lines.add("  " + r.name());
        lines.add("      " + r.description());
        lines.add(String.format("      default: %d epoch(s), %d training samples, seed %d",
            b.epochs(), b.trainSamples(), b.seed()));
      }
      // picocli formats footer lines with String.format: escape the percent signs.
      spec.usageMessage().footer(lines.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new));
      return spec;
    }
  }
}
