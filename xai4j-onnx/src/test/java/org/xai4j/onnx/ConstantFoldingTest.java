package org.xai4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xai4j.onnx.ExportContext.attr;
import static org.xai4j.onnx.TestModels.tensor;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.op.Conv;
import org.xai4j.op.DynamicExpand;
import org.xai4j.op.Gather;
import org.xai4j.op.Where;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Import-time constant folding of the subgraphs PyTorch and classic model-zoo exports compute
 * weights, masks and shapes with ({@code ConstantOfShape}, {@code Shape} arithmetic,
 * {@code Equal}, {@code Where}, {@code Range}, {@code Mod}, {@code Not}, {@code ScatterND},
 * {@code Cast}, {@code Expand}), and the same ops at run time where their inputs are computed.
 */
class ConstantFoldingTest {
  private static final int OPSET = 13;

  private static TensorProto ints(String name, long... v) {
    return OnnxTensors.writeInts(name, v);
  }

  @Test
  void aWeightBuiltByConstantOfShapeFoldsIntoTheConvParameter() {
    // classic zoo: W = Add(w, ConstantOfShape(Shape(w))), bias = ConstantOfShape([2]) filled with 0.5
    Tensor w = Tensor.of(Shape.of(2, 1, 1, 1), 2f, -3f);
    TensorProto half = OnnxTensors.write("half", Tensor.vector(0.5f));
    ModelProto m = new TestModels(9).input("x", -1, 1, 2, 2)
        .initializer(OnnxTensors.write("w", w)).initializer(ints("two", 2))
        .node("Shape", List.of("w"), "wshape")
        .node("ConstantOfShape", List.of("wshape"), "zeros")
        .node("Add", List.of("w", "zeros"), "W")
        .node("ConstantOfShape", List.of("two"), "B", tensor("value", half))
        .node("Conv", List.of("x", "W", "B"), "y", TestModels.ints("kernel_shape", 1, 1))
        .output("y").build();
    Graph g = OnnxImporter.convert(m, null, "classic.onnx");
    assertEquals(1, g.nodes().size(), "everything but the Conv folds: " + g);
    Conv conv = (Conv) g.node("y").op();
    assertArrayEquals(w.toArray(), conv.weight().toArray());
    assertArrayEquals(new float[] {0.5f, 0.5f}, conv.bias().toArray());
  }

  @Test
  void swinStyleMaskFromRangeModEqualWhereAndScatterNdFolds() {
    // mask[i] = (range(0, 6) mod 3 == 0) ? -100 : 0, then mask[1] = 7 by ScatterND, added to x
    ModelProto m = new TestModels(OPSET).input("x", -1, 6)
        .initializer(ints("start", 0)).initializer(ints("limit", 6)).initializer(ints("delta", 1))
        .initializer(ints("three", 3)).initializer(ints("zero", 0))
        .initializer(OnnxTensors.write("minus", Tensor.scalar(-100f)))
        .initializer(OnnxTensors.write("nothing", Tensor.scalar(0f)))
        .initializer(OnnxTensors.writeInts("index", new long[] {1, 1}, new long[] {1}))
        .initializer(OnnxTensors.write("seven", Tensor.vector(7f)))
        .node("Range", List.of("start", "limit", "delta"), "r")
        .node("Mod", List.of("r", "three"), "rem")
        .node("Equal", List.of("rem", "zero"), "eq")
        .node("Not", List.of("eq"), "ne")
        .node("Where", List.of("ne", "nothing", "minus"), "mask0")
        .node("ScatterND", List.of("mask0", "index", "seven"), "mask")
        .node("Add", List.of("x", "mask"), "y")
        .output("y").build();
    Graph g = OnnxImporter.convert(m, null, "mask.onnx");
    assertEquals(2, g.nodes().size(), "the mask folds to one constant: " + g);
    Tensor y = g.forward(Tensor.zeros(Shape.of(1, 6))).output();
    assertArrayEquals(new float[] {-100f, 7f, 0f, -100f, 0f, 0f}, y.toArray());
  }

  @Test
  void convertersThatWriteSeveralGraphNodesFoldConstantsToo() {
    // Split of a constant: one Slice per output, each evaluated at import; the unread source is dropped
    ModelProto m = new TestModels(OPSET).input("x", -1, 2)
        .initializer(OnnxTensors.write("c", Tensor.of(Shape.of(2, 2), 1f, 2f, 3f, 4f)))
        .node("Split", List.of("c"), List.of("top", "bottom"), attr("axis", 0))
        .node("Add", List.of("x", "bottom"), "y")
        .output("y").build();
    Graph g = OnnxImporter.convert(m, null, "split.onnx");
    assertEquals(List.of("bottom", "y"), g.nodes().stream().map(n -> n.name()).toList(), g.toString());
    assertTrue(g.node("bottom").op() instanceof org.xai4j.op.Constant);
    assertArrayEquals(new float[] {4f, 6f}, g.forward(Tensor.of(Shape.of(1, 2), 1f, 2f)).output().toArray());
  }

  @Test
  void whereAndEqualOnAComputedMaskRunInTheGraph() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2)
        .initializer(OnnxTensors.write("zero", Tensor.scalar(0f)))
        .initializer(OnnxTensors.write("fill", Tensor.scalar(-1f)))
        .node("Equal", List.of("x", "zero"), "isZero")
        .node("Where", List.of("isZero", "fill", "x"), "y")
        .output("y").build();
    Graph g = OnnxImporter.convert(m, null, "where.onnx");
    assertTrue(g.node("y").op() instanceof Where);
    assertArrayEquals(new float[] {-1f, 2f, -1f, -3f},
        g.forward(Tensor.of(Shape.of(2, 2), 0f, 2f, 0f, -3f)).output().toArray());
  }

  @Test
  void vitClassTokenExpandToTheDynamicBatchReadsTheBatchAtRunTime() {
    // PyTorch's class_token.expand(n, -1, -1): target = Where(Equal([n, -1, -1], -1), 1, [n, -1, -1])
    ModelProto m = new TestModels(OPSET).input("x", -1, 2, 3)
        .initializer(OnnxTensors.write("token", Tensor.of(Shape.of(1, 1, 3), 1f, 2f, 3f)))
        .initializer(ints("zero", 0)).initializer(ints("minus1", -1, -1)).initializer(ints("minus", -1))
        .initializer(ints("ones", 1, 1, 1)).initializer(OnnxTensors.writeInts("first", new long[0], new long[] {0}))
        .node("Shape", List.of("x"), "s")
        .node("Gather", List.of("s", "first"), "n0")
        .node("Unsqueeze", List.of("n0", "zero"), "n")
        .node("Concat", List.of("n", "minus1"), "target", attr("axis", 0))
        .node("Equal", List.of("target", "minus"), "free")
        .node("Where", List.of("free", "ones", "target"), "shape")
        .node("Expand", List.of("token", "shape"), "tokens")
        .node("Concat", List.of("tokens", "x"), "y", attr("axis", 1))
        .output("y").build();
    Graph g = OnnxImporter.convert(m, null, "vit.onnx");
    assertTrue(g.node("tokens").op() instanceof DynamicExpand, g.toString());
    for (int batch : new int[] {1, 4}) {
      Tensor y = g.forward(Tensor.zeros(Shape.of(batch, 2, 3))).output();
      assertEquals(Shape.of(batch, 3, 3), y.shape());
      assertArrayEquals(new float[] {1f, 2f, 3f}, java.util.Arrays.copyOfRange(y.toArray(), 9 * (batch - 1), 9 * (batch - 1) + 3));
    }
  }

  @Test
  void gatherOfComputedDataIsAGraphNode() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 3, 2)
        .initializer(OnnxTensors.writeInts("first", new long[0], new long[] {0}))
        .node("Gather", List.of("x", "first"), "y", attr("axis", 1))
        .output("y").build();
    Graph g = OnnxImporter.convert(m, null, "gather.onnx");
    assertTrue(g.node("y").op() instanceof Gather);
    assertArrayEquals(new float[] {0f, 1f, 6f, 7f},
        g.forward(Tensor.of(Shape.of(2, 3, 2), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)).output().toArray());
  }

  @Test
  void integersBeyondFloat32sExactRangeAreNotFoldedSilently() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2)
        .initializer(ints("big", 16_777_217L)).initializer(ints("one", 1))
        .node("Add", List.of("big", "one"), "sum")
        .node("Reshape", List.of("x", "sum"), "y")
        .output("y").build();
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
        () -> OnnxImporter.convert(m, null, "big.onnx"));
    assertTrue(e.getMessage().contains("16777217") && e.getMessage().contains("'big'"), e.getMessage());
  }

  @Test
  void constantOfShapeOfAComputedTensorIsRefusedNamingTheNode() {
    ModelProto m = new TestModels(OPSET).input("x", -1, 2)
        .node("ConstantOfShape", List.of("x"), "y").output("y").build();
    UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
        () -> OnnxImporter.convert(m, null, "cos.onnx"));
    assertTrue(e.getMessage().contains("y_node") && e.getMessage().contains("constants only"), e.getMessage());
  }

  @Test
  void dropoutInTrainingModeIsTheIdentityOnlyWithRatioZero() {
    for (float ratio : new float[] {0f, 0.1f}) {
      ModelProto m = new TestModels(OPSET).input("x", -1, 2)
          .initializer(OnnxTensors.write("ratio", Tensor.scalar(ratio)))
          .initializer(OnnxTensors.writeInts("train", new long[0], new long[] {1}))
          .node("Dropout", List.of("x", "ratio", "train"), "y").output("y").build();
      if (ratio == 0f) {
        assertArrayEquals(new float[] {1f, 2f},
            OnnxImporter.convert(m, null, "d.onnx").forward(Tensor.of(Shape.of(1, 2), 1f, 2f)).output().toArray());
      } else {
        assertThrows(UnsupportedModelException.class, () -> OnnxImporter.convert(m, null, "d.onnx"));
      }
    }
  }
}
