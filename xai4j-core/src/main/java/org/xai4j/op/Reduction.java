package org.xai4j.op;

/** How a {@link Reduce} op combines the elements along its axes, with the ONNX op type of each. */
public enum Reduction {
  /** {@code ReduceSum}: the sum. */
  SUM("ReduceSum"),
  /** {@code ReduceMean}: the arithmetic mean. */
  MEAN("ReduceMean"),
  /** {@code ReduceMax}: the maximum; its gradient goes to the first maximal element. */
  MAX("ReduceMax");

  private final String onnxType;

  Reduction(String onnxType) {
    this.onnxType = onnxType;
  }

  /** The ONNX op type. */
  public String onnxType() {
    return onnxType;
  }
}
