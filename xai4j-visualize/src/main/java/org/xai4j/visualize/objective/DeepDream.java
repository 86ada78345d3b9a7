package org.xai4j.visualize.objective;

import java.util.Map;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A whole layer's "interestingness", Lucid's {@code deepdream} (Mordvintsev et al., 2015): the mean
 * of the squared activations, per item over all its channels and positions, over the batch their
 * mean.
 *
 * @param node the node read
 */
record DeepDream(String node) implements NodeObjective {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Override
  public ObjectiveValue evaluate(Activations a) {
    Tensor t = a.node(node);
    int batch = a.batch();
    int per = t.size() / batch;
    float[] d = INTERNALS.array(t);
    float[] g = new float[d.length];
    float scale = 2f / ((float) batch * per);
    double[] perItem = new double[batch];
    double total = 0;
    for (int n = 0; n < batch; n++) {
      double s = 0;
      for (int i = n * per; i < (n + 1) * per; i++) {
        s += (double) d[i] * d[i];
        g[i] = scale * d[i];
      }
      perItem[n] = s / per;
      total += perItem[n];
    }
    return new ObjectiveValue(total / batch, perItem, Map.of(node, INTERNALS.adopt(t.shape(), g)), null);
  }

  @Override
  public String description() {
    return "deepdream(" + node + ")";
  }
}
