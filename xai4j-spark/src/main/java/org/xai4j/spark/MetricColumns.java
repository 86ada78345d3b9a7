package org.xai4j.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.Attribution;
import org.xai4j.tensor.Tensor;

/**
 * The columns of {@link Evaluate}: {@code method}, {@code target}, {@code logit}, one
 * {@code double} column per metric ({@link RowMetric#column}), {@code error}.
 *
 * @param metrics the metrics, in column order
 */
record MetricColumns(List<RowMetric> metrics) implements BatchColumns {
  /** Copies the list and rejects an empty one or two metrics with one column. */
  MetricColumns {
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty() || metrics.stream().map(RowMetric::column).distinct().count() != metrics.size()) {
      throw new IllegalArgumentException("Evaluate needs at least one metric, each once, got " + metrics);
    }
  }

  @Override
  public StructType appended() {
    StructType s = new StructType()
        .add(ExplanationColumns.METHOD, DataTypes.StringType, false)
        .add(ExplanationColumns.TARGET, DataTypes.IntegerType, true)
        .add(ExplanationColumns.LOGIT, DataTypes.FloatType, true);
    for (RowMetric m : metrics) {
      s = s.add(m.column(), DataTypes.DoubleType, true);
    }
    return s.add(ExplanationColumns.ERROR, DataTypes.StringType, true);
  }

  @Override
  public Row[] of(MethodExplainer method, Tensor input, Attribution attribution, int[] targets) {
    List<double[]> values = new ArrayList<>();
    for (RowMetric m : metrics) {
      values.add(m.perSample(method.explainer(), input, targets, attribution.relevance()));
    }
    int classes = attribution.output().size() / targets.length;
    Row[] out = new Row[targets.length];
    for (int n = 0; n < out.length; n++) {
      Object[] v = new Object[metrics.size() + 4];
      v[0] = method.name();
      v[1] = targets[n];
      v[2] = attribution.output().getFlat(n * classes + targets[n]);
      for (int k = 0; k < metrics.size(); k++) {
        v[3 + k] = values.get(k)[n];
      }
      out[n] = RowFactory.create(v);
    }
    return out;
  }
}
