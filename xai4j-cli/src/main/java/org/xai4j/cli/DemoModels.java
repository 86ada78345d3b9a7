package org.xai4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.models.BundledModels;
import org.xai4j.models.ModelRecipe;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.report.html.Table;

/**
 * Step 1 of {@code xai4j demo}: every bundled model with the metrics committed in its sidecar next
 * to the same metrics measured again now on the bundled held-out data ({@link ModelRecipe#evaluate});
 * a model that cannot be measured alone (the decoder needs its encoder) shows its sidecar value only.
 */
final class DemoModels {
  /** Sidecar metrics measured on held-out data start with this. */
  private static final String HELD_OUT_PREFIX = "test_";

  private DemoModels() {}

  /**
   * One model's row per held-out metric.
   *
   * @param model the bundled model's name
   * @param parameters its parameter count
   * @param metric the metric's sidecar name
   * @param committed the value in the sidecar
   * @param measured the value measured now, or {@code NaN} if the model cannot be measured alone
   */
  record Check(String model, long parameters, String metric, double committed, double measured) {}

  /** Loads and measures every trained bundled model. */
  static List<Check> run() {
    List<Check> checks = new ArrayList<>();
    for (ModelRecipe recipe : BundledModels.all()) {
      if (!BundledModelFiles.exists(recipe.name())) {
        continue;
      }
      Graph g = BundledModelFiles.load(recipe.name());
      Map<String, Double> measured = recipe.evaluate(g);
      for (Map.Entry<String, Double> m : BundledModelFiles.metrics(recipe.name()).entrySet()) {
        if (isHeldOut(m.getKey(), measured)) {
          checks.add(new Check(recipe.name(), g.parameterCount(), m.getKey(), m.getValue(),
              measured.getOrDefault(m.getKey(), Double.NaN)));
        }
      }
    }
    return checks;
  }

  /** The metrics worth showing: those measured again, or for a model that cannot be measured its held-out ones. */
  private static boolean isHeldOut(String metric, Map<String, Double> measured) {
    return measured.isEmpty() ? metric.startsWith(HELD_OUT_PREFIX) : measured.containsKey(metric);
  }

  /** The checks as a table. */
  static Table table(List<Check> checks) {
    List<List<String>> rows = new ArrayList<>();
    for (Check c : checks) {
      rows.add(List.of(c.model(), Long.toString(c.parameters()), c.metric(), Table.number(c.committed()),
          Table.number(c.measured())));
    }
    return new Table("Bundled models: committed metric (sidecar) and re-measured on held-out data",
        List.of("model", "parameters", "metric", "committed", "re-measured"), rows);
  }
}
