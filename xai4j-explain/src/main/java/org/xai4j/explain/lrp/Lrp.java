package org.xai4j.explain.lrp;

import java.util.Map;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Target;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * Layer-wise Relevance Propagation (Bach et al. 2015; Montavon et al. 2019) of a graph under a
 * {@link Composite}. Built once per model and composite: the composite is resolved and every rule
 * prepared (modified weights computed) here; {@link #explain} then runs one forward pass and the
 * one reverse pass ({@link Backprop}) with those rules. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * Lrp lrp = Lrp.of(graph, Composites.epsilonPlusFlat());
 * LrpResult r = lrp.explain(images, targets);                       // seed: target logit x one-hot
 * LrpResult h = lrp.explain(images, Target.channel("conv3", 5), false); // a hidden channel
 * Tensor heatmap = r.relevance();
 * }</pre>
 *
 * <p>Canonize the graph first (see package {@code org.xai4j.explain.canon}) to
 * match Zennit on models with batch normalization or residual connections; to match results made
 * with Zennit master after its PR #185, adjust the composite with
 * {@link org.xai4j.explain.lrp.composite.UnmodifiedMergedBias} (or use
 * {@link LrpAttributor#withUnmodifiedMergedBias}, which does both steps).
 */
public final class Lrp {
  private final Graph graph;
  private final RuleTable table;
  private final NodeRules rules;

  private Lrp(Graph graph, RuleTable table) {
    this.graph = graph;
    this.table = table;
    this.rules = table.bind(graph);
  }

  /**
   * Resolves and prepares {@code composite} for {@code graph}.
   *
   * @throws IllegalArgumentException if a convolution or dense node gets no rule, or a rule does
   *     not fit its node
   */
  public static Lrp of(Graph graph, Composite composite) {
    if (graph.inputs().size() != 1) {
      throw new IllegalArgumentException("LRP needs a graph with one input; this one has " + graph.inputs());
    }
    return new Lrp(graph, composite.resolve(graph));
  }

  /** The rule of every node. */
  public RuleTable rules() {
    return table;
  }

  /** The explained graph. */
  public Graph graph() {
    return graph;
  }

  /**
   * Relevance for each sample of {@code input} with the default initial relevance: the target
   * output value times a one-hot (Zennit's {@code output * one_hot}).
   *
   * @param input a batch {@code [N, ...]}
   * @param targets one output index per sample
   */
  public LrpResult explain(Tensor input, int... targets) {
    return explain(input, Target.classes(targets), true);
  }

  /**
   * Relevance for a {@link Target} of the attribution API: the reverse pass starts at the target's
   * value (the output, or a hidden node) with the target's seed, multiplied element-wise by that
   * value when {@code scaleByValue}. For a class target that product is Zennit's
   * {@code output * one_hot}, LRP's default; without it the seed is the one-hot itself, and
   * {@link Target#outputSeed} starts from any given tensor. Samples are independent: explaining a
   * batch equals explaining each sample alone.
   */
  public LrpResult explain(Tensor input, Target target, boolean scaleByValue) {
    Trace trace = graph.forward(input);
    String value = target.value(graph);
    Tensor seed = target.seed(trace);
    return run(trace, value, scaleByValue ? seed.mul(trace.get(value)) : seed);
  }

  private LrpResult run(Trace trace, String value, Tensor seed) {
    return new LrpResult(trace, value, seed, Backprop.run(trace, Map.of(value, seed), rules, false));
  }

  @Override
  public String toString() {
    return "Lrp(" + table.composite() + ")";
  }
}
