package org.xai4j.explain.metric;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.explain.Explainer;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * Pixel flipping for several named methods and the random-order baseline on one batch, as in the
 * comparisons of Samek et al. (2017) and Montavon et al. (2018). {@code SelectivityFiles} of
 * xai4j-report writes its mean curves and AOPC table.
 *
 * @param config the pixel-flipping configuration (its order is used for the methods)
 * @param results the result per method, in the given order, then {@link #RANDOM} for the baseline
 */
public record SelectivityComparison(PixelFlipping config, Map<String, PixelFlipping.Result> results) {
  /** The name of the random-order baseline. */
  public static final String RANDOM = "random";

  /** Copies the map, keeping its order. */
  public SelectivityComparison {
    results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
  }

  /**
   * Runs {@code config} for every method and the random order.
   *
   * @throws IllegalArgumentException if a method is named {@link #RANDOM}
   */
  public static SelectivityComparison run(PixelFlipping config, Graph graph, Tensor input, int[] classes,
      Map<String, Explainer> methods) {
    Map<String, PixelFlipping.Result> out = new LinkedHashMap<>();
    for (Map.Entry<String, Explainer> m : methods.entrySet()) {
      if (m.getKey().equals(RANDOM)) {
        throw new IllegalArgumentException("method name '" + RANDOM + "' is reserved for the baseline");
      }
      out.put(m.getKey(), config.evaluate(m.getValue(), input, classes));
    }
    out.put(RANDOM, config.withOrder(RegionOrder.RANDOM).evaluate(graph, input, classes, input));
    return new SelectivityComparison(config, out);
  }

  /** AOPC per name. */
  public Map<String, Double> aopc() {
    Map<String, Double> a = new LinkedHashMap<>();
    results.forEach((k, v) -> a.put(k, v.aopc()));
    return a;
  }
}
