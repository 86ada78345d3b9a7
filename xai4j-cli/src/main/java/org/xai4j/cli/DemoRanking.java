package org.xai4j.cli;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The method with the highest or lowest score among a demo section's results, for the "measured in this run"
 * paragraphs of {@code xai4j demo}. Among equal scores the first in the map's order wins; NaN scores never win.
 */
final class DemoRanking {
  private DemoRanking() {}

  /** The key of the highest score, or {@code null} if no score is a number. */
  static <V> String highest(Map<String, V> results, ToDoubleFunction<V> score) {
    return extreme(results, score, 1);
  }

  /** The key of the lowest score, or {@code null} if no score is a number. */
  static <V> String lowest(Map<String, V> results, ToDoubleFunction<V> score) {
    return extreme(results, score, -1);
  }

  private static <V> String extreme(Map<String, V> results, ToDoubleFunction<V> score, int sign) {
    String best = null;
    double bestScore = Double.NaN;
    for (Map.Entry<String, V> e : results.entrySet()) {
      double s = sign * score.applyAsDouble(e.getValue());
      if (!Double.isNaN(s) && (best == null || s > bestScore)) {
        best = e.getKey();
        bestScore = s;
      }
    }
    return best;
  }
}
