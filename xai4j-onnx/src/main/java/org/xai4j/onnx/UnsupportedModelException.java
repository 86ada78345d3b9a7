package org.xai4j.onnx;

/**
 * A well-formed ONNX model uses something xai4j does not support: op types outside the converter
 * registry (all of them are listed in one message, with node names and the opset), non-float
 * graph inputs, or attribute values an op cannot represent. Thrown before any computation.
 */
public class UnsupportedModelException extends OnnxImportException {
  private static final long serialVersionUID = 1L;

  /** An unsupported-feature failure with a one-line message. */
  public UnsupportedModelException(String message) {
    super(message);
  }
}
