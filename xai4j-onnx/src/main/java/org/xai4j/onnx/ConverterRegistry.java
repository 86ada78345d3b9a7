package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.xai4j.op.Op;

/**
 * The immutable map from ONNX op type (default domain) to its {@link OpConverter}. Built once from
 * the converter families; a duplicate registration is a programming error.
 */
final class ConverterRegistry {
  private static final Set<String> DEFAULT_DOMAINS = Set.of("", "ai.onnx");

  private final Map<String, OpConverter> converters;

  private ConverterRegistry(Map<String, OpConverter> converters) {
    this.converters = Map.copyOf(converters);
  }

  /** The registry of every op xai4j imports. */
  static ConverterRegistry standard() {
    Builder b = new Builder();
    TensorConverters.register(b);
    LayerConverters.register(b);
    ActivationConverters.register(b);
    MathConverters.register(b);
    return new ConverterRegistry(b.map);
  }

  /** The converter for a node, or {@code null} if its type or domain is not supported. */
  OpConverter find(NodeProto node) {
    return DEFAULT_DOMAINS.contains(node.getDomain()) ? converters.get(node.getOpType()) : null;
  }

  /** The supported op types, sorted. */
  Set<String> supportedTypes() {
    return new TreeSet<>(converters.keySet());
  }

  /**
   * Every unsupported op type of the nodes (prefixed by its domain when not the default one),
   * sorted, with the names of the nodes that use it in graph order.
   */
  Map<String, List<String>> unsupported(List<NodeProto> nodes) {
    Map<String, List<String>> out = new TreeMap<>();
    for (NodeProto n : nodes) {
      if (find(n) == null) {
        String type = DEFAULT_DOMAINS.contains(n.getDomain()) ? n.getOpType()
            : n.getDomain() + "." + n.getOpType();
        out.computeIfAbsent(type, k -> new java.util.ArrayList<>()).add(OnnxNode.displayName(n));
      }
    }
    return out;
  }

  /** Collects registrations; rejects a type registered twice. */
  static final class Builder {
    private final Map<String, OpConverter> map = new HashMap<>();

    /** Registers the converter of one op type. */
    Builder add(String type, OpConverter converter) {
      if (map.putIfAbsent(type, converter) != null) {
        throw new IllegalStateException("ONNX op type " + type + " is registered twice");
      }
      return this;
    }

    /** Registers an op type without attributes whose one input is the node's input 0. */
    Builder unary(String type, Supplier<Op> op) {
      return add(type, (n, ctx) -> ctx.emit(n, op.get(), 0));
    }

    /** Registers an op type without attributes whose two inputs are the node's inputs 0 and 1. */
    Builder binary(String type, Supplier<Op> op) {
      return add(type, (n, ctx) -> ctx.emit(n, op.get(), 0, 1));
    }
  }
}
