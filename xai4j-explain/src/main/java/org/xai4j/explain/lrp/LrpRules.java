package org.xai4j.explain.lrp;

import org.xai4j.explain.Overrides;
import org.xai4j.explain.canon.Canonizer;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.explain.lrp.composite.StructuralRules;
import org.xai4j.explain.lrp.composite.UnmodifiedMergedBias;
import org.xai4j.graph.Graph;

/**
 * An LRP composite as overrides of a reverse pass (Zennit's composite with its canonizers): binding
 * it to a model canonizes the graph, resolves the composite and prepares every rule (computes its
 * modified weights), once per model. {@link Lrp#of} makes it the LRP method; any other
 * gradient-family method takes it too ({@code SmoothGrad.defaults().withOverrides(rules)}).
 *
 * @param composite the rules
 * @param canonizer applied to the graph first ({@code g -> g} for none)
 * @param unmodifiedMergedBias whether a bias that canonizing gave a bias-free layer enters every
 *     rule term unmodified, as in Zennit master {@code 6b0bbdf} ({@link UnmodifiedMergedBias})
 * @param attention how softmax attention is explained where the composite does not say
 *     ({@link StructuralRules.Attention})
 */
public record LrpRules(Composite composite, Canonizer canonizer, boolean unmodifiedMergedBias,
    StructuralRules.Attention attention) implements Overrides {
  /** Rejects missing parts. */
  public LrpRules {
    if (composite == null || canonizer == null || attention == null) {
      throw new IllegalArgumentException("LRP rules need a composite, a canonizer (g -> g for none) and an "
          + "attention rule");
    }
  }

  /** The composite on the graph as given, attention by AttnLRP. */
  public static LrpRules of(Composite composite) {
    return new LrpRules(composite, g -> g, false, StructuralRules.Attention.ATTN_LRP);
  }

  /** These rules canonizing graphs with {@code c} first. */
  public LrpRules withCanonizer(Canonizer c) {
    return new LrpRules(composite, c, unmodifiedMergedBias, attention);
  }

  /** These rules explaining softmax attention by {@code a} (CP-LRP holds the attention weights constant). */
  public LrpRules withAttention(StructuralRules.Attention a) {
    return new LrpRules(composite, canonizer, unmodifiedMergedBias, a);
  }

  /**
   * These rules reproducing Zennit master {@code 6b0bbdf}: the bias that canonizing gives a layer
   * without one enters every term of its rule unmodified ({@link UnmodifiedMergedBias}).
   */
  public LrpRules withUnmodifiedMergedBias() {
    return new LrpRules(composite, canonizer, true, attention);
  }

  /**
   * The rule every node of the canonized {@code graph} gets, without preparing the rules.
   *
   * @throws IllegalArgumentException if the composite leaves a layer without a rule
   */
  public RuleTable table(Graph graph) {
    Graph canonized = canonizer.apply(graph);
    return compositeFor(graph, canonized).resolve(canonized);
  }

  /**
   * {@inheritDoc} The graph is canonized, the composite resolved and every rule prepared here.
   *
   * @throws IllegalArgumentException if the composite leaves a layer without a rule or a rule does
   *     not fit its node
   */
  @Override
  public Bound bind(Graph graph) {
    Graph canonized = canonizer.apply(graph);
    return new Bound(canonized, compositeFor(graph, canonized).resolve(canonized).bind(canonized));
  }

  private Composite compositeFor(Graph graph, Graph canonized) {
    Composite c = attention == StructuralRules.Attention.CP_LRP ? composite.prepend(StructuralRules.cpLrp(canonized))
        : composite;
    return unmodifiedMergedBias ? UnmodifiedMergedBias.of(c, graph, canonized) : c;
  }

  @Override
  public String toString() {
    return composite + (unmodifiedMergedBias ? ", unmodified merged bias" : "")
        + (attention == StructuralRules.Attention.CP_LRP ? ", CP-LRP attention" : "");
  }
}
