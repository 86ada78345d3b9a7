package org.xai4j.explain.lrp;

/**
 * Which outputs of a layer a group of terms of a {@link LinearRule} distributes relevance from,
 * judged by the unmodified output {@code z} of the recorded forward pass.
 */
public enum OutputSelection {
  /** Every output. */
  ALL,
  /** Outputs with {@code z > 0} (the positive half of the generalized gamma rule). */
  POSITIVE,
  /** Outputs with {@code z < 0} (the negative half of the generalized gamma rule). */
  NEGATIVE;

  /** Whether an output with unmodified value {@code z} is selected. */
  public boolean selects(float z) {
    return switch (this) {
      case ALL -> true;
      case POSITIVE -> z > 0f;
      case NEGATIVE -> z < 0f;
    };
  }
}
