package org.xai4j.backprop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.graph.Trace;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Constant;
import org.xai4j.op.Gradients;
import org.xai4j.op.ReluMaskedBackward;
import org.xai4j.op.Relu;
import org.xai4j.tensor.Tensor;

/**
 * The one reverse pass of xai4j. It seeds one or more values of a recorded forward pass, walks the
 * nodes in reverse topological order, and lets every node map the signal at its output to its
 * inputs, either with the op's own backward (the gradient) or with the {@link BackwardRule} that
 * {@link NodeRules} supplies for it. Signals from several consumers of a value are summed.
 *
 * <p>Gradients, Guided Backprop, Deconvnet and every LRP rule are this pass with different rules;
 * no method walks the graph itself.
 *
 * <p><b>Fusion.</b> A caller that names the values whose signal it reads (the {@code keep} set of
 * {@link #run(Trace, Map, NodeRules, boolean, Set)}) lets the pass fuse a ReLU's backward into the
 * node that reads the ReLU's output, where that is invisible: the ReLU's output has exactly one
 * reader, a {@link ReluMaskedBackward} op ({@code Conv}, {@code MaxPool}, {@code Gemm}) reading it
 * as its first input; neither node has a rule (Guided Backprop, Deconvnet and LRP override one of
 * them, so they never fuse); and the ReLU's output is not seeded, not a graph output and not
 * kept. The reader then writes its input gradient already masked by the ReLU's derivative, and
 * that signal goes to the ReLU's input without a pass of its own, in the order it would have
 * reached it. Every signal that is delivered has the bits of the unfused pass; the signal at the
 * ReLU's output itself is not delivered ({@link BackwardResult#at} says it was not kept).
 */
public final class Backprop {
  private Backprop() {}

  /** Plain gradients of the seeded values with respect to every value of the trace. */
  public static BackwardResult gradient(Trace trace, Map<String, Tensor> seeds) {
    return run(trace, seeds, NodeRules.none(), false);
  }

  /**
   * Runs the reverse pass, keeping the signal at every value (nothing is fused).
   *
   * @param trace the recorded forward pass
   * @param seeds the signal placed at each seeded value; each tensor has that value's shape
   * @param rules per-node overrides of the op's backward
   * @param parameterGradients whether to compute gradients for op parameters (training)
   * @return the signal arriving at every value, and parameter gradients if requested
   * @throws IllegalArgumentException if a seed names an unknown value or has the wrong shape, or a
   *     node's backward fails or returns a tensor of the wrong shape (naming the node, its op and
   *     its rule)
   */
  public static BackwardResult run(
      Trace trace, Map<String, Tensor> seeds, NodeRules rules, boolean parameterGradients) {
    return pass(trace, seeds, rules, parameterGradients, null);
  }

  /**
   * Runs the reverse pass for a caller that reads the signal only at the values in {@code keep}
   * (typically the graph input, and a hidden layer it explains; empty for parameter gradients
   * alone): the signal at any other value may be fused away (see {@link Backprop}), and
   * {@link BackwardResult#at} fails for a value that was. The delivered signals and parameter
   * gradients are bitwise those of {@link #run(Trace, Map, NodeRules, boolean)}.
   *
   * @param keep the values whose signal the caller reads
   * @throws IllegalArgumentException as {@link #run(Trace, Map, NodeRules, boolean)}, or if
   *     {@code keep} names a value the graph does not have
   */
  public static BackwardResult run(Trace trace, Map<String, Tensor> seeds, NodeRules rules,
      boolean parameterGradients, Set<String> keep) {
    for (String v : keep) {
      if (!trace.graph().hasValue(v)) {
        throw new IllegalArgumentException("keep names '" + v + "', which is not a value of the graph");
      }
    }
    return pass(trace, seeds, rules, parameterGradients, keep);
  }

  /** The pass; {@code keep} null keeps every value. */
  private static BackwardResult pass(Trace trace, Map<String, Tensor> seeds, NodeRules rules,
      boolean parameterGradients, Set<String> keep) {
    Graph graph = trace.graph();
    boolean[] needs = needsSignal(graph, parameterGradients);
    boolean[] fused = keep == null ? new boolean[graph.valueCount()]
        : fusedRelus(graph, seeds.keySet(), rules, needs, keep);
    boolean[] dropped = new boolean[graph.valueCount()];
    Tensor[] signal = new Tensor[graph.valueCount()];
    for (Map.Entry<String, Tensor> seed : seeds.entrySet()) {
      if (!graph.hasValue(seed.getKey())) {
        throw new IllegalArgumentException("seed names '" + seed.getKey() + "', which is not a value of the graph");
      }
      Tensor value = trace.get(seed.getKey());
      if (!value.shape().equals(seed.getValue().shape())) {
        throw new IllegalArgumentException("seed for '" + seed.getKey() + "' has shape "
            + seed.getValue().shape() + " but the value has shape " + value.shape());
      }
      signal[graph.valueIndex(seed.getKey())] = seed.getValue();
    }
    Map<String, Map<String, Tensor>> paramGrads = new HashMap<>();
    List<Node> nodes = graph.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node node = nodes.get(i);
      int own = graph.valueIndex(node.name());
      Tensor out = signal[own];
      if (out == null) {
        continue;
      }
      List<Boolean> wanted = new ArrayList<>(node.inputs().size());
      boolean any = false;
      for (String src : node.inputs()) {
        boolean w = needs[graph.valueIndex(src)];
        wanted.add(w);
        any |= w;
      }
      boolean params = parameterGradients && !node.op().parameters().isEmpty();
      if (!any && !params) {
        continue;
      }
      BackwardContext ctx = new BackwardContext(trace.inputsOf(node), trace.get(node.name()), wanted, params);
      if (fused[own]) {
        // a ReLU whose reader already applied its mask: the signal passes through
        accumulate(graph, node, ctx, Gradients.ofInputs(out), signal);
        signal[own] = null;
        dropped[own] = true;
        continue;
      }
      Optional<BackwardRule> override = rules.ruleFor(node);
      boolean masked = !node.inputs().isEmpty() && fused[graph.valueIndex(node.inputs().get(0))];
      Gradients g;
      try {
        g = masked ? ((ReluMaskedBackward) node.op()).backwardMasked(ctx, out)
            : override.orElse(BackwardRule.gradient()).backward(node, ctx, out);
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw failure(node, override, ctx, e);
      }
      accumulate(graph, node, ctx, g, signal);
      if (params) {
        paramGrads.put(node.name(), g.parameters());
      }
    }
    return new BackwardResult(graph, signal, dropped, paramGrads);
  }

  /**
   * The ReLU outputs (by value index) whose ReLU's backward is fused into their one reader's:
   * see {@link Backprop} for the conditions.
   */
  private static boolean[] fusedRelus(Graph graph, Set<String> seeded, NodeRules rules, boolean[] needs,
      Set<String> keep) {
    boolean[] fused = new boolean[graph.valueCount()];
    Set<String> outputs = Set.copyOf(graph.outputs());
    for (Node reader : graph.nodes()) {
      if (!(reader.op() instanceof ReluMaskedBackward) || reader.inputs().isEmpty()
          || rules.ruleFor(reader).isPresent()) {
        continue;
      }
      String value = reader.inputs().get(0);
      if (!graph.hasNode(value) || keep.contains(value) || seeded.contains(value) || outputs.contains(value)
          || graph.consumers(value).size() != 1 || Collections.frequency(reader.inputs(), value) != 1) {
        continue;
      }
      Node relu = graph.node(value);
      fused[graph.valueIndex(value)] = relu.op() instanceof Relu && rules.ruleFor(relu).isEmpty()
          && needs[graph.valueIndex(relu.inputs().get(0))];
    }
    return fused;
  }

  /**
   * A failure inside a node's backward as one message naming the node, its op type, the rule (or
   * the gradient) and its input shapes, as forward errors do; an exceeded limit stays one.
   */
  private static IllegalArgumentException failure(Node node, Optional<BackwardRule> rule, BackwardContext ctx,
      RuntimeException cause) {
    String context = "backward of node '" + node.name() + "' (" + node.op().type() + ", "
        + rule.map(r -> "rule " + r).orElse("gradient") + ", input shapes "
        + ctx.inputs().stream().map(Tensor::shape).toList() + ")";
    return cause instanceof LimitExceededException limit ? limit.within(context)
        : new IllegalArgumentException(context + ": " + cause.getMessage(), cause);
  }

  private static void accumulate(Graph graph, Node node, BackwardContext ctx, Gradients g, Tensor[] signal) {
    if (g.inputCount() != node.inputs().size()) {
      throw new IllegalArgumentException("backward of node '" + node.name() + "' (" + node.op().type()
          + ") returned " + g.inputCount() + " input signals for " + node.inputs().size() + " inputs");
    }
    for (int k = 0; k < node.inputs().size(); k++) {
      Tensor gk = g.input(k);
      if (gk == null || !ctx.needsInput(k)) {
        continue;
      }
      if (!gk.shape().equals(ctx.input(k).shape())) {
        throw new IllegalArgumentException("backward of node '" + node.name() + "' (" + node.op().type()
            + ") returned shape " + gk.shape() + " for input " + k + " of shape " + ctx.input(k).shape());
      }
      int idx = graph.valueIndex(node.inputs().get(k));
      signal[idx] = signal[idx] == null ? gk : signal[idx].add(gk);
    }
  }

  /** Which values can carry a signal: graph inputs and anything computed from them or from parameters. */
  private static boolean[] needsSignal(Graph graph, boolean parameterGradients) {
    boolean[] needs = new boolean[graph.valueCount()];
    for (GraphInput in : graph.inputs()) {
      needs[graph.valueIndex(in.name())] = true;
    }
    for (Node n : graph.nodes()) {
      boolean need = !(n.op() instanceof Constant)
          && (parameterGradients && !n.op().parameters().isEmpty());
      for (String src : n.inputs()) {
        need |= needs[graph.valueIndex(src)];
      }
      needs[graph.valueIndex(n.name())] = need;
    }
    return needs;
  }
}
