package org.xai4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Graph;
import org.xai4j.op.Gemm;
import org.xai4j.op.MatMul;
import org.xai4j.op.Reshape;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Dense layers exported as MatMul by a weight plus Add of a bias (Keras/tf2onnx, PyTorch Linear on 3-D input). */
class DenseLayersTest {
  private static final Random R = new Random(5);
  private static final Tensor W1 = Tensor.randomNormal(Shape.of(4, 3), 1f, R);
  private static final Tensor B1 = Tensor.randomNormal(Shape.of(3), 1f, R);
  private static final Tensor W2 = Tensor.randomNormal(Shape.of(3, 2), 1f, R);
  private static final Tensor B2 = Tensor.randomNormal(Shape.of(2), 1f, R);

  private static TensorProto proto(String name, Tensor t) {
    return OnnxTensors.write(name, t);
  }

  /** A tf2onnx-style two-layer dense net: MatMul + Add, Relu, MatMul + Add. */
  static TestModels keras(long... inputDims) {
    return new TestModels(13).input("x", inputDims)
        .initializer(proto("dense/kernel", W1)).initializer(proto("dense/bias", B1))
        .initializer(proto("dense_1/kernel", W2)).initializer(proto("dense_1/bias", B2))
        .node("MatMul", List.of("x", "dense/kernel"), "dense/MatMul")
        .node("Add", List.of("dense/MatMul", "dense/bias"), "dense/BiasAdd")
        .node("Relu", List.of("dense/BiasAdd"), "dense/Relu")
        .node("MatMul", List.of("dense/Relu", "dense_1/kernel"), "dense_1/MatMul")
        .node("Add", List.of("dense_1/bias", "dense_1/MatMul"), "logits")
        .output("logits");
  }

  private static Tensor reference(Tensor x2d) {
    Tensor h = new MatMul().forward(List.of(x2d, W1)).add(B1).map(v -> v > 0f ? v : 0f);
    return new MatMul().forward(List.of(h, W2)).add(B2);
  }

  @Test
  void matMulAndBiasAddBecomeOneGemmKeepingTheAddsName() {
    Graph g = OnnxImporter.convert(keras(-1, 4).build(), null, "keras");
    assertEquals(List.of("dense/BiasAdd", "dense/Relu", "logits"), g.nodes().stream().map(n -> n.name()).toList());
    Gemm dense = assertInstanceOf(Gemm.class, g.node("dense/BiasAdd").op());
    assertEquals(0f, dense.weight().maxAbsDifference(W1));
    assertEquals(0f, dense.bias().maxAbsDifference(B1));
    assertInstanceOf(Gemm.class, g.node("logits").op());
    assertEquals(List.of("logits"), g.outputs());
    Tensor x = Tensor.randomNormal(Shape.of(3, 4), 1f, R);
    assertEquals(0f, g.forward(x).output().maxAbsDifference(reference(x)), 1e-5f);
  }

  @Test
  void aDenseLayerOnThreeDimensionalInputIsAGemmOnRows() {
    Graph g = OnnxImporter.convert(keras(-1, 5, 4).build(), null, "linear3d");
    Gemm dense = assertInstanceOf(Gemm.class, g.node("dense/MatMul/gemm").op());
    assertEquals(0f, dense.bias().maxAbsDifference(B1));
    assertInstanceOf(Reshape.class, g.node("dense/BiasAdd").op());
    Tensor x = Tensor.randomNormal(Shape.of(2, 5, 4), 1f, R);
    Tensor y = g.forward(x).output();
    assertEquals(Shape.of(2, 5, 2), y.shape());
    assertEquals(0f, y.reshape(10, 2).maxAbsDifference(reference(x.reshape(10, 4))), 1e-5f);
  }

  @Test
  void aProductOfTwoComputedValuesStaysAMatMul() {
    Graph g = OnnxImporter.convert(new TestModels(13).input("a", -1, 4).input("b", 4, 3)
        .node("MatMul", List.of("a", "b"), "p").output("p").build(), null, "two inputs");
    assertInstanceOf(MatMul.class, g.node("p").op());
    Graph bias = OnnxImporter.convert(new TestModels(13).input("a", -1, 4).initializer(proto("w", W1))
        .input("c", -1, 3).node("MatMul", List.of("a", "w"), "p").node("Add", List.of("p", "c"), "q").output("q")
        .build(), null, "computed addend");
    assertNull(assertInstanceOf(Gemm.class, bias.node("p").op()).bias());
  }
}
