package org.xai4j.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.graph.Trace;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Switches the batch normalizations of a graph between inference mode
 * ({@link BatchNormalization}, fixed statistics) and training mode ({@link BatchNormTraining},
 * batch statistics), and keeps the running statistics while training, as PyTorch does:
 * after every update, {@code running = (1 - MOMENTUM) * running + MOMENTUM * batch}, where the
 * batch variance is the unbiased one ({@code n / (n - 1)} times the biased variance used to
 * normalize). With data-parallel shards, the batch statistics are the shard statistics averaged
 * in shard order. The running statistics start from the inference node's {@code mean} and
 * {@code var}. Not thread-safe; one instance per training run.
 */
public final class BatchNormStatistics {
  /** Weight of the newest batch in the running statistics (PyTorch's default momentum). */
  public static final double MOMENTUM = 0.1;

  private final Map<String, double[]> runningMean = new LinkedHashMap<>();
  private final Map<String, double[]> runningVar = new LinkedHashMap<>();

  private BatchNormStatistics() {}

  /** The running statistics of one step: per batch-norm node, mean and unbiased variance. */
  record Step(Map<String, double[][]> byNode) {}

  /** A keeper whose running statistics start from the batch normalizations of {@code graph}. */
  static BatchNormStatistics of(Graph graph) {
    BatchNormStatistics stats = new BatchNormStatistics();
    for (Node n : graph.nodes()) {
      if (n.op() instanceof BatchNormalization bn) {
        stats.runningMean.put(n.name(), bn.mean().toDoubleArray());
        stats.runningVar.put(n.name(), bn.var().toDoubleArray());
      }
    }
    return stats;
  }

  /** {@code graph} with every inference-mode batch normalization replaced by its training mode. */
  Graph training(Graph graph) {
    Graph g = graph;
    for (String name : runningMean.keySet()) {
      BatchNormalization bn = (BatchNormalization) graph.node(name).op();
      g = g.withOp(name, new BatchNormTraining(bn.scale(), bn.bias(), bn.epsilon()));
    }
    return g;
  }

  /** Mean and unbiased variance of every batch-norm node's input in one shard's trace. */
  Step measure(Trace trace) {
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (String name : runningMean.keySet()) {
      Node node = trace.graph().node(name);
      BatchNormTraining.Moments m = BatchNormTraining.moments(trace.inputsOf(node).get(0));
      double correction = m.count() > 1 ? (double) m.count() / (m.count() - 1) : 1;
      double[] unbiased = m.variance().clone();
      for (int c = 0; c < unbiased.length; c++) {
        unbiased[c] *= correction;
      }
      out.put(name, new double[][] {m.mean(), unbiased});
    }
    return new Step(out);
  }

  /** Folds the shard statistics of one update (averaged in order) into the running statistics. */
  void update(List<Step> shards) {
    for (String name : runningMean.keySet()) {
      double[] mean = runningMean.get(name);
      double[] var = runningVar.get(name);
      for (int c = 0; c < mean.length; c++) {
        double m = 0;
        double v = 0;
        for (Step s : shards) {
          m += s.byNode().get(name)[0][c];
          v += s.byNode().get(name)[1][c];
        }
        mean[c] = (1 - MOMENTUM) * mean[c] + MOMENTUM * m / shards.size();
        var[c] = (1 - MOMENTUM) * var[c] + MOMENTUM * v / shards.size();
      }
    }
  }

  /** The trained graph back in inference mode, with the running statistics. */
  Graph inference(Graph trained) {
    Graph g = trained;
    for (String name : runningMean.keySet()) {
      BatchNormTraining t = (BatchNormTraining) trained.node(name).op();
      Shape s = t.scale().shape();
      Op inference = new BatchNormalization(t.scale(), t.bias(),
          Tensor.of(s, runningMean.get(name)), Tensor.of(s, runningVar.get(name)), t.epsilon());
      g = g.withOp(name, inference);
    }
    return g;
  }

  @Override
  public String toString() {
    return "BatchNormStatistics" + new ArrayList<>(runningMean.keySet());
  }
}
