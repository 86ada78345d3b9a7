package org.xai4j.explain.metric;

import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/** Class indices per sample, the targets of the metrics. */
public final class Classes {
  private Classes() {}

  /** The predicted class (largest first output) of every sample of {@code input}. */
  public static int[] argmax(Graph graph, Tensor input) {
    return Target.Argmax.argmaxPerSample(graph.forward(input).output());
  }

  /**
   * Checks that there is one class per sample.
   *
   * @throws IllegalArgumentException naming both counts otherwise
   */
  static void require(int[] classes, int samples) {
    if (classes.length != samples) {
      throw new IllegalArgumentException(classes.length + " classes given for a batch of " + samples + " samples");
    }
  }

  /** Each class repeated {@code times} times in a row, for a batch of repeated samples. */
  static int[] repeatEach(int[] classes, int times) {
    int[] out = new int[classes.length * times];
    for (int i = 0; i < out.length; i++) {
      out[i] = classes[i / times];
    }
    return out;
  }
}
