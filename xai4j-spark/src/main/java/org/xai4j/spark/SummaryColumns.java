package org.xai4j.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.Attribution;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Scaling;
import org.xai4j.tensor.Tensor;

/**
 * The {@link ExplanationColumns} of {@link Explain}: what to fill and how to draw.
 *
 * @param topK how many of the largest heatmap positions to report, at least 0
 * @param relevance whether to fill the relevance array
 * @param heatmap whether to fill the heatmap PNG
 * @param colorMap the heatmap's colour map ({@link ColorMap#named})
 * @param scaling the heatmap's scaling
 */
record SummaryColumns(int topK, boolean relevance, boolean heatmap, String colorMap, Scaling scaling)
    implements BatchColumns {
  /** Default number of top heatmap positions reported. */
  static final int DEFAULT_TOP_K = 10;
  /** Default heatmap colour map (Zennit's {@code bwr}). */
  static final String DEFAULT_COLOR_MAP = "bwr";

  /** Rejects a negative top-k and unknown colour maps. */
  SummaryColumns {
    if (topK < 0) {
      throw new IllegalArgumentException("top-k must be >= 0, got " + topK);
    }
    ColorMap.named(colorMap);
  }

  /** Every column, top 10, Zennit's {@code bwr} with symmetric scaling. */
  static SummaryColumns defaults() {
    return new SummaryColumns(DEFAULT_TOP_K, true, true, DEFAULT_COLOR_MAP, Scaling.SYMMETRIC);
  }

  @Override
  public StructType appended() {
    return ExplanationColumns.APPENDED;
  }

  @Override
  public Row[] of(MethodExplainer method, Tensor input, Attribution attribution, int[] targets) {
    ColorMap cmap = ColorMap.named(colorMap);
    Row[] out = new Row[targets.length];
    for (int n = 0; n < out.length; n++) {
      out[n] = SampleSummary.of(attribution, n, targets[n], this).columns(method.name(), cmap);
    }
    return out;
  }
}
