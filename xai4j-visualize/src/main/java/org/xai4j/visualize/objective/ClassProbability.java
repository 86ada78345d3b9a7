package org.xai4j.visualize.objective;

import java.util.Map;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The softmax probability of one class computed from a {@code [N, K]} logits node: per item
 * {@code p_k = exp(z_k) / sum_j exp(z_j)}, over the batch their mean. Its gradient
 * {@code p_k (e_k - p)} vanishes as {@code p_k} approaches 1, so maximizing it pushes the other
 * classes down rather than the logit up (Lucid's {@code class_logit} on a softmax layer).
 *
 * @param node the logits node
 * @param label the class index
 */
record ClassProbability(String node, int label) implements NodeObjective {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Override
  public ObjectiveValue evaluate(Activations a) {
    Tensor t = a.node(node);
    if (t.rank() != 2) {
      throw new IllegalArgumentException(description() + ": node '" + node + "' has shape " + t.shape()
          + "; a class probability needs [N, classes] logits");
    }
    Layout l = Layout.of(node, t, this);
    l.requireChannel(label, node, this);
    int k = l.channels();
    float[] d = INTERNALS.array(t);
    float[] g = new float[d.length];
    double[] perItem = new double[l.batch()];
    double total = 0;
    double[] p = new double[k];
    for (int n = 0; n < l.batch(); n++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, d[n * k + j]);
      }
      double z = 0;
      for (int j = 0; j < k; j++) {
        p[j] = Math.exp(d[n * k + j] - max);
        z += p[j];
      }
      for (int j = 0; j < k; j++) {
        p[j] /= z;
      }
      double pk = p[label];
      for (int j = 0; j < k; j++) {
        g[n * k + j] = (float) (pk * ((j == label ? 1 : 0) - p[j]) / l.batch());
      }
      perItem[n] = pk;
      total += pk;
    }
    return new ObjectiveValue(total / l.batch(), perItem, Map.of(node, INTERNALS.adopt(t.shape(), g)), null);
  }

  @Override
  public String description() {
    return "class_probability(" + node + ", " + label + ")";
  }
}
