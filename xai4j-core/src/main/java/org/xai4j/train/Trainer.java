package org.xai4j.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.backprop.NodeRules;
import org.xai4j.data.Samples;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.graph.Trace;
import org.xai4j.kernel.Parallelism;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Tensor;

/**
 * Minibatch training of a graph's parameters.
 *
 * <p>Every epoch visits the training samples in a fresh random order drawn from
 * {@code new Random(config.seed())}. Each minibatch is split into {@link Parallelism#threads()}
 * contiguous shards (fewer if the batch is smaller) that run forward and backward in parallel; the
 * loss gradient of each shard is weighted by its share of the batch, so the summed gradient is
 * that of the loss averaged over the whole batch. Shard gradients are summed in shard order, so a
 * run is bit-for-bit reproducible for the same seed and thread count. Batch normalization
 * therefore normalizes each shard with its own statistics, as data-parallel training without
 * synchronized batch normalization does.
 *
 * <p>Inference-mode {@link org.xai4j.op.BatchNormalization} nodes train in training mode
 * ({@link BatchNormTraining}: batch statistics, trainable scale and bias) and come back in
 * inference mode with running statistics ({@link BatchNormStatistics}).
 *
 * <p>Parameter gradients come from the one reverse pass,
 * {@code Backprop.run(trace, seeds, NodeRules.none(), true, Set.of())} (no value's signal is read, so
 * ReLUs fuse into their readers); every node with parameters is
 * trained, and the updated graph is built with {@link Graph#withParameters}.
 */
public final class Trainer {
  private final Loss loss;
  private final Optimizer optimizer;
  private final TrainingConfig config;
  private final Augmentation augmentation;

  /**
   * A trainer without augmentation.
   *
   * @param loss the objective applied to the graph's first output
   * @param optimizer the update rule
   * @param config epochs, batch size and shuffling seed
   */
  public Trainer(Loss loss, Optimizer optimizer, TrainingConfig config) {
    this(loss, optimizer, config, Augmentation.none());
  }

  /**
   * A trainer that augments every minibatch; the augmentation draws from the same seeded random
   * source as the shuffling.
   */
  public Trainer(Loss loss, Optimizer optimizer, TrainingConfig config, Augmentation augmentation) {
    this.loss = loss;
    this.optimizer = optimizer;
    this.config = config;
    this.augmentation = augmentation;
  }

  /**
   * Trains {@code model} on {@code inputs} (a {@code [N, ...]} batch for the graph's only input)
   * against {@code targets} ({@code [N, ...]}, for example one-hot class rows).
   *
   * @throws IllegalArgumentException if there are no samples, inputs and targets differ in sample
   *     count, or a node fails (naming it)
   */
  public TrainingResult fit(Graph model, Tensor inputs, Tensor targets, TrainingListener listener) {
    int n = inputs.shape().dim(0);
    if (n == 0) {
      throw new IllegalArgumentException("no training samples: inputs have shape " + inputs.shape());
    }
    if (targets.shape().dim(0) != n) {
      throw new IllegalArgumentException("inputs " + inputs.shape() + " and targets " + targets.shape()
          + " have different numbers of samples");
    }
    int steps = (n + config.batchSize() - 1) / config.batchSize();
    Random random = new Random(config.seed());
    Optimizer.State state = optimizer.newState();
    List<Progress> history = new ArrayList<>();
    BatchNormStatistics batchNorms = BatchNormStatistics.of(model);
    Graph current = batchNorms.training(model);
    listener.started(config.epochs(), steps);
    try {
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        int[] order = Samples.permutation(n, random);
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        Progress progress = null;
        for (int step = 0; step < steps; step++) {
          int[] batch = Arrays.copyOfRange(order, step * config.batchSize(), Math.min(n, (step + 1) * config.batchSize()));
          BatchResult r = gradients(current, augmentation.apply(Samples.gather(inputs, batch), random),
              Samples.gather(targets, batch), batchNorms);
          double factor = config.schedule().factor((long) (epoch - 1) * steps + step, (long) config.epochs() * steps);
          current = update(current, r.gradients(), state, factor);
          batchNorms.update(r.statistics());
          lossSum += r.loss() * batch.length;
          correct += r.correct();
          seen += batch.length;
          progress = new Progress(epoch, config.epochs(), step + 1, steps, lossSum / seen,
              loss.isClassification() ? (double) correct / seen : Double.NaN);
          listener.stepped(progress);
        }
        history.add(progress);
      }
    } finally {
      listener.finished();
    }
    return new TrainingResult(batchNorms.inference(current), history);
  }

  /**
   * Loss, correct count, parameter gradients and batch-norm statistics of one minibatch or shard.
   */
  private record BatchResult(double loss, long correct, Map<String, Map<String, Tensor>> gradients,
      List<BatchNormStatistics.Step> statistics) {}

  private BatchResult gradients(Graph model, Tensor x, Tensor t, BatchNormStatistics batchNorms) {
    int n = x.shape().dim(0);
    int shards = Math.min(Parallelism.threads(), n);
    BatchResult[] parts = new BatchResult[shards];
    Parallelism.forEach(shards, s -> {
      int from = (int) ((long) n * s / shards);
      int to = (int) ((long) n * (s + 1) / shards);
      parts[s] = shard(model, x.slice0(from, to), t.slice0(from, to), (double) (to - from) / n, batchNorms);
    });
    double lossValue = 0;
    long correct = 0;
    Map<String, Map<String, Tensor>> sum = new LinkedHashMap<>();
    List<BatchNormStatistics.Step> statistics = new ArrayList<>();
    for (BatchResult p : parts) {
      lossValue += p.loss();
      correct += p.correct();
      statistics.addAll(p.statistics());
      p.gradients().forEach((node, grads) -> {
        Map<String, Tensor> acc = sum.computeIfAbsent(node, k -> new LinkedHashMap<>());
        grads.forEach((name, g) -> acc.merge(name, g, Tensor::add));
      });
    }
    return new BatchResult(lossValue, correct, sum, statistics);
  }

  private BatchResult shard(Graph model, Tensor x, Tensor t, double weight, BatchNormStatistics batchNorms) {
    Trace trace = model.forward(x);
    String output = model.outputs().get(0);
    Tensor y = trace.get(output);
    LossValue lv = loss.evaluate(y, t);
    BackwardResult back = Backprop.run(
        trace, Map.of(output, lv.gradient().mul((float) weight)), NodeRules.none(), true, Set.of());
    Map<String, Map<String, Tensor>> grads = new LinkedHashMap<>();
    for (Node node : model.nodes()) {
      if (!node.op().parameters().isEmpty()) {
        grads.put(node.name(), back.parameterGradients(node.name()));
      }
    }
    long correct = loss.isClassification() ? Accuracy.countCorrect(y, t) : 0;
    return new BatchResult(lv.value() * weight, correct, grads, List.of(batchNorms.measure(trace)));
  }

  private static Graph update(Graph model, Map<String, Map<String, Tensor>> gradients, Optimizer.State state,
      double learningRateFactor) {
    Map<String, Parameters> updated = new LinkedHashMap<>();
    for (Node node : model.nodes()) {
      Parameters params = node.op().parameters();
      if (params.isEmpty()) {
        continue;
      }
      Map<String, Tensor> grads = gradients.getOrDefault(node.name(), Map.of());
      Map<String, Tensor> next = new LinkedHashMap<>();
      for (Map.Entry<String, Tensor> p : params.asMap().entrySet()) {
        Tensor g = grads.get(p.getKey());
        next.put(p.getKey(), g == null ? p.getValue() : state.step(node.name() + "/" + p.getKey(), p.getValue(), g, learningRateFactor));
      }
      updated.put(node.name(), Parameters.of(next));
    }
    return model.withParameters(updated);
  }

  @Override
  public String toString() {
    return "Trainer(" + loss + ", " + optimizer + ", " + config + ")";
  }
}
