package org.xai4j.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.xai4j.graph.Graph;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.tensor.Tensor;

/**
 * Imports ONNX models ({@code ModelProto}, default domain) into xai4j {@link Graph}s. Attributes
 * and their defaults follow the model's opset where ONNX changed them between opsets 6 and 21
 * (axes as inputs for Squeeze/Unsqueeze/ReduceSum from 13 and the other reductions from 18,
 * Softmax's axis, Clip/Pad/Slice/Dropout inputs, Upsample/Resize, PRelu broadcasting, ...).
 * {@link #supportedOps()} lists the op types.
 *
 * <p>What the import does, in order:
 * <ol>
 *   <li>Validates the model as a whole (see below).
 *   <li>Rejects the model before any computation if any node's op type has no converter, with one
 *       message listing every unsupported type with its node names and the opset.
 *   <li>Reads initializers (typed fields, raw data, or external data from files beside the model;
 *       locations resolving outside the model folder are refused).
 *   <li>Declares the graph inputs that are not initializers; only float32 inputs are accepted,
 *       and extents given by a symbolic name ({@code dim_param}) or left unknown become dynamic
 *       ({@code -1}).
 *   <li>Converts the nodes in order with the per-type converters. Weights held in initializers
 *       become op parameters (Gemm B/C, Conv W/B, ...); other constants become
 *       {@link org.xai4j.op.Constant} nodes; computations on constants only (including the
 *       {@code Shape}/{@code Gather}/{@code Unsqueeze}/{@code Concat}/{@code Cast} chains PyTorch
 *       emits for {@code Reshape}) are folded. A reshape target that depends on the dynamic batch
 *       is expressed with ONNX's {@code 0} (copy) and {@code -1} (infer) where possible.
 * </ol>
 *
 * <p>Graph values keep their ONNX names, so {@code graph.outputs()} are the ONNX output names
 * (except outputs that are mere aliases through {@code Identity}, which carry the aliased name).
 * Every failure is an {@link OnnxImportException} (or its subclass
 * {@link UnsupportedModelException}) with a one-line message naming the file and the node or
 * tensor, or a {@link LimitExceededException} when the model asks for more than a
 * {@link org.xai4j.limit.Limit} allows (nodes, tensor elements, initializer bytes); limits are
 * checked before the memory is allocated. Before converting anything the importer checks the
 * opset range ({@value ModelChecks#MIN_OPSET} to {@value ModelChecks#MAX_OPSET}), that names carry
 * no control or format characters, that initializer names are unique and that an initializer
 * giving a graph input a default value matches it (such an input becomes a constant).
 */
public final class OnnxImporter {
  private static final ConverterRegistry REGISTRY = ConverterRegistry.standard();
  private static final Set<String> DEFAULT_DOMAINS = Set.of("", "ai.onnx");

  private OnnxImporter() {}

  /**
   * Reads and imports a model file; external data are read from its folder.
   *
   * @throws OnnxImportException naming the file if it is missing, corrupt or cannot be imported
   */
  public static Graph read(Path file) {
    ModelProto model = parse(file);
    Path dir = file.toAbsolutePath().getParent();
    return convert(model, dir, file.getFileName().toString());
  }

  /**
   * Parses a model file without converting it (for inspection).
   *
   * @throws OnnxImportException naming the file if it is missing, truncated or not an ONNX model
   */
  public static ModelProto parse(Path file) {
    String name = file.getFileName().toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new OnnxImportException(name + ": " + size + " bytes is more than an ONNX protobuf file can hold "
            + "(2 GiB); large models keep their weights as external data beside the model");
      }
      // Mapped and parsed with aliasing: raw tensor data stays in the file's pages and is decoded
      // straight into the weights' final arrays, with no heap copy of the file.
      CodedInputStream in = CodedInputStream.newInstance(ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
      in.enableAliasing(true);
      ModelProto m = ModelProto.parseFrom(in);
      if (!m.hasGraph()) {
        throw new OnnxImportException(name + ": not an ONNX model (no graph)");
      }
      return m;
    } catch (NoSuchFileException e) {
      throw new OnnxImportException(file + ": no such file", e);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxImportException(name + ": not a valid ONNX model (truncated or corrupt protobuf: "
          + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new OnnxImportException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Imports a parsed model.
   *
   * @param model the model
   * @param baseDir folder for external data, or {@code null} if the model has none
   * @param source a name for the model in messages (usually the file name)
   */
  public static Graph convert(ModelProto model, Path baseDir, String source) {
    GraphProto g = model.getGraph();
    int opset = opset(model, source);
    ModelChecks.validate(g, opset, source);
    requireSupported(g.getNodeList(), opset, source);
    if (g.getSparseInitializerCount() > 0) {
      throw new UnsupportedModelException(source + ": sparse initializers are not supported");
    }
    ImportContext ctx = new ImportContext(source, baseDir);
    Set<String> initializers = new HashSet<>();
    for (TensorProto t : g.getInitializerList()) {
      ctx.defineConstant(t.getName(), ctx.readTensor(t));
      initializers.add(t.getName());
    }
    for (ValueInfoProto in : g.getInputList()) {
      if (!initializers.contains(in.getName())) {
        int[] dims = inputDims(in, source);
        try {
          ctx.addInput(in.getName(), dims, dimSymbols(in));
        } catch (LimitExceededException e) {
          throw e.within(source + ": graph input '" + Names.printable(in.getName()) + "'");
        }
      }
    }
    for (NodeProto p : g.getNodeList()) {
      OnnxNode node = new OnnxNode(p, opset, source);
      ImportContext.check(node, () -> {
        REGISTRY.find(p).convert(node, ctx);
        return null;
      });
      for (int i = 1; i < p.getOutputCount(); i++) {
        if (!p.getOutput(i).isEmpty()) {
          ctx.markUnavailable(p.getOutput(i), "output " + i + " of node '" + node.name() + "' ("
              + p.getOpType() + "), which xai4j does not compute");
        }
      }
    }
    return DenseLayers.foldBiases(ctx.build(g.getOutputList().stream().map(ValueInfoProto::getName).toList()));
  }

  /** The default-domain opset a model imports. */
  public static int opset(ModelProto model, String source) {
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (DEFAULT_DOMAINS.contains(o.getDomain())) {
        // Saturated, so that an absurd version is reported as out of range rather than overflowing.
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, o.getVersion()));
      }
    }
    throw new UnsupportedModelException(source + ": the model imports no default-domain (ai.onnx) opset");
  }

  /**
   * The op types of a model that xai4j cannot import, each with the names of its nodes; empty if
   * every node is supported.
   */
  public static Map<String, List<String>> unsupportedOps(ModelProto model) {
    return REGISTRY.unsupported(model.getGraph().getNodeList());
  }

  /** The ONNX op types xai4j imports, sorted. */
  public static Set<String> supportedOps() {
    return REGISTRY.supportedTypes();
  }

  private static void requireSupported(List<NodeProto> nodes, int opset, String source) {
    Map<String, List<String>> missing = REGISTRY.unsupported(nodes);
    if (!missing.isEmpty()) {
      throw new UnsupportedModelException(source + " (opset " + opset + "): unsupported op types: "
          + missing.entrySet().stream()
              .map(e -> e.getKey() + " (nodes " + String.join(", ", e.getValue()) + ")")
              .collect(Collectors.joining("; ")));
    }
  }

  /** The {@code dim_param} of every axis of a (validated) graph input; empty where none. */
  private static List<String> dimSymbols(ValueInfoProto in) {
    return in.getType().getTensorType().getShape().getDimList().stream()
        .map(TensorShapeProto.Dimension::getDimParam).toList();
  }

  private static int[] inputDims(ValueInfoProto in, String source) {
    String what = source + ": graph input '" + Names.printable(in.getName()) + "'";
    TypeProto type = in.getType();
    if (!type.hasTensorType()) {
      throw new UnsupportedModelException(what + " is not a tensor (" + type.getValueCase() + ")");
    }
    int elem = type.getTensorType().getElemType();
    if (elem != DataType.FLOAT_VALUE) {
      DataType dt = DataType.forNumber(elem);
      throw new UnsupportedModelException(what + " has element type " + (dt == null ? elem : dt)
          + "; xai4j accepts float32 inputs only");
    }
    if (!type.getTensorType().hasShape()) {
      throw new UnsupportedModelException(what + " declares no shape (rank unknown)");
    }
    TensorShapeProto shape = type.getTensorType().getShape();
    int[] dims = new int[shape.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      TensorShapeProto.Dimension d = shape.getDim(i);
      if (d.hasDimValue() && d.getDimValue() > Integer.MAX_VALUE) {
        throw new OnnxImportException(what + " has extent " + d.getDimValue() + " on axis " + i
            + ", more than a tensor axis can hold (" + Integer.MAX_VALUE + ")");
      }
      dims[i] = d.hasDimValue() && d.getDimValue() > 0 ? (int) d.getDimValue() : -1;
    }
    return dims;
  }

  /**
   * Reads a serialized {@code TensorProto} file (as in the ONNX test data sets) as a float32 tensor.
   *
   * @throws OnnxImportException naming the file if it is corrupt or not a numeric tensor
   */
  public static Tensor readTensor(Path file) {
    try {
      TensorProto t = TensorProto.parseFrom(Files.readAllBytes(file));
      return OnnxTensors.read(t, file.toAbsolutePath().getParent(), file.getFileName().toString()).toTensor();
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxImportException(file + ": not a valid ONNX tensor (truncated or corrupt: "
          + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new OnnxImportException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
