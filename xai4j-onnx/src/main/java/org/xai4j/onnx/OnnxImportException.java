package org.xai4j.onnx;

/**
 * An ONNX model could not be imported: the file is missing, truncated or corrupt, a tensor is
 * malformed, or a node does not fit its inputs. The message is one line naming the file and the
 * node or tensor concerned.
 */
public class OnnxImportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An import failure with a one-line message. */
  public OnnxImportException(String message) {
    super(message);
  }

  /** An import failure with a one-line message and its cause. */
  public OnnxImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
