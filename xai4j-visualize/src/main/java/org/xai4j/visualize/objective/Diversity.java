package org.xai4j.visualize.objective;

import java.util.Map;
import org.xai4j.kernel.Kernels;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Diversity across the batch (Lucid's {@code diversity}, after style transfer's Gram matrices):
 * for each item {@code i} the channel Gram matrix {@code G_i = F_i F_i^T} of its activations
 * {@code F_i} ({@code [C, H*W]}), normalized to unit Frobenius norm ({@code g_i}); the value is
 *
 * <pre>
 *   -(1/N) sum_i sum_{j != i} &lt;g_i, g_j&gt;
 * </pre>
 *
 * that is minus the mean over items of their summed cosine similarity to the other items (Lucid
 * divides by N, not by the N (N - 1) pairs; we keep its scale so that its weights carry over).
 * Lucid returns the similarity and is subtracted; this is its negative and is added, for example
 * {@code channel.plus(diversity.times(100))}. Per item {@code -sum_{j != i} <g_i, g_j>}. A batch of
 * one has diversity 0.
 *
 * @param node a {@code [N, C, H, W]} node
 */
record Diversity(String node) implements NodeObjective {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Lucid's {@code l2_normalize} epsilon: a Gram matrix is divided by {@code sqrt(max(|G|^2, 1e-10))}. */
  static final double NORM_EPSILON = 1e-10;

  @Override
  public ObjectiveValue evaluate(Activations a) {
    Tensor t = a.node(node);
    if (t.rank() != 4) {
      throw new IllegalArgumentException(description() + ": node '" + node + "' has shape " + t.shape()
          + "; diversity needs [N, C, H, W] activations");
    }
    Layout l = Layout.of(node, t, this);
    int batch = l.batch();
    int c = l.channels();
    int area = l.area();
    float[] d = INTERNALS.array(t);
    float[][] grams = new float[batch][c * c];
    double[] norms = new double[batch];
    for (int n = 0; n < batch; n++) {
      Kernels.sgemm(false, true, c, c, area, 1f, d, n * l.perItem(), area, d, n * l.perItem(), area, 0f, grams[n], 0, c);
      double ss = 0;
      for (float v : grams[n]) {
        ss += (double) v * v;
      }
      norms[n] = Math.sqrt(Math.max(ss, NORM_EPSILON));
      for (int k = 0; k < grams[n].length; k++) {
        grams[n][k] = (float) (grams[n][k] / norms[n]);
      }
    }
    double[] perItem = new double[batch];
    double[][] sims = new double[batch][batch];
    for (int i = 0; i < batch; i++) {
      for (int j = i + 1; j < batch; j++) {
        double s = 0;
        for (int k = 0; k < c * c; k++) {
          s += (double) grams[i][k] * grams[j][k];
        }
        sims[i][j] = s;
        sims[j][i] = s;
      }
    }
    double total = 0;
    for (int i = 0; i < batch; i++) {
      for (int j = 0; j < batch; j++) {
        perItem[i] -= i == j ? 0 : sims[i][j];
      }
      total += perItem[i];
    }
    float[] g = new float[d.length];
    float[] dGram = new float[c * c];
    for (int i = 0; i < batch && batch > 1; i++) {
      // d value / d g_i = -(2/N) sum_{j != i} g_j; through the normalization:
      // dG = (dg - g <g, dg>) / |G| (dg alone when the norm is floored); then dF = (dG + dG^T) F = 2 dG F.
      double dot = 0;
      for (int k = 0; k < c * c; k++) {
        double s = 0;
        for (int j = 0; j < batch; j++) {
          s += j == i ? 0 : grams[j][k];
        }
        dGram[k] = (float) (-2.0 / batch * s);
        dot += dGram[k] * (double) grams[i][k];
      }
      boolean floored = norms[i] * norms[i] <= NORM_EPSILON;
      for (int k = 0; k < c * c; k++) {
        double dg = floored ? dGram[k] : dGram[k] - grams[i][k] * dot;
        dGram[k] = (float) (2 * dg / norms[i]);
      }
      Kernels.sgemm(false, false, c, area, c, 1f, dGram, 0, c, d, i * l.perItem(), area, 0f, g, i * l.perItem(), area);
    }
    return new ObjectiveValue(total / batch, perItem, Map.of(node, INTERNALS.adopt(t.shape(), g)), null);
  }

  @Override
  public String description() {
    return "diversity(" + node + ")";
  }
}
