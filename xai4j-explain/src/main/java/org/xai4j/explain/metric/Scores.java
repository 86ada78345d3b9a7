package org.xai4j.explain.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * Forward passes and explanations of large batches in slices of at most {@link #MAX_BATCH}
 * samples, bounding the memory of the recorded activations.
 */
final class Scores {
  /** Samples per forward pass, bounding the memory of the recorded activations. */
  static final int MAX_BATCH = 256;

  private Scores() {}

  /** The model's first output on {@code input}, computed slice by slice. */
  static Tensor output(Graph graph, Tensor input) {
    int n = input.shape().dim(0);
    if (n <= MAX_BATCH) {
      return graph.forward(input).output();
    }
    List<Tensor> parts = new ArrayList<>();
    for (int s = 0; s < n; s += MAX_BATCH) {
      parts.add(graph.forward(input.slice0(s, Math.min(n, s + MAX_BATCH))).output());
    }
    return Tensor.concat0(parts);
  }

  /**
   * The relevance of {@code method} for every sample of {@code input} and its class, explained
   * slice by slice and concatenated.
   */
  static Tensor relevance(Explainer method, Tensor input, int[] classes) {
    int n = input.shape().dim(0);
    Classes.require(classes, n);
    List<Tensor> parts = new ArrayList<>();
    for (int s = 0; s < n; s += MAX_BATCH) {
      int e = Math.min(n, s + MAX_BATCH);
      parts.add(method.explain(input.slice0(s, e), Target.classes(Arrays.copyOfRange(classes, s, e)))
          .relevance());
    }
    return parts.size() == 1 ? parts.get(0) : Tensor.concat0(parts);
  }

  /** {@link #relevance} of a batch explained for one class. */
  static Tensor relevance(Explainer method, Tensor input, int cls) {
    return relevance(method, input, Classes.repeatEach(new int[] {cls}, input.shape().dim(0)));
  }

  /** The score of each sample's class, see {@link OutputScore#of}. */
  static double[] of(Graph graph, Tensor input, int[] classes, OutputScore score) {
    return score.of(output(graph, input), classes);
  }
}
