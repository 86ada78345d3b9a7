package org.xai4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.explain.metric.Localization;
import org.xai4j.report.html.Table;
import org.xai4j.tensor.Tensor;

/**
 * Step 3b of {@code xai4j demo}: how well each method's Shapes heatmaps fall on the object, scored
 * against the ground-truth masks with {@link Localization} (relevance mass accuracy, relevance rank
 * accuracy, pointing game).
 */
final class DemoLocalization {
  private DemoLocalization() {}

  /** The localization table of the Shapes explanations against {@code masks} {@code [N, H, W]}. */
  static Table table(DemoExplanations.Result shapes, Tensor masks) {
    List<List<String>> rows = new ArrayList<>();
    for (DemoExplanations.Explained e : shapes.methods()) {
      Localization.Result l = Localization.defaults().evaluate(e.attribution().relevance(), masks);
      rows.add(List.of(e.method().name(), Table.fraction(l.meanMassAccuracy()),
          Table.fraction(l.meanRankAccuracy()), Table.fraction(l.pointingAccuracy())));
    }
    return new Table("Localization against the Shapes masks (mean over " + masks.shape().dim(0)
        + " images; higher is better)", List.of("method", "mass accuracy", "rank accuracy", "pointing game"), rows);
  }
}
