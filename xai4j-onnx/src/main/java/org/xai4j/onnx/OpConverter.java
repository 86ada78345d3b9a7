package org.xai4j.onnx;

/**
 * Converts one ONNX node into xai4j graph nodes or folded constants. One converter per ONNX op
 * type; converters read attributes with their per-opset defaults from the {@link OnnxNode} and
 * define the node's output in the {@link ImportContext}.
 */
@FunctionalInterface
interface OpConverter {
  /** Converts {@code node}, defining its output in {@code ctx}. */
  void convert(OnnxNode node, ImportContext ctx);
}
