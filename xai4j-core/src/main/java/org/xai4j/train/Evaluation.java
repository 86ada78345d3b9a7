package org.xai4j.train;

import java.util.List;
import org.xai4j.data.LabeledImages;
import org.xai4j.graph.Graph;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Tensor;

/** Runs a trained graph over a data set in batches and measures it. */
public final class Evaluation {
  /** Samples per forward pass when evaluating. */
  public static final int BATCH_SIZE = 250;

  private Evaluation() {}

  /** The graph's first output for every sample of {@code inputs}, batches run in parallel. */
  public static Tensor predict(Graph model, Tensor inputs) {
    int n = inputs.shape().dim(0);
    int batches = (n + BATCH_SIZE - 1) / BATCH_SIZE;
    Tensor[] out = new Tensor[batches];
    Parallelism.forEach(batches, b ->
        out[b] = model.forward(inputs.slice0(b * BATCH_SIZE, Math.min(n, (b + 1) * BATCH_SIZE))).output());
    return Tensor.concat0(List.of(out));
  }

  /** Fraction of images whose arg-max output is their label. */
  public static double accuracy(Graph model, LabeledImages data) {
    return (double) Accuracy.countCorrect(predict(model, data.images()), data.labels()) / data.size();
  }

  /** The loss of the graph's outputs on the whole set (one evaluation over all samples). */
  public static double loss(Graph model, Tensor inputs, Tensor targets, Loss loss) {
    return loss.evaluate(predict(model, inputs), targets).value();
  }
}
