package org.xai4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.op.LogSoftmax;
import org.xai4j.op.Reduce;
import org.xai4j.op.Reduction;
import org.xai4j.op.Resize;
import org.xai4j.op.Softmax;
import org.xai4j.op.Squeeze;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Attributes and their defaults follow the model's opset where ONNX changed them. */
class OpsetDefaultsTest {
  private static Graph single(int opset, String type, long[] inputDims, List<String> extraInputs,
      TestModels extras, ai.onnx.proto.OnnxMl.AttributeProto... attributes) {
    TestModels m = extras == null ? new TestModels(opset) : extras;
    List<String> inputs = new java.util.ArrayList<>(List.of("x"));
    inputs.addAll(extraInputs);
    ModelProto p = m.input("x", inputDims).node(type, inputs, "y", attributes).output("y").build();
    return OnnxImporter.convert(p, null, type + ".onnx");
  }

  @Test
  void softmaxAxisDefaultChangesAtOpset13() {
    long[] dims = {-1, 3, 4};
    assertEquals(Softmax.coerced2d(1), single(11, "Softmax", dims, List.of(), null).node("y").op());
    assertEquals(Softmax.of(-1), single(13, "Softmax", dims, List.of(), null).node("y").op());
    assertEquals(LogSoftmax.coerced2d(1), single(12, "LogSoftmax", dims, List.of(), null).node("y").op());
  }

  @Test
  void squeezeAxesMoveFromAttributeToInputAtOpset13() {
    long[] dims = {-1, 1, 4};
    assertEquals(new Squeeze(List.of(1)),
        single(11, "Squeeze", dims, List.of(), null, TestModels.ints("axes", 1)).node("y").op());
    assertEquals(new Squeeze(List.of(1)), single(13, "Squeeze", dims, List.of("axes"),
        new TestModels(13).initializer(OnnxTensors.writeInts("axes", 1))).node("y").op());
  }

  @Test
  void reduceAxesMoveToInputAtOpset13ForSumAndOpset18ForTheOthers() {
    long[] dims = {-1, 3, 4};
    assertEquals(new Reduce(Reduction.MEAN, List.of(2), true),
        single(13, "ReduceMean", dims, List.of(), null, TestModels.ints("axes", 2)).node("y").op());
    assertEquals(new Reduce(Reduction.MEAN, List.of(2), false), single(18, "ReduceMean", dims, List.of("axes"),
        new TestModels(18).initializer(OnnxTensors.writeInts("axes", 2)), ExportContext.attr("keepdims", 0)).node("y").op());
    assertEquals(new Reduce(Reduction.SUM, List.of(1), true), single(13, "ReduceSum", dims, List.of("axes"),
        new TestModels(13).initializer(OnnxTensors.writeInts("axes", 1))).node("y").op());
    assertEquals(new Reduce(Reduction.SUM, List.of(), true),
        single(11, "ReduceSum", dims, List.of(), null).node("y").op());
  }

  @Test
  void clipBoundsMoveFromAttributesToInputsAtOpset11() {
    Tensor x = Tensor.of(Shape.of(1, 4), -2f, -0.5f, 0.5f, 2f);
    float[] want = {-1f, -0.5f, 0.5f, 1f};
    Graph old = single(6, "Clip", new long[] {-1, 4}, List.of(), null,
        ExportContext.attr("min", -1f), ExportContext.attr("max", 1f));
    assertArrayEquals(want, old.forward(x).output().toArray());
    Graph current = single(13, "Clip", new long[] {-1, 4}, List.of("lo", "hi"), new TestModels(13)
        .initializer(OnnxTensors.write("lo", Tensor.scalar(-1f))).initializer(OnnxTensors.write("hi", Tensor.scalar(1f))));
    assertArrayEquals(want, current.forward(x).output().toArray());
  }

  @Test
  void upsampleAndResizeDefaults() {
    long[] dims = {-1, 1, 2, 2};
    Resize upsample7 = (Resize) single(7, "Upsample", dims, List.of(), null,
        ExportContext.attr("mode", "nearest"), floats("scales", 1f, 1f, 2f, 2f)).node("y").op();
    assertEquals(new Resize(Resize.Mode.NEAREST, Resize.CoordinateTransform.ASYMMETRIC,
        Resize.NearestRounding.FLOOR, 2f, 2f, 0, 0), upsample7);
    Resize resize13 = (Resize) single(13, "Resize", dims, List.of("", "scales"), new TestModels(13)
        .initializer(OnnxTensors.write("scales", Tensor.vector(1f, 1f, 2f, 3f))),
        ExportContext.attr("mode", "linear")).node("y").op();
    assertEquals(new Resize(Resize.Mode.LINEAR, Resize.CoordinateTransform.HALF_PIXEL,
        Resize.NearestRounding.ROUND_PREFER_FLOOR, 2f, 3f, 0, 0), resize13);
  }

  @Test
  void padMovesFromAttributesToInputsAtOpset11() {
    Tensor x = Tensor.of(Shape.of(1, 2), 1f, 2f);
    float[] want = {7f, 1f, 2f, 7f, 7f};
    Graph old = single(6, "Pad", new long[] {-1, 2}, List.of(), null,
        TestModels.ints("pads", 0, 1, 0, 2), ExportContext.attr("value", 7f));
    assertArrayEquals(want, old.forward(x).output().toArray());
    Graph current = single(13, "Pad", new long[] {-1, 2}, List.of("pads", "v"), new TestModels(13)
        .initializer(OnnxTensors.writeInts("pads", 0, 1, 0, 2)).initializer(OnnxTensors.write("v", Tensor.scalar(7f))));
    assertArrayEquals(want, current.forward(x).output().toArray());
  }

  @Test
  void resizeSizesComputedFromTheDynamicShapeAreAccepted() {
    // PyTorch's interpolate(size=(4, 6)): sizes = Concat(Slice(Shape(x), 0, 2), [4, 6])
    TestModels m = new TestModels(13).input("x", -1, 2, 2, 3)
        .initializer(OnnxTensors.writeInts("zero", 0)).initializer(OnnxTensors.writeInts("two", 2))
        .initializer(OnnxTensors.writeInts("hw", 4, 6))
        .node("Shape", List.of("x"), "s")
        .node("Slice", List.of("s", "zero", "two"), "nc")
        .node("Concat", List.of("nc", "hw"), "sizes", ExportContext.attr("axis", 0))
        .node("Resize", List.of("x", "", "", "sizes"), "y", ExportContext.attr("mode", "nearest"))
        .output("y");
    Graph g = OnnxImporter.convert(m.build(), null, "m.onnx");
    assertEquals(new Resize(Resize.Mode.NEAREST, Resize.CoordinateTransform.HALF_PIXEL,
        Resize.NearestRounding.ROUND_PREFER_FLOOR, 0f, 0f, 4, 6), g.node("y").op());
    assertEquals(Shape.of(5, 2, 4, 6), g.forward(Tensor.zeros(Shape.of(5, 2, 2, 3))).output().shape());
  }

  private static ai.onnx.proto.OnnxMl.AttributeProto floats(String name, float... v) {
    ai.onnx.proto.OnnxMl.AttributeProto.Builder a = ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName(name)
        .setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.FLOATS);
    for (float f : v) {
      a.addFloats(f);
    }
    return a.build();
  }
}
