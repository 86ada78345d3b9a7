package org.xai4j.spark;

import java.util.PriorityQueue;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.image.Png;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The {@link ExplanationColumns} of one explained sample: its relevance and shape, heatmap PNG,
 * relevance sum, conservation ratio and top-k heatmap positions.
 *
 * @param target the explained output index
 * @param logit the model output at the target
 * @param relevance the sample's relevance, without the batch axis
 * @param map the sample's heatmap {@code [H, W]} ({@link Heatmaps#map})
 * @param settings what to fill and how to draw
 */
record SampleSummary(int target, float logit, Tensor relevance, Tensor map, SummaryColumns settings) {
  /** Sample {@code n} of {@code a}, explained for output {@code target}. */
  static SampleSummary of(Attribution a, int n, int target, SummaryColumns settings) {
    Tensor out = a.output().slice0(n, n + 1);
    Tensor r = a.relevance().slice0(n, n + 1);
    Shape s = r.shape();
    int[] dims = new int[s.rank() - 1];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = s.dim(i + 1);
    }
    return new SampleSummary(target, out.getFlat(target), r.reshape(dims), Heatmaps.map(a, n), settings);
  }

  /** The appended columns, in {@link ExplanationColumns#APPENDED} order. */
  Row columns(String method, ColorMap cmap) {
    double sum = relevance.sum();
    int[] top = topK(map.toArray(), settings.topK());
    float[] topValues = new float[top.length];
    for (int i = 0; i < top.length; i++) {
      topValues[i] = map.getFlat(top[i]);
    }
    byte[] png = settings.heatmap() ? Png.encode(Heatmaps.render(map, cmap,
        settings.scaling(), Heatmaps.DEFAULT_LEVEL)) : null;
    return RowFactory.create(method, target, logit, settings.relevance() ? relevance.toArray() : null,
        relevance.shape().toArray(), png, sum, logit == 0f ? null : sum / logit, top, topValues, null);
  }

  /** The indices of the {@code k} largest values, largest first; ties go to the lower index. */
  static int[] topK(float[] v, int k) {
    int m = Math.min(k, v.length);
    PriorityQueue<Integer> smallestOfBest = new PriorityQueue<>(
        (a, b) -> v[a] != v[b] ? Float.compare(v[a], v[b]) : Integer.compare(b, a));
    for (int i = 0; i < v.length; i++) {
      smallestOfBest.add(i);
      if (smallestOfBest.size() > m) {
        smallestOfBest.poll();
      }
    }
    int[] top = new int[m];
    for (int i = m - 1; i >= 0; i--) {
      top[i] = smallestOfBest.poll();
    }
    return top;
  }
}
