package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;

/** Builds small ONNX models with the protobuf builders for tests. */
final class TestModels {
  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
  private final int opset;

  TestModels(int opset) {
    this.opset = opset;
  }

  /** A graph input of the given element type; {@code -1} extents get the symbolic name "batch". */
  TestModels typedInput(String name, int elemType, long... dims) {
    graph.addInput(valueInfo(name, elemType, dims));
    return this;
  }

  /** A float32 graph input. */
  TestModels input(String name, long... dims) {
    return typedInput(name, TensorProto.DataType.FLOAT_VALUE, dims);
  }

  /** A float32 graph input whose extents are symbolic names (dim_param) or numbers. */
  TestModels symbolicInput(String name, String... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (String d : dims) {
      shape.addDim(d.chars().allMatch(Character::isDigit)
          ? TensorShapeProto.Dimension.newBuilder().setDimValue(Long.parseLong(d))
          : TensorShapeProto.Dimension.newBuilder().setDimParam(d));
    }
    graph.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))));
    return this;
  }

  /** A graph output. */
  TestModels output(String name) {
    graph.addOutput(ValueInfoProto.newBuilder().setName(name));
    return this;
  }

  /** An initializer. */
  TestModels initializer(TensorProto t) {
    graph.addInitializer(t);
    return this;
  }

  /** A node with attributes. */
  TestModels node(String type, List<String> inputs, String output, AttributeProto... attributes) {
    graph.addNode(NodeProto.newBuilder().setOpType(type).setName(output + "_node")
        .addAllInput(inputs).addOutput(output).addAllAttribute(List.of(attributes)));
    return this;
  }

  /** A node with several outputs. */
  TestModels node(String type, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
    graph.addNode(NodeProto.newBuilder().setOpType(type).setName(outputs.get(0) + "_node")
        .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(List.of(attributes)));
    return this;
  }

  ModelProto build() {
    return ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).build();
  }

  /** An INTS attribute; INT, FLOAT and STRING attributes come from {@link ExportContext#attr}. */
  static AttributeProto ints(String name, long... v) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long x : v) {
      a.addInts(x);
    }
    return a.build();
  }

  static AttributeProto tensor(String name, TensorProto t) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(t).build();
  }

  private static ValueInfoProto valueInfo(String name, int elemType, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
          : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
  }
}
