package org.xai4j.explain.lrp;

import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.lrp.composite.Composite;

/**
 * Layer-wise Relevance Propagation (Bach et al. 2015; Montavon et al. 2019): the reverse pass
 * ({@link org.xai4j.backprop.Backprop}) with the rules of an LRP composite ({@link LrpRules}),
 * seeded with the target's seed times the target value (Zennit's {@code output * one_hot}). It is
 * called like every other method: prepare once per model (canonizing, resolving the composite and
 * computing modified weights happen there), explain many batches.
 *
 * <pre>{@code
 * Explainer lrp = Lrp.of(Composites.epsilonPlusFlat()).prepare(graph);
 * Attribution r = lrp.explain(images, Target.argmax());
 * Tensor heatmap = r.relevance();
 * Tensor hidden = r.at("conv3");                                   // relevance at a layer
 * ConservationReport c = ConservationReport.of(r, Target.argmax());
 * Explainer oneHot = Lrp.of(composite).withSeedTimesOutput(false).prepare(graph);
 * }</pre>
 *
 * <p>Canonize the graph ({@link LrpRules#withCanonizer}, see package
 * {@code org.xai4j.explain.canon}) to match Zennit on models with batch normalization or residual
 * connections; to match results made with Zennit master after its PR #185, add
 * {@link LrpRules#withUnmodifiedMergedBias}.
 */
public final class Lrp {
  private Lrp() {}

  /** LRP under {@code composite} on the graph as given. */
  public static Gradient of(Composite composite) {
    return of(LrpRules.of(composite));
  }

  /** LRP under {@code rules} (composite, canonizer). */
  public static Gradient of(LrpRules rules) {
    return Gradient.plain().withOverrides(rules).withSeedTimesOutput(true);
  }
}
