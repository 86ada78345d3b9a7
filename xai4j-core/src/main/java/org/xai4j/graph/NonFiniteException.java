package org.xai4j.graph;

/**
 * A value holds NaN or an infinity where a finite number is required: an input, a weight, an op's result or an
 * explanation. The one-line message names the first value that holds them (see {@link NonFinite}).
 */
public class NonFiniteException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public NonFiniteException(String message) {
    super(message);
  }
}
