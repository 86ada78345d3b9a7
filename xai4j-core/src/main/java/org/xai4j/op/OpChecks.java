package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Shape;

/** Argument checks shared by ops; every message names the op type and the shapes involved. */
public final class OpChecks {
  private OpChecks() {}

  /** Fails unless exactly {@code n} inputs are given. */
  public static void arity(String type, List<?> inputs, int n) {
    if (inputs.size() != n) {
      throw new IllegalArgumentException(type + " takes " + n + " input(s), got " + inputs.size());
    }
  }

  /** Fails unless the shape has the given rank. */
  public static void rank(String type, String what, Shape s, int rank) {
    if (s.rank() != rank) {
      throw new IllegalArgumentException(
          type + ": " + what + " must have rank " + rank + ", got shape " + s);
    }
  }

  /** Fails unless a condition holds, with the given message prefixed by the op type. */
  public static void require(boolean condition, String type, String message) {
    if (!condition) {
      throw new IllegalArgumentException(type + ": " + message);
    }
  }
}
