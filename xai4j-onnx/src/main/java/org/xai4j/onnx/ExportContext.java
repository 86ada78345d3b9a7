package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xai4j.graph.Node;
import org.xai4j.tensor.Tensor;

/**
 * The ONNX graph being written by {@link OnnxExporter}: nodes, initializers (parameters and
 * attribute-like inputs), and unique names for the helper values an op may need.
 */
final class ExportContext {
  private final GraphProto.Builder graph;
  private final Set<String> names = new HashSet<>();

  ExportContext(GraphProto.Builder graph, Set<String> usedNames) {
    this.graph = graph;
    this.names.addAll(usedNames);
  }

  /** A fresh value name derived from a node name and a role, for example {@code fc1/weight}. */
  String fresh(Node node, String role) {
    String base = node.name() + "/" + role;
    String name = base;
    for (int i = 1; !names.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** Adds a float32 initializer for a node's parameter or constant input and returns its name. */
  String initializer(Node node, String role, Tensor t) {
    String name = fresh(node, role);
    graph.addInitializer(OnnxTensors.write(name, t));
    return name;
  }

  /** Adds a float32 initializer under an existing value name (a {@code Constant} node's output). */
  void initializerNamed(String name, Tensor t) {
    graph.addInitializer(OnnxTensors.write(name, t));
  }

  /** Adds an int64 vector initializer (axes, pads, shapes) and returns its name. */
  String ints(Node node, String role, List<Integer> values) {
    String name = fresh(node, role);
    graph.addInitializer(OnnxTensors.writeInts(name, values.stream().mapToLong(Integer::longValue).toArray()));
    return name;
  }

  /** Adds an int64 initializer of the given shape and returns its name. */
  String ints(Node node, String role, List<Integer> values, List<Integer> dims) {
    String name = fresh(node, role);
    graph.addInitializer(OnnxTensors.writeInts(name, dims.stream().mapToLong(Integer::longValue).toArray(),
        values.stream().mapToLong(Integer::longValue).toArray()));
    return name;
  }

  /** Adds a node computing {@code output}. */
  void node(String name, String type, List<String> inputs, String output, AttributeProto... attributes) {
    graph.addNode(NodeProto.newBuilder().setName(name).setOpType(type).addAllInput(inputs)
        .addOutput(output).addAllAttribute(List.of(attributes)));
  }

  /** Adds the ONNX node of a graph node: same name and output, given inputs and attributes. */
  void node(Node node, String type, List<String> inputs, AttributeProto... attributes) {
    node(node.name(), type, inputs, node.name(), attributes);
  }

  /** An INT attribute. */
  static AttributeProto attr(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  /** A FLOAT attribute. */
  static AttributeProto attr(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  /** A STRING attribute. */
  static AttributeProto attr(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
  }

  /** An INTS attribute. */
  static AttributeProto attr(String name, List<Integer> values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    values.forEach(v -> a.addInts(v));
    return a.build();
  }
}
