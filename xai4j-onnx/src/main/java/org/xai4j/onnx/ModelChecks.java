package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.limit.Limit;

/**
 * Checks on a whole model that run before any of it is converted: the opset is in the range the
 * converters implement, the node count is within {@link Limit#NODES}, no name carries control or
 * format characters, initializer names are unique, and an initializer that shares its name with a
 * graph input (an ONNX default value, which xai4j treats as a constant) matches that input's
 * declared type and shape.
 */
final class ModelChecks {
  /** The oldest default-domain opset whose semantics the converters implement. */
  static final int MIN_OPSET = 6;
  /** The newest default-domain opset whose semantics the converters implement. */
  static final int MAX_OPSET = 21;

  private ModelChecks() {}

  /**
   * Runs every check.
   *
   * @throws OnnxImportException or {@link org.xai4j.limit.LimitExceededException} naming the file
   *     and what is wrong
   */
  static void validate(GraphProto g, int opset, String source) {
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new UnsupportedModelException(source + ": opset " + opset + " is outside the range xai4j "
          + "imports (" + MIN_OPSET + " to " + MAX_OPSET + "); convert the model with onnx.version_converter");
    }
    Limit.NODES.check(g.getNodeCount(), () -> source + ": the graph");
    checkNames(g, source);
    Map<String, TensorProto> initializers = new HashMap<>();
    for (TensorProto t : g.getInitializerList()) {
      if (initializers.put(t.getName(), t) != null) {
        throw new OnnxImportException(source + ": initializer '" + Names.printable(t.getName())
            + "' is defined twice");
      }
    }
    for (ValueInfoProto in : g.getInputList()) {
      TensorProto t = initializers.get(in.getName());
      if (t != null) {
        requireMatches(in, t, source);
      }
    }
  }

  private static void checkNames(GraphProto g, String source) {
    for (ValueInfoProto v : g.getInputList()) {
      requirePlain(v.getName(), "graph input", source);
    }
    for (ValueInfoProto v : g.getOutputList()) {
      requirePlain(v.getName(), "graph output", source);
    }
    for (TensorProto t : g.getInitializerList()) {
      requirePlain(t.getName(), "initializer", source);
    }
    for (NodeProto n : g.getNodeList()) {
      requirePlain(n.getName(), "node", source);
      requirePlain(n.getOpType(), "op type", source);
      n.getInputList().forEach(s -> requirePlain(s, "input of node '" + OnnxNode.displayName(n) + "'", source));
      n.getOutputList().forEach(s -> requirePlain(s, "output of node '" + OnnxNode.displayName(n) + "'", source));
    }
  }

  private static void requirePlain(String name, String what, String source) {
    if (Names.isUnsafe(name)) {
      throw new OnnxImportException(source + ": " + what + " name '" + Names.printable(name)
          + "' contains control or format characters (escaped here); refused");
    }
  }

  private static void requireMatches(ValueInfoProto in, TensorProto t, String source) {
    String what = source + ": initializer '" + Names.printable(t.getName()) + "' gives graph input '"
        + Names.printable(in.getName()) + "' a default value, but ";
    TypeProto type = in.getType();
    if (!type.hasTensorType()) {
      throw new OnnxImportException(what + "the input is not a tensor");
    }
    if (type.getTensorType().getElemType() != t.getDataType()) {
      throw new OnnxImportException(what + "its element type " + t.getDataType() + " differs from the input's "
          + type.getTensorType().getElemType());
    }
    if (type.getTensorType().hasShape()) {
      List<TensorShapeProto.Dimension> dims = type.getTensorType().getShape().getDimList();
      boolean same = dims.size() == t.getDimsCount();
      for (int i = 0; same && i < dims.size(); i++) {
        same = !dims.get(i).hasDimValue() || dims.get(i).getDimValue() == t.getDims(i);
      }
      if (!same) {
        throw new OnnxImportException(what + "its shape " + t.getDimsList() + " does not fit the input's "
            + dims.stream().map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : "?").toList());
      }
    }
  }
}
