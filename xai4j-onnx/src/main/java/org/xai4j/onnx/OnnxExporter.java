package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.io.AtomicFiles;

/**
 * Exports an xai4j {@link Graph} as an ONNX model (opset {@value #OPSET}, IR version
 * {@value #IR_VERSION}): every node becomes the ONNX node of its op type, named like the node and
 * producing the value of the same name; parameters become float32 initializers named
 * {@code node/parameter}; dynamic input extents ({@code -1}) get the symbolic name
 * {@value #DYNAMIC_DIM}. Importing the result with {@link OnnxImporter} gives a graph with the
 * same outputs, and ONNX Runtime computes the same outputs.
 */
public final class OnnxExporter {
  /** The default-domain opset written (LayerNormalization and HardSwish are native from 17 on). */
  public static final int OPSET = 17;
  /** The ONNX IR version written (the one that introduced opset 17). */
  public static final int IR_VERSION = 8;
  /** Symbolic name of dynamic input extents. */
  public static final String DYNAMIC_DIM = "N";
  private static final String PRODUCER = "xai4j";
  private static final Exporters EXPORTERS = Exporters.standard();

  private OnnxExporter() {}

  /**
   * The ONNX model of a graph.
   *
   * @throws IllegalArgumentException listing every node whose op cannot be exported
   */
  public static ModelProto export(Graph graph) {
    TreeMap<String, Set<String>> missing = new TreeMap<>();
    for (Node n : graph.nodes()) {
      if (EXPORTERS.find(n.op().type()) == null) {
        missing.computeIfAbsent(n.op().type(), k -> new TreeSet<>()).add(n.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("export: no ONNX form for op types " + missing);
    }
    GraphProto.Builder g = GraphProto.newBuilder().setName("xai4j");
    Set<String> names = new HashSet<>();
    for (GraphInput in : graph.inputs()) {
      g.addInput(valueInfo(in.name(), in.dims()));
      names.add(in.name());
    }
    graph.nodes().forEach(n -> names.add(n.name()));
    ExportContext ctx = new ExportContext(g, names);
    for (Node n : graph.nodes()) {
      EXPORTERS.find(n.op().type()).export(n, ctx);
    }
    for (String out : graph.outputs()) {
      g.addOutput(ValueInfoProto.newBuilder().setName(out).setType(TypeProto.newBuilder()
          .setTensorType(TypeProto.Tensor.newBuilder().setElemType(DataType.FLOAT_VALUE))));
    }
    return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName(PRODUCER).setGraph(g)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).build();
  }

  /**
   * Writes the ONNX model of a graph to a file, atomically: the bytes go to a temporary file in the
   * same folder, which then replaces the target, so no partial model is ever left behind.
   */
  public static void write(Graph graph, Path file) throws IOException {
    ModelProto model = export(graph);
    AtomicFiles.write(file, model::writeTo);
  }

  private static ValueInfoProto valueInfo(String name, int[] dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (int d : dims) {
      shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam(DYNAMIC_DIM)
          : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(DataType.FLOAT_VALUE).setShape(shape))).build();
  }
}
