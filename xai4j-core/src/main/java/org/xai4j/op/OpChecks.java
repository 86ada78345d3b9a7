package org.xai4j.op;

import java.util.List;
import java.util.function.Supplier;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.tensor.Broadcast;
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

  /**
   * Normalizes an axis argument of an op to {@code [0, rank)}; negative axes count from the end.
   *
   * @throws IllegalArgumentException naming the op, the axis and the shape if it is out of range
   */
  public static int axis(String type, Shape s, int axis) {
    return named(type, () -> s.axis(axis));
  }

  /**
   * The NumPy/ONNX broadcast of two input shapes of an op.
   *
   * @throws IllegalArgumentException naming the op and both shapes if they do not broadcast
   */
  public static Shape broadcast(String type, Shape a, Shape b) {
    return named(type, () -> Broadcast.shape(a, b));
  }

  /**
   * Runs a shape computation of the tensor package on behalf of an op, so that its
   * {@link IllegalArgumentException} (which names the shapes) also names the op.
   */
  public static <T> T named(String type, Supplier<T> computation) {
    try {
      return computation.get();
    } catch (LimitExceededException e) {
      throw e.within(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
    }
  }

  /**
   * An output extent computed in {@code long} arithmetic, as an {@code int}.
   *
   * @throws IllegalArgumentException naming the op and {@code what} if it is negative or larger
   *     than any tensor axis can be ({@value Integer#MAX_VALUE})
   */
  public static int extent(String type, long extent, String what) {
    require(extent >= 0 && extent <= Integer.MAX_VALUE, type, what + " would have extent " + extent
        + ", outside [0, " + Integer.MAX_VALUE + "]");
    return (int) extent;
  }

  /** Fails unless a condition holds, with the given message prefixed by the op type. */
  public static void require(boolean condition, String type, String message) {
    if (!condition) {
      throw new IllegalArgumentException(type + ": " + message);
    }
  }
}
