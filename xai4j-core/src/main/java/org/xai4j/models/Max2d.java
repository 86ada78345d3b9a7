package org.xai4j.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Gemm;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.TrainingListener;

/**
 * {@code max2d}: the two-layer ReLU network that computes {@code max(x1, x2)} exactly, written as
 * {@code x2 + relu(x1 - x2)} with {@code x2 = relu(x2) - relu(-x2)}:
 *
 * <pre>
 *   h = relu(W1 x),  W1 = [[1, -1], [0, 1], [0, -1]]     -> (relu(x1 - x2), relu(x2), relu(-x2))
 *   y = W2 h,        W2 = [[1, 1, -1]]                   -> relu(x1 - x2) + x2 = max(x1, x2)
 * </pre>
 *
 * (no biases). It is exact in real arithmetic; in float32 the sum {@code (x1 - x2) + x2} is rounded
 * twice, so the error is at most a few units in the last place. Nothing is trained: "training"
 * builds it and measures the largest error on {@value #CHECK_SAMPLES} random pairs. Used by the
 * continuity experiment (Montavon et al. 2018).
 */
final class Max2d implements ModelRecipe {
  static final int CHECK_SAMPLES = 10_000;
  static final float CHECK_RANGE = 10f;
  static final long CHECK_SEED = 5L;

  @Override
  public String name() {
    return "max2d";
  }

  @Override
  public String description() {
    return "ReLU network computing max(x1, x2) = x2 + relu(x1 - x2) exactly";
  }

  @Override
  public Graph build() {
    GraphBuilder b = Graph.builder();
    String x = b.input("input", -1, 2);
    Tensor w1 = Tensor.of(Shape.of(3, 2), 1f, -1f, 0f, 1f, 0f, -1f);
    Tensor w2 = Tensor.of(Shape.of(1, 3), 1f, 1f, -1f);
    String h = b.relu("relu", b.add("fc1", Gemm.linear(w1, null), x));
    return b.output(b.add("fc2", Gemm.linear(w2, null), h)).build();
  }

  @Override
  public TrainingBudget defaultBudget() {
    return new TrainingBudget(1, CHECK_SAMPLES, CHECK_SEED);
  }

  /** The largest absolute and relative errors on {@value #CHECK_SAMPLES} seeded random pairs. */
  @Override
  public Map<String, Double> evaluate(Graph trained) {
    return errors(trained, CHECK_SAMPLES, CHECK_SEED);
  }

  @Override
  public TrainedModel train(TrainingBudget budget, TrainingListener listener) {
    Graph g = build();
    Map<String, String> training = new LinkedHashMap<>();
    training.put("data", budget.trainSamples() + " pairs uniform in [-" + CHECK_RANGE + ", " + CHECK_RANGE
        + ")^2, seed " + budget.seed());
    training.put("weights", "hand-set, not trained");
    return new TrainedModel(name(), g, errors(g, budget.trainSamples(), budget.seed()), training);
  }

  private static Map<String, Double> errors(Graph g, int n, long seed) {
    Tensor x = Tensor.randomUniform(Shape.of(n, 2), -CHECK_RANGE, CHECK_RANGE, new Random(seed));
    Tensor y = g.forward(x).output();
    double maxError = 0;
    double maxRelative = 0;
    for (int i = 0; i < n; i++) {
      double expected = Math.max(x.getFlat(2 * i), x.getFlat(2 * i + 1));
      double err = Math.abs(y.getFlat(i) - expected);
      maxError = Math.max(maxError, err);
      maxRelative = Math.max(maxRelative, err / Math.max(Math.abs(expected), Float.MIN_NORMAL));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("max_abs_error", maxError);
    metrics.put("max_relative_error", maxRelative);
    return metrics;
  }
}
