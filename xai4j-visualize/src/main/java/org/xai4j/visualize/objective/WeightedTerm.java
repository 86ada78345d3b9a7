package org.xai4j.visualize.objective;

/**
 * One term of a {@link LinearCombination}.
 *
 * @param weight a finite coefficient
 * @param objective the term
 */
record WeightedTerm(double weight, Objective objective) {
  WeightedTerm {
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("an objective's weight must be finite, got " + weight);
    }
  }
}
