package org.xai4j.explain.lrp;

import java.util.List;

/**
 * Terms of a {@link LinearRule} that share one denominator: the relevance {@code R_j} arriving at
 * output {@code j} is divided by the stabilized {@code sum_k sign_k z_kj} of the group's modified
 * outputs, restricted to the outputs the {@link OutputSelection} keeps, and the group's result is
 * scaled by {@code coefficient} (alpha and {@code -beta} of the alpha-beta rule).
 *
 * @param coefficient the factor of the group's relevance
 * @param selection the outputs whose relevance the group distributes
 * @param terms at least one term
 */
public record TermGroup(double coefficient, OutputSelection selection, List<Term> terms) {
  /** Validates and copies the terms. */
  public TermGroup {
    if (!Double.isFinite(coefficient)) {
      throw new IllegalArgumentException("group coefficient must be finite, got " + coefficient);
    }
    if (selection == null || terms == null || terms.isEmpty()) {
      throw new IllegalArgumentException("a term group needs an output selection and at least one term");
    }
    terms = List.copyOf(terms);
  }

  /** A group with coefficient 1 over all outputs. */
  public static TermGroup of(Term... terms) {
    return new TermGroup(1.0, OutputSelection.ALL, List.of(terms));
  }

  @Override
  public String toString() {
    return (coefficient == 1.0 ? "" : coefficient + "*")
        + (selection == OutputSelection.ALL ? "" : "(z " + (selection == OutputSelection.POSITIVE ? ">" : "<") + " 0)")
        + terms;
  }
}
