package org.xai4j.onnx;

import org.xai4j.graph.Node;

/** Writes one graph node as ONNX (opset {@value OnnxExporter#OPSET}) nodes and initializers. */
@FunctionalInterface
interface OpExporter {
  /** Adds the ONNX form of {@code node}, whose output value keeps the node's name. */
  void export(Node node, ExportContext ctx);
}
