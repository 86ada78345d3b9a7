package org.xai4j.op;

/** How a {@link Variadic} op combines its inputs element by element, with the ONNX op type of each. */
public enum Combination {
  /** {@code Max}: the largest; the gradient goes to the first input holding it. */
  MAX("Max"),
  /** {@code Min}: the smallest; the gradient goes to the first input holding it. */
  MIN("Min"),
  /** {@code Sum}: the sum. */
  SUM("Sum"),
  /** {@code Mean}: the arithmetic mean. */
  MEAN("Mean");

  private final String onnxType;

  Combination(String onnxType) {
    this.onnxType = onnxType;
  }

  /** The ONNX op type. */
  public String onnxType() {
    return onnxType;
  }
}
