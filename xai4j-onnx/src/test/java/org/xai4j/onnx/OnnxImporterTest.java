package org.xai4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.graph.Graph;
import org.xai4j.op.Constant;
import org.xai4j.op.Gemm;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class OnnxImporterTest {
  private static final int OPSET = 13;

  private static Tensor matrix23() {
    return Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f, 6f);
  }

  @Test
  void gemmInitializersBecomeParametersAndBatchIsDynamic() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 3)
        .initializer(OnnxTensors.write("W", matrix23()))
        .initializer(OnnxTensors.write("b", Tensor.vector(0.5f, -1f)))
        .node("Gemm", List.of("x", "W", "b"), "y", ExportContext.attr("transB", 1))
        .output("y").build();
    Graph g = OnnxImporter.convert(m, null, "gemm.onnx");
    assertArrayEquals(new int[] {-1, 3}, g.inputs().get(0).dims());
    assertEquals(1, g.nodes().size());
    Gemm op = (Gemm) g.node("y").op();
    assertEquals(List.of("weight", "bias"), op.parameters().names());
    // y = x W^T + b for x = [[1, 0, -1], [2, 2, 2]]
    Tensor y = g.forward(Tensor.of(Shape.of(2, 3), 1f, 0f, -1f, 2f, 2f, 2f)).output();
    assertArrayEquals(new float[] {1f - 3f + 0.5f, 4f - 6f - 1f, 12f + 0.5f, 30f - 1f}, y.toArray());
  }

  @Test
  void otherInitializersBecomeConstantNodes() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2)
        .initializer(OnnxTensors.write("c", Tensor.vector(10f, 20f)))
        .node("Add", List.of("x", "c"), "y").output("y").build();
    Graph g = OnnxImporter.convert(m, null, "add.onnx");
    assertTrue(g.node("c").op() instanceof Constant);
    assertArrayEquals(new float[] {11f, 22f}, g.forward(Tensor.of(Shape.of(1, 2), 1f, 2f)).output().toArray());
  }

  @Test
  void unsupportedOpsAreListedTogetherBeforeAnyComputation() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2)
        .node("Foo", List.of("x"), "a").node("Relu", List.of("a"), "b")
        .node("Bar", List.of("b"), "c").node("Foo", List.of("c"), "d").output("d").build();
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
        () -> OnnxImporter.convert(m, null, "m.onnx"));
    assertEquals("m.onnx (opset 13): unsupported op types: Bar (nodes c_node); Foo (nodes a_node, d_node)",
        e.getMessage());
  }

  @Test
  void nonFloatInputIsRejectedNamingTheInput() {
    ModelProto m = new TestModels(OPSET).typedInput("ids", TensorProto.DataType.INT64_VALUE, -1, 4)
        .node("Relu", List.of("ids"), "y").output("y").build();
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
        () -> OnnxImporter.convert(m, null, "m.onnx"));
    assertEquals("m.onnx: graph input 'ids' has element type INT64; xai4j accepts float32 inputs only",
        e.getMessage());
  }

  @Test
  void truncatedFileGivesOneLineNamingTheFile(@TempDir Path dir) throws IOException {
    ModelProto m = new TestModels(OPSET).input("x", -1, 3)
        .initializer(OnnxTensors.write("W", matrix23()))
        .node("Gemm", List.of("x", "W"), "y", ExportContext.attr("transB", 1)).output("y").build();
    byte[] bytes = m.toByteArray();
    Path file = dir.resolve("cut.onnx");
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
    OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxImporter.read(file));
    assertTrue(e.getMessage().startsWith("cut.onnx: not a valid ONNX model (truncated or corrupt"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void shortRawDataNamesTheTensor() {
    TensorProto bad = OnnxTensors.write("W", matrix23()).toBuilder().clearDims().addDims(3).addDims(3).build();
    ModelProto m = new TestModels(OPSET).input("x", -1, 3).initializer(bad)
        .node("Gemm", List.of("x", "W"), "y").output("y").build();
    OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxImporter.convert(m, null, "m.onnx"));
    assertEquals("m.onnx: tensor 'W' of shape [3, 3] needs 36 bytes of FLOAT, has 24 (truncated or corrupt)", e.getMessage());
  }

  @Test
  void externalDataIsReadFromBesideTheModel(@TempDir Path dir) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 6 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0); // 4 bytes of padding before the tensor, skipped by the offset
    for (float v : matrix23().toArray()) {
      b.putFloat(v);
    }
    Files.write(dir.resolve("weights.bin"), b.array());
    Path file = dir.resolve("ext.onnx");
    Files.write(file, externalModel("weights.bin").toByteArray());
    Graph g = OnnxImporter.read(file);
    assertEquals(matrix23().shape(), ((Gemm) g.node("y").op()).weight().shape());
    assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, ((Gemm) g.node("y").op()).weight().toArray());
  }

  @Test
  void externalDataOutsideTheModelFolderIsRefused(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectory(dir.resolve("model"));
    Files.write(dir.resolve("secret.bin"), new byte[28]);
    Path file = sub.resolve("ext.onnx");
    Files.write(file, externalModel("../secret.bin").toByteArray());
    OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxImporter.read(file));
    assertTrue(e.getMessage().startsWith("ext.onnx: tensor 'W': external data location '../secret.bin' "
        + "resolves outside the model folder"), e.getMessage());
    Files.write(file, externalModel(dir.resolve("secret.bin").toString()).toByteArray());
    assertThrows(OnnxImportException.class, () -> OnnxImporter.read(file));
  }

  private static ModelProto externalModel(String location) {
    TensorProto w = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
        .addDims(2).addDims(3).setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
        .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("4"))
        .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue("24")).build();
    return new TestModels(OPSET).input("x", -1, 3).initializer(w)
        .node("Gemm", List.of("x", "W"), "y", ExportContext.attr("transB", 1)).output("y").build();
  }

  /** {@code y = x + float(Shape(x)[index])} for {@code x[?, 3]}: a shape computation feeding an Add. */
  private static ModelProto addShapeDim(int index) {
    return new TestModels(OPSET).input("x", -1, 3)
        .initializer(OnnxTensors.writeInts("index", index))
        .node("Shape", List.of("x"), "s")
        .node("Gather", List.of("s", "index"), "d", ExportContext.attr("axis", 0))
        .node("Cast", List.of("d"), "f", ExportContext.attr("to", TensorProto.DataType.FLOAT_VALUE))
        .node("Add", List.of("x", "f"), "y").output("y").build();
  }

  @Test
  void shapeComputationsAreFolded() {
    // y = Unsqueeze(Gather(Shape(x), 1)) + c: a float vector [3] from a folded shape computation.
    ModelProto m = addShapeDim(1);
    Graph g = OnnxImporter.convert(m, null, "m.onnx");
    assertEquals(List.of("f", "y"), g.nodes().stream().map(n -> n.name()).toList());
    assertArrayEquals(new float[] {4f, 5f, 6f}, g.forward(Tensor.of(Shape.of(1, 3), 1f, 2f, 3f)).output().toArray());
  }

  @Test
  void batchDependentDataIsRejected() {
    ModelProto m = addShapeDim(0);
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> OnnxImporter.convert(m, null, "m.onnx"));
    assertTrue(e.getMessage().startsWith("m.onnx: node 'y_node' (Add, opset 13): input 'f' is computed from a dynamic"),
        e.getMessage());
  }

  private static TestModels batchShapeComputation(long... inputDims) {
    // PyTorch's x.view(x.size(0), -1): Shape -> Gather(0) -> Unsqueeze -> Concat with [-1]
    TensorProto scalarZero = TensorProto.newBuilder().setName("zero")
        .setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(0).build();
    return new TestModels(OPSET).input("x", inputDims)
        .initializer(scalarZero)
        .initializer(OnnxTensors.writeInts("axes0", 0))
        .initializer(OnnxTensors.writeInts("minusOne", -1))
        .node("Shape", List.of("x"), "s")
        .node("Gather", List.of("s", "zero"), "b", ExportContext.attr("axis", 0))
        .node("Unsqueeze", List.of("b", "axes0"), "b1");
  }

  @Test
  void pytorchFlattenPatternFoldsToCopyAndInfer() {
    ModelProto m = batchShapeComputation(-1, 2, 3)
        .node("Concat", List.of("b1", "minusOne"), "target", ExportContext.attr("axis", 0))
        .node("Reshape", List.of("x", "target"), "y").output("y").build();
    Graph g = OnnxImporter.convert(m, null, "m.onnx");
    assertEquals(1, g.nodes().size());
    assertEquals(new org.xai4j.op.Reshape(List.of(0, -1), false), g.node("y").op());
    Tensor x = Tensor.randomUniform(Shape.of(4, 2, 3), -1f, 1f, new java.util.Random(1));
    Tensor y = g.forward(x).output();
    assertEquals(Shape.of(4, 6), y.shape());
    assertArrayEquals(x.toArray(), y.toArray());
  }

  @Test
  void reshapeTargetWithTwoBatchDependentEntriesIsRefused() {
    // target [2 * batch, batch] for an input [batch, 4]: neither 0 nor a single -1 can express it
    ModelProto m = batchShapeComputation(-1, 4)
        .initializer(OnnxTensors.writeInts("two", 2))
        .node("Mul", List.of("b1", "two"), "b2")
        .node("Concat", List.of("b2", "b1"), "target", ExportContext.attr("axis", 0))
        .node("Reshape", List.of("x", "target"), "y").output("y").build();
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class, () -> OnnxImporter.convert(m, null, "m.onnx"));
    assertTrue(e.getMessage().startsWith("m.onnx: node 'y_node' (Reshape, opset 13): the target shape depends on the "
        + "dynamic input dimensions in more than one entry"), e.getMessage());
  }

  @Test
  void secondaryOutputsAreRefusedWhenRead() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2)
        .node("Relu", List.of("x"), "r")
        .output("r").build();
    ModelProto withMask = m.toBuilder().setGraph(m.getGraph().toBuilder()
        .addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Dropout").setName("drop")
            .addInput("r").addOutput("d").addOutput("mask"))
        .addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Relu").setName("use_mask")
            .addInput("mask").addOutput("z"))).build();
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
        () -> OnnxImporter.convert(withMask, null, "m.onnx"));
    assertEquals("m.onnx: node 'use_mask' (Relu, opset 13): reads 'mask', output 1 of node 'drop' (Dropout), "
        + "which xai4j does not compute", e.getMessage());
  }

  @Test
  void expandToABatchDependentShapeKeepsTheBatch() {
    // x.expand(x.size(0), 3, 4) for x of shape [batch, 1, 4]
    ModelProto m = batchShapeComputation(-1, 1, 4)
        .initializer(OnnxTensors.writeInts("rest", 3, 4))
        .node("Concat", List.of("b1", "rest"), "target", ExportContext.attr("axis", 0))
        .node("Expand", List.of("x", "target"), "y").output("y").build();
    Graph g = OnnxImporter.convert(m, null, "m.onnx");
    assertEquals(new org.xai4j.op.Expand(List.of(1, 3, 4)), g.node("y").op());
    assertEquals(Shape.of(2, 3, 4), g.forward(Tensor.zeros(Shape.of(2, 1, 4))).output().shape());
  }

  @Test
  void distinctSymbolicDimensionsAreNotConfused() {
    // x: [N, 2, H, W] reshaped to [N, 2, W, H] computed from its own shape: the last two entries
    // follow H and W but are swapped, so they cannot be written as 0 (copy); two -1 are refused.
    TensorProto two = TensorProto.newBuilder().setName("idx").setDataType(TensorProto.DataType.INT64_VALUE)
        .addDims(4).addInt64Data(0).addInt64Data(1).addInt64Data(3).addInt64Data(2).build();
    ModelProto swapped = new TestModels(OPSET).symbolicInput("x", "N", "2", "H", "W").initializer(two)
        .node("Shape", List.of("x"), "s")
        .node("Gather", List.of("s", "idx"), "target", ExportContext.attr("axis", 0))
        .node("Reshape", List.of("x", "target"), "y").output("y").build();
    assertThrows(UnsupportedModelException.class, () -> OnnxImporter.convert(swapped, null, "m.onnx"));
    TensorProto same = two.toBuilder().clearInt64Data().addInt64Data(0).addInt64Data(1).addInt64Data(2)
        .addInt64Data(3).build();
    ModelProto kept = swapped.toBuilder().setGraph(swapped.getGraph().toBuilder().setInitializer(0, same)).build();
    assertEquals(new org.xai4j.op.Reshape(List.of(0, 2, 0, 0), false),
        OnnxImporter.convert(kept, null, "m.onnx").node("y").op());
  }
}
