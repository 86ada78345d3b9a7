package org.xai4j.explain.lrp;

/** What a term of a {@link LinearRule} does with the op's {@code bias} parameter. */
public enum BiasPolicy {
  /** The bias gets the term's parameter modifier, like every other parameter (Zennit's default). */
  MODIFY,
  /** The bias is zero in this term (Zennit's {@code zero_params=['bias']}). */
  ZERO
}
