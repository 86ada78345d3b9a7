package org.xai4j.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.graph.Graph;

/**
 * A model produced by a {@link ModelRecipe}: the graph, what it measured, and how it was trained.
 *
 * @param name the recipe name, for example {@code mnist-cnn}
 * @param graph the trained graph (inference mode)
 * @param metrics measured numbers in insertion order, for example {@code test_accuracy}
 * @param training how it was trained (data, optimizer, epochs, batch size, seed, ...), in order
 */
public record TrainedModel(String name, Graph graph, Map<String, Double> metrics, Map<String, String> training) {
  /** Copies the maps, keeping their order. */
  public TrainedModel {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
  }

  /**
   * One metric.
   *
   * @throws IllegalArgumentException naming the metric and the available ones if it is absent
   */
  public double metric(String key) {
    Double v = metrics.get(key);
    if (v == null) {
      throw new IllegalArgumentException("model " + name + " has no metric '" + key + "'; it has " + metrics.keySet());
    }
    return v;
  }
}
