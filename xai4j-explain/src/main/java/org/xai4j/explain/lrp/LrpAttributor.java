package org.xai4j.explain.lrp;

import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.explain.canon.Canonizer;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.explain.lrp.composite.UnmodifiedMergedBias;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * LRP as an {@link Attributor}: canonizes the graph, resolves the composite and explains, with the
 * target's seed scaled by the target value (Zennit's {@code output * one_hot}) unless
 * {@link #withOneHot}. For repeated explanations of one model, prepare an {@link Lrp} once instead:
 * this adapter prepares the rules on every call.
 *
 * @param composite the rules
 * @param canonizer applied to the graph first ({@code g -> g} for none)
 * @param scaleByOutput whether the seed is multiplied by the target value
 * @param unmodifiedMergedBias whether a bias that canonizing gave a bias-free layer enters every
 *     rule term unmodified, as in Zennit master {@code 6b0bbdf} ({@link UnmodifiedMergedBias})
 */
public record LrpAttributor(Composite composite, Canonizer canonizer, boolean scaleByOutput,
    boolean unmodifiedMergedBias) implements Attributor {
  /** Rejects missing parts. */
  public LrpAttributor {
    if (composite == null || canonizer == null) {
      throw new IllegalArgumentException("an LRP attributor needs a composite and a canonizer (g -> g for none)");
    }
  }

  /** The composite on the graph as given, seeded with the target output value. */
  public static LrpAttributor of(Composite composite) {
    return new LrpAttributor(composite, g -> g, true, false);
  }

  /** This attributor canonizing graphs with {@code c} first. */
  public LrpAttributor withCanonizer(Canonizer c) {
    return new LrpAttributor(composite, c, scaleByOutput, unmodifiedMergedBias);
  }

  /** This attributor seeded with the target's one-hot (value 1) instead of the output value. */
  public LrpAttributor withOneHot() {
    return new LrpAttributor(composite, canonizer, false, unmodifiedMergedBias);
  }

  /**
   * This attributor reproducing Zennit master {@code 6b0bbdf}: the bias that canonizing gives a
   * layer without one enters every term of its rule unmodified ({@link UnmodifiedMergedBias}).
   */
  public LrpAttributor withUnmodifiedMergedBias() {
    return new LrpAttributor(composite, canonizer, scaleByOutput, true);
  }

  /** The rule every node of the canonized {@code graph} gets, without preparing the rules. */
  public RuleTable rules(Graph graph) {
    Graph canonized = canonizer.apply(graph);
    return compositeFor(graph, canonized).resolve(canonized);
  }

  /** The composite as applied to {@code canonized}, the canonized form of {@code graph}. */
  private Composite compositeFor(Graph graph, Graph canonized) {
    return unmodifiedMergedBias ? UnmodifiedMergedBias.of(composite, graph, canonized) : composite;
  }

  @Override
  public Attribution explain(Graph graph, Tensor input, Target target) {
    LrpResult r = explainLayers(graph, input, target);
    return new Attribution(r.relevance(), r.output());
  }

  /** Like {@link #explain}, with the relevance of every layer and the conservation report. */
  public LrpResult explainLayers(Graph graph, Tensor input, Target target) {
    Graph canonized = canonizer.apply(graph);
    return Lrp.of(canonized, compositeFor(graph, canonized)).explain(input, target, scaleByOutput);
  }

  @Override
  public String toString() {
    return "LRP(" + composite + (scaleByOutput ? "" : ", one-hot") + (unmodifiedMergedBias ? ", unmodified merged bias" : "")
        + ")";
  }
}
