package org.xai4j.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.graph.NonFinite;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The work of a {@link RowJob} on one partition: pulls up to a batch of rows at a time, decodes
 * them (a bad row becomes an error row), explains the good ones with every method in one batch
 * each, appends the {@link BatchColumns} (a sample whose relevance holds NaN or infinities becomes an error row
 * naming the first non-finite value of its forward pass) and hands the output rows on in input order, one per row
 * and method. It holds no state between partitions but the per-JVM {@link PreparedModels}.
 */
final class BatchedPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final RowJob job;
  private final InputSource input;
  private final Broadcast<byte[]> model;
  private final StructType schema;
  private final BatchColumns columns;

  BatchedPartition(RowJob job, InputSource input, Broadcast<byte[]> model, StructType schema, BatchColumns columns) {
    this.job = job;
    this.input = input;
    this.model = model;
    this.schema = schema;
    this.columns = columns;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<MethodExplainer> explainers = new ArrayList<>();
    for (String m : job.methods()) {
      explainers.add(PreparedModels.get(job.sha256(), model::value, job.source(), m, job.options()));
    }
    return new Batches(rows, explainers);
  }

  /** The lazily computed output rows of one partition. */
  private final class Batches implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final List<MethodExplainer> explainers;
    private final SampleDecoder decoder;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();

    Batches(Iterator<Row> rows, List<MethodExplainer> explainers) {
      this.rows = rows;
      this.explainers = explainers;
      this.decoder = new SampleDecoder(input, schema, job.images(), job.target(), explainers.get(0).graph());
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && rows.hasNext()) {
        explainNextBatch();
      }
      return !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more explained rows in this partition");
      }
      return ready.poll();
    }

    private void explainNextBatch() {
      List<Row> batch = new ArrayList<>();
      List<SampleDecoder.Sample> samples = new ArrayList<>();
      while (batch.size() < job.batchSize() && rows.hasNext()) {
        Row r = rows.next();
        batch.add(r);
        samples.add(decoder.decode(r));
      }
      // samples of one shape go through the model together (a model may take several image sizes)
      Map<Shape, List<Integer>> byShape = new LinkedHashMap<>();
      for (int i = 0; i < samples.size(); i++) {
        if (samples.get(i).error() == null) {
          byShape.computeIfAbsent(samples.get(i).input().shape(), k -> new ArrayList<>()).add(i);
        }
      }
      Row[][] explained = new Row[batch.size()][explainers.size()];
      for (List<Integer> group : byShape.values()) {
        List<Tensor> inputs = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int i : group) {
          inputs.add(samples.get(i).input());
          classes.add(samples.get(i).target());
        }
        for (int m = 0; m < explainers.size(); m++) {
          Row[] rowsOfGroup = explain(explainers.get(m), Tensor.concat0(inputs), classes);
          for (int j = 0; j < group.size(); j++) {
            explained[group.get(j)][m] = rowsOfGroup[j];
          }
        }
      }
      for (int i = 0; i < batch.size(); i++) {
        String error = samples.get(i).error();
        for (int m = 0; m < explainers.size(); m++) {
          ready.add(merge(batch.get(i), error == null ? explained[i][m] : errorColumns(explainers.get(m).name(), error)));
        }
      }
    }

    private Row[] explain(MethodExplainer m, Tensor x, List<Integer> classes) {
      Target t = classes.contains(null) ? Target.argmax()
          : Target.classes(classes.stream().mapToInt(Integer::intValue).toArray());
      Attribution a = m.explain(x, t);
      int[] targets = t instanceof Target.Classes c ? c.perSample() : Target.Argmax.argmaxPerSample(a.output());
      Row[] out = columns.of(m, x, a, targets);
      if (!NonFinite.count(a.relevance()).finite()) {
        String input = m.graph().inputs().get(0).name();
        for (int n = 0; n < out.length; n++) {
          Optional<String> why = NonFinite.inResult("the relevance of " + m.name(), a.relevance().slice0(n, n + 1),
              m.graph(), Map.of(input, x.slice0(n, n + 1)));
          if (why.isPresent()) {
            out[n] = errorColumns(m.name(), why.get());
          }
        }
      }
      return out;
    }

    private Row merge(Row in, Row appended) {
      int n = schema.length();
      Object[] v = new Object[n + appended.length()];
      for (int i = 0; i < n; i++) {
        v[i] = in.get(i);
      }
      for (int i = 0; i < appended.length(); i++) {
        v[n + i] = appended.get(i);
      }
      return RowFactory.create(v);
    }
  }

  private Row errorColumns(String method, String error) {
    Object[] v = new Object[columns.appended().length()];
    v[0] = method;
    v[v.length - 1] = error;
    return RowFactory.create(v);
  }
}
