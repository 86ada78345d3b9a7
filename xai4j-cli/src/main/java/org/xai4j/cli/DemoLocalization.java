package org.xai4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.xai4j.explain.metric.Localization;
import org.xai4j.report.html.Table;
import org.xai4j.tensor.Tensor;

/**
 * Step 3b of {@code xai4j demo}: how well each method's Shapes heatmaps fall on the object, scored
 * against the ground-truth masks with {@link Localization} (relevance mass accuracy, relevance rank
 * accuracy, pointing game).
 */
final class DemoLocalization {
  /** What the papers define and claim. */
  static final String CLAIM = "Arras et al. (2022, CLEVR-XAI) and Zhang et al. (2018): a faithful explanation puts "
      + "its relevance on the object the decision is about. Mass accuracy is the share of positive relevance "
      + "inside the object mask, rank accuracy the share of the K most relevant pixels inside it (K = mask size), "
      + "pointing game the share of images whose most relevant pixel lies in the mask; Arras et al. found "
      + "LRP-type methods ahead of the plain gradient (sensitivity) and Grad-CAM on mass and rank accuracy.";
  private static final String GRADIENT = "gradient";

  private DemoLocalization() {}

  /**
   * The scores.
   *
   * @param table one row per method
   * @param byMethod each method's scores, in the table's order
   * @param maskShare the share of pixels inside the masks: the mass accuracy of relevance spread evenly
   */
  record Result(Table table, Map<String, Localization.Result> byMethod, double maskShare) {
    /** What this run measured: the chance level, the best method per score and the gradient's scores. */
    String measured() {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "The masks cover %s of the pixels (the mass "
          + "accuracy of relevance spread evenly); best mass accuracy %s, best rank accuracy %s, best pointing game %s",
          Table.fraction(maskShare), best(Localization.Result::meanMassAccuracy),
          best(Localization.Result::meanRankAccuracy), best(Localization.Result::pointingAccuracy)));
      Localization.Result g = byMethod.get(GRADIENT);
      if (g != null) {
        s.append(String.format(Locale.ROOT, "; the gradient scored %s, %s and %s", Table.fraction(g.meanMassAccuracy()),
            Table.fraction(g.meanRankAccuracy()), Table.fraction(g.pointingAccuracy())));
      }
      return s.append('.').toString();
    }

    /** The best method by {@code score}, with its score. */
    private String best(ToDoubleFunction<Localization.Result> score) {
      String best = DemoRanking.highest(byMethod, score);
      return best + " (" + Table.fraction(score.applyAsDouble(byMethod.get(best))) + ")";
    }
  }

  /** The localization scores of the Shapes explanations against {@code masks} {@code [N, H, W]}. */
  static Result run(DemoExplanations.Result shapes, Tensor masks) {
    List<List<String>> rows = new ArrayList<>();
    Map<String, Localization.Result> byMethod = new LinkedHashMap<>();
    for (DemoExplanations.Explained e : shapes.methods()) {
      Localization.Result l = Localization.defaults().evaluate(e.attribution().relevance(), masks);
      byMethod.put(e.method().name(), l);
      rows.add(List.of(e.method().name(), Table.fraction(l.meanMassAccuracy()),
          Table.fraction(l.meanRankAccuracy()), Table.fraction(l.pointingAccuracy())));
    }
    double inside = 0;
    for (float v : masks.toArray()) {
      inside += v != 0 ? 1 : 0;
    }
    return new Result(new Table("Localization against the Shapes masks (mean over " + masks.shape().dim(0)
        + " images; higher is better)", List.of("method", "mass accuracy", "rank accuracy", "pointing game"), rows),
        byMethod, inside / masks.size());
  }
}
