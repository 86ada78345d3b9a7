package org.xai4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
  /** What the paper claims. */
  static final String CLAIM = "Montavon, Samek and Mueller (2018), Section 3: the input that maximizes log p(class | x) "
      + "under a plain l2 regularizer is classified as the class but looks little like the data; adding the "
      + "log-density of an expert of the data, or ascending in the code space of a generator, keeps the prototype "
      + "close to the data (more natural) while it is still classified as the class.";
  /** How the section's table is measured. */
  static final String NOTE = "l2 penalizes the distance to the data mean; gaussian, gmm and rbm add the log-density "
      + "of an expert fitted in this run on " + PrototypeRecipe.DEFAULT_FIT_SAMPLES + " training digits; decoder "
      + "ascends in the code space of " + DECODER + ". Data distance: mean L2 distance to the "
      + QualityMeasures.NEIGHBOURS + " nearest of the " + Mnist.TRAIN_SIZE + " training digits. log p(prototype): "
      + "the expert's log-density at the prototypes; held-out log p: its mean over the " + Mnist.TEST_SIZE
      + " held-out digits. Seconds include fitting the expert (docs/activation-maximization.md).";
  /** The command that reproduces the grid and the table. */
  static final String COMMAND = "./xai4j prototype --model mnist-cnn --decoder " + DECODER + " --classes 0-9 --out "
      + GRID;
  private static final int[] DIGITS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  private DemoPrototypes() {}

  /**
   * The outcome.
   *
   * @param table the quality table
   * @param grid the grid's file name
   * @param json the JSON's file name
   * @param results each method's prototypes and quality, in the table's order
   */
  record Result(Table table, String grid, String json, List<MethodResult> results) {
    /** What this run measured: target probabilities, and which methods stayed closer to the data than l2. */
    String measured() {
      Map<String, MethodResult> byMethod = new LinkedHashMap<>();
      results.forEach(r -> byMethod.put(r.method().id(), r));
      String leastSure = DemoRanking.lowest(byMethod, MethodResult::minTargetProbability);
      String closest = DemoRanking.lowest(byMethod, MethodResult::meanDataDistance);
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Every prototype of the %d methods was "
          + "classified with p(target) at least %s (the smallest, %s's)", results.size(),
          Table.fraction(byMethod.get(leastSure).minTargetProbability()), leastSure));
      MethodResult l2 = byMethod.get(PrototypeMethod.L2.id());
      if (l2 != null) {
        List<String> closer = new ArrayList<>();
        byMethod.forEach((id, r) -> {
          if (r.meanDataDistance() < l2.meanDataDistance()) {
            closer.add(id + " " + Table.number(r.meanDataDistance()));
          }
        });
        s.append(String.format(Locale.ROOT, "; mean data distance of l2 %s, closer to the data: %s",
            Table.number(l2.meanDataDistance()), closer.isEmpty() ? "none" : String.join(", ", closer)));
      }
      return s.append(String.format(Locale.ROOT, "; closest: %s.", closest)).toString();
    }
  }

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
    return new Result(table, GRID, PrototypeGrid.jsonPath(files.dir().resolve(GRID)).getFileName().toString(),
        results);
  }
}
