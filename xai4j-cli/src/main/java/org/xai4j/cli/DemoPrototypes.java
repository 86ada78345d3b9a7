package org.xai4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xai4j.data.Mnist;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.report.html.OutputFolder;
import org.xai4j.report.html.Table;
import org.xai4j.visualize.prototype.MethodResult;
import org.xai4j.visualize.prototype.PrototypeGrid;
import org.xai4j.visualize.prototype.PrototypeMethod;
import org.xai4j.visualize.prototype.PrototypeProgress;
import org.xai4j.visualize.prototype.PrototypeRecipe;
import org.xai4j.visualize.prototype.PrototypeRunner;
import org.xai4j.visualize.prototype.QualityMeasures;

/**
 * The class-prototype step of {@code xai4j demo}: every {@link PrototypeMethod} for the ten digits
 * on mnist-cnn with the default recipe (the settings of {@code xai4j prototype}, the tests and the
 * benchmark; experts fitted in the run), the grid {@value #GRID} with its JSON beside it, and the
 * quality table averaged over the classes ({@link PrototypeTable}).
 */
final class DemoPrototypes {
  /** The grid's file name in the demo folder. */
  static final String GRID = "prototypes.png";
  /** The decoder of the code-space method. */
  static final String DECODER = "mnist-decoder";
  /** What the section shows. */
  static final String NOTE = "Montavon, Samek and Mueller (2018), Section 3: for every digit the input that maximizes "
      + "log p(class | x) under a regularizer. l2 penalizes the distance to the data mean; gaussian, gmm and rbm add "
      + "the log-density of an expert fitted in this run on " + PrototypeRecipe.DEFAULT_FIT_SAMPLES + " training "
      + "digits; decoder ascends in the code space of " + DECODER + ". Data distance: mean L2 distance to the "
      + QualityMeasures.NEIGHBOURS + " nearest of the " + Mnist.TRAIN_SIZE + " training digits. log p(prototype): "
      + "the expert's log-density at the prototypes; held-out log p: its mean over the " + Mnist.TEST_SIZE
      + " held-out digits. Seconds include fitting the expert (docs/activation-maximization.md).";
  private static final int[] DIGITS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  private DemoPrototypes() {}

  /**
   * The outcome.
   *
   * @param table the quality table
   * @param grid the grid's file name
   * @param json the JSON's file name
   */
  record Result(Table table, String grid, String json) {}

  /** Runs the methods on {@code model} (named {@code modelName}) and writes the grid into the folder. */
  static Result run(String modelName, Graph model, OutputFolder files) {
    Mnist mnist = Mnist.load();
    String data = "mnist (bundled, " + Mnist.TRAIN_SIZE + " training and " + Mnist.TEST_SIZE + " held-out digits)";
    PrototypeRecipe recipe = PrototypeRecipe.defaults();
    List<MethodResult> results = PrototypeRunner.run(new PrototypeRunner.Inputs(model,
        Optional.of(BundledModelFiles.load(DECODER)), mnist.train().images(), mnist.test().images(), data, Map.of()),
        List.of(PrototypeMethod.values()), DIGITS, recipe, PrototypeProgress.silent());
    Map<String, Object> settings = new LinkedHashMap<>(recipe.summary());
    settings.put("data", data);
    settings.put("decoder", DECODER);
    try {
      PrototypeGrid.write(files.dir().resolve(GRID), modelName, results, settings, recipe.settings().pixels(),
          AtomicFiles.Existing.REFUSE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + files.dir().resolve(GRID) + ": " + e.getMessage(), e);
    }
    Table table = PrototypeTable.of("Class prototypes of the " + DIGITS.length + " digits on " + modelName
        + ", averaged over the classes", results);
    return new Result(table, GRID, PrototypeGrid.jsonPath(files.dir().resolve(GRID)).getFileName().toString());
  }
}
