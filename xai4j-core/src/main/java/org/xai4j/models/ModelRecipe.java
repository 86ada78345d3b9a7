package org.xai4j.models;

import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.train.TrainingListener;

/**
 * How one bundled model is defined, trained and measured. Training with
 * {@link #defaultBudget()} reproduces the bundled model for the same thread count.
 */
public interface ModelRecipe {
  /** The name used on the command line, for example {@code mnist-cnn}. */
  String name();

  /** One line: architecture, data and the metric that matters. */
  String description();

  /** The graph with its seeded initial weights. */
  Graph build();

  /** The budget of the bundled model. */
  TrainingBudget defaultBudget();

  /**
   * The held-out metrics of a trained model (for example {@code test_accuracy}), measured the same
   * way {@link #train} measures them, so that a stored model can be checked; empty when the model
   * alone cannot be measured (the decoder of an autoencoder needs its encoder).
   */
  Map<String, Double> evaluate(Graph trained);

  /** Trains {@link #build()} within {@code budget} and measures the result. */
  TrainedModel train(TrainingBudget budget, TrainingListener listener);
}
