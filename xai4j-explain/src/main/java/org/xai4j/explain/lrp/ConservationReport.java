package org.xai4j.explain.lrp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * How much relevance each layer holds: for every value the relevance reached (graph input and node
 * outputs, in graph order), the sum per sample and its ratio to the seed's sum. Rules that conserve
 * relevance keep the ratio at 1; biases, stabilizers and alpha-beta move it.
 *
 * <p>A value's samples are found along its batch axis, which need not be axis 0 (attention
 * transposes and reshapes move it): the axis whose extent grows with the batch, found by inferring
 * the graph's shapes at batch sizes 1 and 2, with sample {@code i} the {@code i}-th block of it.
 * A value with no such single axis is reported as one total for the whole batch.
 *
 * @param rows one row per value, graph input first
 */
public record ConservationReport(List<Row> rows) {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Copies the rows. */
  public ConservationReport {
    rows = List.copyOf(rows);
  }

  /**
   * The report of an LRP attribution of {@code target}: the seed is the relevance at the target's
   * value, and the relevance has the input's shape.
   *
   * @throws IllegalArgumentException if the target's value was not explained
   */
  public static ConservationReport of(Attribution backward, Target target) {
    Graph graph = backward.graph();
    String seeded = target.value(graph);
    Tensor seed = backward.at(seeded);
    Shape input = backward.relevance().shape();
    Map<String, Integer> axes = batchAxes(graph, input);
    int batch = input.dim(0);
    double[] seedSums = sums(seed, axes.getOrDefault(seeded, NO_AXIS), batch);
    double seedTotal = Arrays.stream(seedSums).sum();
    List<Row> rows = new ArrayList<>();
    for (GraphInput in : graph.inputs()) {
      addRow(rows, in.name(), "input", backward, axes, batch, seedSums, seedTotal);
    }
    for (Node n : graph.nodes()) {
      addRow(rows, n.name(), n.op().type(), backward, axes, batch, seedSums, seedTotal);
    }
    return new ConservationReport(rows);
  }

  private static void addRow(List<Row> rows, String value, String kind, Attribution backward,
      Map<String, Integer> axes, int batch, double[] seedSums, double seedTotal) {
    if (!backward.reached(value)) {
      return;
    }
    double[] sums = sums(backward.at(value), axes.getOrDefault(value, NO_AXIS), batch);
    boolean perSample = sums.length == seedSums.length && seedSums.length == batch;
    double[] ratios = new double[sums.length];
    for (int i = 0; i < sums.length; i++) {
      ratios[i] = sums[i] / (perSample ? seedSums[i] : seedTotal);
    }
    rows.add(new Row(value, kind, sums, ratios, perSample));
  }

  /** No single batch axis. */
  private static final int NO_AXIS = -1;

  /**
   * The batch axis of every value: the one axis whose extent at batch 2 is twice that at batch 1
   * (all others equal), the other input dimensions as in {@code input}; {@link #NO_AXIS} where there
   * is none. If the graph does not take other batch sizes (a fixed batch in the file), axis 0.
   */
  private static Map<String, Integer> batchAxes(Graph graph, Shape input) {
    Map<String, Shape> one;
    Map<String, Shape> two;
    try {
      one = graph.inferShapes(inputShapes(graph, input, 1));
      two = graph.inferShapes(inputShapes(graph, input, 2));
    } catch (IllegalArgumentException e) {
      Map<String, Integer> first = new HashMap<>();
      graph.inputs().forEach(in -> first.put(in.name(), 0));
      graph.nodes().forEach(n -> first.put(n.name(), 0));
      return first;
    }
    Map<String, Integer> axes = new HashMap<>();
    for (Map.Entry<String, Shape> e : one.entrySet()) {
      Shape a = e.getValue();
      Shape b = two.get(e.getKey());
      int axis = NO_AXIS;
      boolean single = a.rank() == b.rank();
      for (int k = 0; single && k < a.rank(); k++) {
        if (b.dim(k) == 2 * a.dim(k) && a.dim(k) > 0 && axis == NO_AXIS) {
          axis = k;
        } else if (b.dim(k) != a.dim(k)) {
          single = false;
        }
      }
      axes.put(e.getKey(), single ? axis : NO_AXIS);
    }
    return axes;
  }

  private static Map<String, Shape> inputShapes(Graph graph, Shape input, int batch) {
    Map<String, Shape> shapes = new HashMap<>();
    for (GraphInput in : graph.inputs()) {
      shapes.put(in.name(), input.withDim(0, batch));
    }
    return shapes;
  }

  /**
   * The sum of each sample's block along the batch axis, or the one total when there is no batch
   * axis or its extent is not a multiple of the batch.
   */
  private static double[] sums(Tensor t, int axis, int batch) {
    Shape s = t.shape();
    if (axis == NO_AXIS || axis >= s.rank() || s.dim(axis) % batch != 0) {
      return new double[] {t.sum()};
    }
    float[] v = INTERNALS.array(t);
    int outer = s.product(0, axis);
    int block = s.dim(axis) / batch * s.product(axis + 1, s.rank());
    double[] sums = new double[batch];
    for (int o = 0, i = 0; o < outer; o++) {
      for (int sample = 0; sample < batch; sample++) {
        double sum = 0;
        for (int end = i + block; i < end; i++) {
          sum += v[i];
        }
        sums[sample] += sum;
      }
    }
    return sums;
  }

  /**
   * The row of a value.
   *
   * @throws IllegalArgumentException if no relevance reached that value
   */
  public Row row(String value) {
    return rows.stream().filter(r -> r.value().equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no relevance reached '" + value + "'"));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format("%-24s %-20s %s%n", "value", "op", "sum (ratio to seed) per sample"));
    for (Row r : rows) {
      sb.append(String.format("%-24s %-20s", r.value(), r.op())).append(r.perSample() ? "" : " batch total");
      for (int i = 0; i < r.sums().length; i++) {
        sb.append(String.format(" %.6g (%.4f)", r.sums()[i], r.ratios()[i]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * One value's relevance sums.
   *
   * @param value the value name
   * @param op the op type producing it, or {@code input}
   * @param sums the relevance sum per sample, or one total for the batch unless {@code perSample}
   * @param ratios each sum divided by the sample's seed sum (the batch total by the seeds' total)
   * @param perSample whether the sums are per sample (the value has a batch axis)
   */
  public record Row(String value, String op, double[] sums, double[] ratios, boolean perSample) {
    /** Copies the arrays. */
    public Row {
      sums = sums.clone();
      ratios = ratios.clone();
    }

    @Override
    public double[] sums() {
      return sums.clone();
    }

    @Override
    public double[] ratios() {
      return ratios.clone();
    }
  }
}
