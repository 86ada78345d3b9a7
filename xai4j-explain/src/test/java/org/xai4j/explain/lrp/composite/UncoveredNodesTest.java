package org.xai4j.explain.lrp.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.lrp.LinearRule;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.metric.ModelRandomization;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.op.Flatten;
import org.xai4j.op.InstanceNormalization;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** No silent rule gaps: uncovered nodes with parameters or constant operands fail the resolution. */
class UncoveredNodesTest {
  private static final Random R = new Random(3);

  private static ValueInfoProto value(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
          : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
        TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
  }

  private static TensorProto weight(String name, int... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
    int size = 1;
    for (int d : dims) {
      t.addDims(d);
      size *= d;
    }
    for (int i = 0; i < size; i++) {
      t.addFloatData((float) R.nextGaussian());
    }
    return t.build();
  }

  private static NodeProto node(String type, String out, String... in) {
    return NodeProto.newBuilder().setOpType(type).setName(out).addAllInput(List.of(in)).addOutput(out).build();
  }

  /** A Keras model as tf2onnx writes it: Dense(8, relu) -> Dense(3), each MatMul + Add. */
  static Graph keras() {
    GraphProto g = GraphProto.newBuilder().setName("keras").addInput(value("input_1", -1, 5))
        .addInitializer(weight("dense/kernel", 5, 8)).addInitializer(weight("dense/bias", 8))
        .addInitializer(weight("dense_1/kernel", 8, 3)).addInitializer(weight("dense_1/bias", 3))
        .addNode(node("MatMul", "dense/MatMul", "input_1", "dense/kernel"))
        .addNode(node("Add", "dense/BiasAdd", "dense/MatMul", "dense/bias"))
        .addNode(node("Relu", "dense/Relu", "dense/BiasAdd"))
        .addNode(node("MatMul", "dense_1/MatMul", "dense/Relu", "dense_1/kernel"))
        .addNode(node("Add", "dense_1", "dense_1/MatMul", "dense_1/bias"))
        .addOutput(value("dense_1", -1, 3)).build();
    ModelProto m = ModelProto.newBuilder().setIrVersion(8).setGraph(g)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).build();
    return OnnxImporter.convert(m, null, "keras.onnx");
  }

  @Test
  void kerasDenseLayersGetTheirRulesAndAreRandomized() {
    Graph g = keras();
    RuleTable t = Composites.epsilonPlusFlat().resolve(g);
    assertEquals(Optional.of(LinearRule.flat()), t.ruleOf("dense/BiasAdd"));
    assertEquals(Optional.of(LinearRule.epsilon()), t.ruleOf("dense_1"));
    Tensor x = Tensor.randomNormal(Shape.of(2, 5), 1f, R);
    Attribution lrp = Lrp.of(Composites.epsilonPlusFlat()).prepare(g).explain(x, Target.argmax());
    Attribution grad = Gradient.plain().withSeedTimesOutput(true).prepare(g).explain(x, Target.argmax());
    assertTrue(lrp.relevance().maxAbsDifference(grad.relevance()) > 1e-4f, "LRP is not the gradient here");
    Tensor images = Tensor.randomNormal(Shape.of(1, 5), 1f, R);
    ModelRandomization.Result r = ModelRandomization.defaults().evaluate(Gradient.plain().prepare(g), images,
        new int[] {0});
    assertEquals(List.of("dense_1", "dense/BiasAdd"), r.stages().stream().map(ModelRandomization.Stage::layer)
        .toList());
  }

  @Test
  void everyUncoveredNodeWithParametersOrAConstantOperandIsListed() {
    // InstanceNormalization has parameters, and neither the composite nor the structural rules cover it.
    GraphBuilder b = Graph.builder().seed(1);
    String x = b.input("x", -1, 2, 4);
    String in1 = b.add("in1", new InstanceNormalization(Tensor.full(Shape.of(2), 1f), Tensor.zeros(Shape.of(2)),
        InstanceNormalization.DEFAULT_EPSILON), x);
    String in2 = b.add("in2", new InstanceNormalization(Tensor.full(Shape.of(2), 2f), Tensor.zeros(Shape.of(2)),
        InstanceNormalization.DEFAULT_EPSILON), in1);
    String flat = b.add("flat", new Flatten(), in2);
    Graph g = b.output(b.linear("fc", b.relu("relu", flat), 8, 2)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Composites.epsilonPlusFlat().resolve(g));
    assertTrue(e.getMessage().contains("assigns no rule to 2 node(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("'in1' (InstanceNormalization, parameters"), e.getMessage());
    assertTrue(e.getMessage().contains("'in2' (InstanceNormalization, parameters"), e.getMessage());
    assertTrue(e.getMessage().contains("Composite.withGradientWhereUncovered"), e.getMessage());
    RuleTable lenient = Composites.epsilonPlusFlat().withGradientWhereUncovered().resolve(g);
    assertEquals(Optional.empty(), lenient.ruleOf("in1"));
    assertEquals(Optional.of(LinearRule.flat()), lenient.ruleOf("fc"));
  }
}
