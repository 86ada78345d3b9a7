package org.xai4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xai4j.graph.Graph;
import org.xai4j.limit.Limit;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.op.Constant;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.LimitOverride;

/**
 * Small crafted models that ask for huge memory, overflow extents or smuggle bad names: each ends
 * in one clear exception naming the file and what is wrong, before anything large is allocated.
 */
class HostileModelsTest {
  private static final int OPSET = 13;

  private static OnnxImportException importFails(ModelProto m) {
    return assertThrows(OnnxImportException.class, () -> OnnxImporter.convert(m, null, "m.onnx"));
  }

  @Test
  void padByTenThousandIsRefusedByTheTensorLimitAtImport() {
    ModelProto m = new TestModels(OPSET).input("x", 1, 1, 1, 1)
        .initializer(OnnxTensors.writeInts("pads", 0, 0, 10_000, 10_000, 0, 0, 10_000, 10_000))
        .node("Pad", List.of("x", "pads"), "y").output("y").build();
    assertTrue(m.getSerializedSize() < 200, "a " + m.getSerializedSize() + "-byte model");
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> OnnxImporter.convert(m, null, "m.onnx"));
    assertEquals(Limit.TENSOR_ELEMENTS, e.limit());
    assertTrue(e.getMessage().startsWith("m.onnx: node 'y_node' (Pad, opset 13): shape [1, 1, 20001, 20001]: "
        + "400,040,001 elements, more than the tensor-elements limit of 268,435,456"), e.getMessage());
  }

  @Test
  void batchNormWithANegativeVarianceIsRefusedNamingTheNodeAndChannel() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2, 3, 3)
        .initializer(OnnxTensors.write("s", Tensor.vector(1, 1))).initializer(OnnxTensors.write("b", Tensor.vector(0, 0)))
        .initializer(OnnxTensors.write("m", Tensor.vector(0, 0))).initializer(OnnxTensors.write("v", Tensor.vector(1, -2)))
        .node("BatchNormalization", List.of("x", "s", "b", "m", "v"), "y").output("y").build();
    String e = importFails(m).getMessage();
    assertTrue(e.startsWith("m.onnx: node 'y_node' (BatchNormalization, opset 13)") && e.endsWith(
        "variance must be finite and >= 0, got -2.0 for channel 1"), e);
  }

  @Test
  void maxPoolWithPadsAsLargeAsTheKernelIsRefusedNamingTheNode() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 1, 4, 4)
        .node("MaxPool", List.of("x"), "y", TestModels.ints("kernel_shape", 2, 2),
            TestModels.ints("pads", 5000, 5000, 5000, 5000)).output("y").build();
    assertEquals("m.onnx: node 'y_node' (MaxPool, opset 13) does not fit its inputs: MaxPool: pads [5000, 5000, 5000, "
        + "5000] must each be smaller than the kernel extent of their axis, kernel_shape [2, 2]",
        importFails(m).getMessage());
  }

  @Test
  void opsetsOutsideTheSupportedRangeAreRefused() {
    for (long opset : new long[] {22, 5, 1L << 40}) {
      ModelProto m = new TestModels(OPSET).input("x", -1, 2).node("Relu", List.of("x"), "y").output("y").build()
          .toBuilder().clearOpsetImport()
          .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).build();
      OnnxImportException e = importFails(m);
      assertTrue(e instanceof UnsupportedModelException);
      assertTrue(e.getMessage().matches("m\\.onnx: opset -?\\d+ is outside the range xai4j imports \\(6 to 21\\).*"),
          e.getMessage());
    }
  }

  @Test
  void duplicateInitializersAreRefused() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2)
        .initializer(OnnxTensors.write("c", Tensor.vector(1, 2)))
        .initializer(OnnxTensors.write("c", Tensor.vector(3, 4)))
        .node("Add", List.of("x", "c"), "y").output("y").build();
    assertEquals("m.onnx: initializer 'c' is defined twice", importFails(m).getMessage());
  }

  @Test
  void anInitializerShadowingAnInputMustMatchItAndBecomesAConstant() {
    ModelProto bad = new TestModels(OPSET).input("x", -1, 2).input("c", 3)
        .initializer(OnnxTensors.write("c", Tensor.vector(1, 2)))
        .node("Add", List.of("x", "c"), "y").output("y").build();
    assertEquals("m.onnx: initializer 'c' gives graph input 'c' a default value, but its shape [2] does not fit "
        + "the input's [3]", importFails(bad).getMessage());
    ModelProto ints = new TestModels(OPSET).input("x", -1, 2).input("c", 2)
        .initializer(OnnxTensors.writeInts("c", 1, 2))
        .node("Add", List.of("x", "c"), "y").output("y").build();
    assertTrue(importFails(ints).getMessage().contains("element type 7 differs from the input's 1"));
    ModelProto ok = new TestModels(OPSET).input("x", -1, 2).input("c", 2)
        .initializer(OnnxTensors.write("c", Tensor.vector(10, 20)))
        .node("Add", List.of("x", "c"), "y").output("y").build();
    Graph g = OnnxImporter.convert(ok, null, "m.onnx");
    assertEquals(1, g.inputs().size());
    assertTrue(g.node("c").op() instanceof Constant);
    assertArrayEquals(new float[] {11, 22}, g.forward(Tensor.of(Shape.of(1, 2), 1, 2)).output().toArray());
  }

  @Test
  void terminalEscapesInNamesAreRefusedAndPrintedEscaped() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2).node("Relu", List.of("x"), "y\u001b[2J").output("y\u001b[2J")
        .build();
    String message = importFails(m).getMessage();
    assertEquals("m.onnx: graph output name 'y\\u001b[2J' contains control or format characters (escaped here); "
        + "refused", message);
    ModelProto bidi = new TestModels(OPSET).input("x\u202e", -1, 2).node("Relu", List.of("x\u202e"), "y")
        .output("y").build();
    assertTrue(importFails(bidi).getMessage().contains("'x\\u202e'"));
    assertEquals("ab" + "c".repeat(198) + "... (1000 characters)", Names.printable("ab" + "c".repeat(998)));
  }

  @Test
  void tooManyNodesAreRefusedBeforeConverting() {
    TestModels t = new TestModels(OPSET).input("x", -1, 2);
    String previous = "x";
    for (int i = 0; i < 11; i++) {
      t.node("Relu", List.of(previous), "r" + i);
      previous = "r" + i;
    }
    ModelProto m = t.output(previous).build();
    LimitExceededException e = LimitOverride.with(Limit.NODES, 10,
        () -> assertThrows(LimitExceededException.class, () -> OnnxImporter.convert(m, null, "m.onnx")));
    assertTrue(e.getMessage().startsWith("m.onnx: the graph: 11 nodes, more than the nodes limit of 10;"));
  }

  @Test
  void initializerBytesAreCountedForTheWholeModelBeforeDecoding() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 4)
        .initializer(OnnxTensors.write("a", Tensor.zeros(Shape.of(4))))
        .initializer(OnnxTensors.write("b", Tensor.zeros(Shape.of(4))))
        .node("Add", List.of("x", "a"), "s").node("Add", List.of("s", "b"), "y").output("y").build();
    assertEquals(1, OnnxImporter.convert(m, null, "m.onnx").inputs().size());
    LimitExceededException e = LimitOverride.with(Limit.INITIALIZER_BYTES, 31,
        () -> assertThrows(LimitExceededException.class, () -> OnnxImporter.convert(m, null, "m.onnx")));
    assertEquals("m.onnx: the initializers up to 'b': 32 bytes, more than the initializer-bytes limit of 31; "
        + "raise it with -Dxai4j.limit.initializer-bytes=N (CLI: --limit initializer-bytes=N)", e.getMessage());
  }

  @Test
  void hugeDeclaredExtentsFailClearly() {
    ModelProto input = new TestModels(OPSET).input("x", 1L << 40, 2).node("Relu", List.of("x"), "y").output("y").build();
    assertEquals("m.onnx: graph input 'x' has extent 1099511627776 on axis 0, more than a tensor axis can hold "
        + "(2147483647)", importFails(input).getMessage());
    ModelProto big = new TestModels(OPSET).input("x", 65536, 65536).node("Relu", List.of("x"), "y").output("y").build();
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> OnnxImporter.convert(big, null, "m.onnx"));
    assertTrue(e.getMessage().startsWith("m.onnx: graph input 'x': shape [65536, 65536]: 4,294,967,296 elements"),
        e.getMessage());
    TensorProto w = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
        .addDims(1L << 20).addDims(1L << 20).build();
    ModelProto weights = new TestModels(OPSET).input("x", -1, 2).initializer(w)
        .node("Add", List.of("x", "W"), "y").output("y").build();
    LimitExceededException we = assertThrows(LimitExceededException.class,
        () -> OnnxImporter.convert(weights, null, "m.onnx"));
    assertTrue(we.getMessage().startsWith("m.onnx: tensor 'W': shape [1048576, 1048576]: "), we.getMessage());
  }

  @Test
  void attributesOutsideTheIntRangeAreNamed() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2, 3)
        .node("Flatten", List.of("x"), "y", ExportContext.attr("axis", 1L << 33)).output("y").build();
    assertEquals("m.onnx: node 'y_node' (Flatten, opset 13) has attribute 'axis' = 8589934592, outside the 32-bit "
        + "range xai4j supports", importFails(m).getMessage());
  }

  @Test
  void aConvWithAOneDimensionalWeightIsNamed() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 1, 4, 4)
        .initializer(OnnxTensors.write("W", Tensor.vector(1, 2)))
        .node("Conv", List.of("x", "W"), "y").output("y").build();
    String message = importFails(m).getMessage();
    assertTrue(message.startsWith("m.onnx: node 'y_node' (Conv, opset 13)"), message);
    assertTrue(message.contains("[2]"), message);
  }

  @Test
  void externalDataIsStreamedIntoTheWeightAndShortFilesAreNamed(@TempDir Path dir) throws IOException {
    int n = RawValues.CHUNK_BYTES / Float.BYTES + 7;
    ByteBuffer data = ByteBuffer.allocate(8 + n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    data.putLong(-1L);
    for (int i = 0; i < n; i++) {
      data.putFloat(i * 0.5f);
    }
    Files.write(dir.resolve("w.bin"), data.array());
    Path model = dir.resolve("ext.onnx");
    Files.write(model, externalAdd("w.bin", n, 8, -1).toByteArray());
    Graph g = OnnxImporter.read(model);
    float[] got = g.node("W").op() instanceof Constant c ? c.value().toArray() : null;
    assertEquals(n, got.length);
    assertEquals(0.5f * (n - 1), got[n - 1]);
    assertEquals(0.5f * 262_144, got[262_144]);

    Files.write(model, externalAdd("w.bin", n + 1, 8, -1).toByteArray());
    OnnxImportException shortFile = assertThrows(OnnxImportException.class, () -> OnnxImporter.read(model));
    assertEquals("ext.onnx: tensor 'W': external file w.bin has " + (8 + 4 * n) + " bytes, fewer than offset 8 + "
        + "length " + 4 * (n + 1) + " (truncated)", shortFile.getMessage());
    Files.write(model, externalAdd("w.bin", 2, 0, 1L << 33).toByteArray());
    assertEquals("ext.onnx: tensor 'W': external data of 8589934592 bytes at offset 0; shape [2] of FLOAT needs 8 "
        + "bytes at an offset >= 0", assertThrows(OnnxImportException.class, () -> OnnxImporter.read(model)).getMessage());
    Files.write(model, externalAdd("w\u0000.bin", 2, 0, -1).toByteArray());
    assertTrue(assertThrows(OnnxImportException.class, () -> OnnxImporter.read(model)).getMessage()
        .contains("'w\\u0000.bin'"));
  }

  private static ModelProto externalAdd(String location, long n, long offset, long length) {
    TensorProto.Builder w = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
        .addDims(n).setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
        .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue(Long.toString(offset)));
    if (length >= 0) {
      w.addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue(Long.toString(length)));
    }
    return new TestModels(OPSET).input("x", -1, n).initializer(w.build())
        .node("Add", List.of("x", "W"), "y").output("y").build();
  }

  @Test
  void aNodeWithoutConverterFriendlyNameStillNamesItsOutput() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2).build().toBuilder()
        .setGraph(new TestModels(OPSET).input("x", -1, 2).output("y").build().getGraph().toBuilder()
            .addNode(NodeProto.newBuilder().setOpType("Relu").addInput("x").addOutput("y"))).build();
    assertEquals(1, OnnxImporter.convert(m, null, "m.onnx").nodes().size());
  }
}
