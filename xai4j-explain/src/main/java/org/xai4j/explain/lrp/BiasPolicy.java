package org.xai4j.explain.lrp;

/** What a term of a {@link LinearRule} does with the op's {@code bias} parameter. */
public enum BiasPolicy {
  /** The bias gets the term's parameter modifier, like every other parameter (Zennit's default). */
  MODIFY,
  /** The bias is zero in this term (Zennit's {@code zero_params=['bias']}). */
  ZERO,
  /**
   * The bias enters this term unmodified: neither the parameter modifier nor zeroing applies. This
   * is what Zennit master after its PR #185 (the reference commit {@code 6b0bbdf}; issues #193 and
   * #194) does with the bias that merging a batch norm gives a layer that had none: every term of
   * every rule adds the full merged bias. See
   * {@link org.xai4j.explain.lrp.composite.UnmodifiedMergedBias}.
   */
  KEEP
}
