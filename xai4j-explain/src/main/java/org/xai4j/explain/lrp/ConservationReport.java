package org.xai4j.explain.lrp;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.tensor.Tensor;

/**
 * How much relevance each layer holds: for every value the relevance reached (graph input and node
 * outputs, in graph order), the sum per sample and its ratio to the seed's sum. Rules that conserve
 * relevance keep the ratio at 1; biases, stabilizers and alpha-beta move it.
 *
 * @param rows one row per value, graph input first
 */
public record ConservationReport(List<Row> rows) {
  /** Copies the rows. */
  public ConservationReport {
    rows = List.copyOf(rows);
  }

  static ConservationReport of(Graph graph, BackwardResult backward, Tensor seed) {
    double[] seedSums = sumsPerSample(seed);
    List<Row> rows = new ArrayList<>();
    for (GraphInput in : graph.inputs()) {
      addRow(rows, in.name(), "input", backward, seedSums);
    }
    for (Node n : graph.nodes()) {
      addRow(rows, n.name(), n.op().type(), backward, seedSums);
    }
    return new ConservationReport(rows);
  }

  private static void addRow(List<Row> rows, String value, String kind, BackwardResult backward, double[] seedSums) {
    if (!backward.reached(value)) {
      return;
    }
    double[] sums = sumsPerSample(backward.at(value));
    double[] ratios = new double[sums.length];
    for (int i = 0; i < sums.length; i++) {
      ratios[i] = sums[i] / seedSums[i];
    }
    rows.add(new Row(value, kind, sums, ratios));
  }

  private static double[] sumsPerSample(Tensor t) {
    int n = t.shape().dim(0);
    double[] sums = new double[n];
    for (int i = 0; i < n; i++) {
      sums[i] = t.slice0(i, i + 1).sum();
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
      sb.append(String.format("%-24s %-20s", r.value(), r.op()));
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
   * @param sums the relevance sum per sample
   * @param ratios each sum divided by the sample's seed sum
   */
  public record Row(String value, String op, double[] sums, double[] ratios) {
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
