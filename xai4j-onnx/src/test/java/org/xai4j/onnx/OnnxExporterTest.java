package org.xai4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Trace;
import org.xai4j.op.*;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.SharedFolder;

/**
 * Export round trips: a graph exported to ONNX and imported again computes the same outputs, and
 * ONNX Runtime computes the same outputs from the exported model (relative 1e-5).
 */
class OnnxExporterTest {
  private static final double RELATIVE_TOLERANCE = 1e-5;
  private static final int BATCH = 2;

  /** A graph using every exportable op type, with random weights. */
  static Graph zoo() {
    Random r = new Random(11);
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 3, 8, 8);
    String c1 = b.add("conv", new Conv(Tensor.randomNormal(Shape.of(4, 3, 3, 3), 0.3f, r),
        Tensor.randomNormal(Shape.of(4), 0.1f, r), List.of(1, 1), List.of(1, 1, 1, 1), List.of(1, 1), 1), x);
    String bn = b.add("bn", new BatchNormalization(Tensor.randomUniform(Shape.of(4), 0.5f, 1.5f, r),
        Tensor.randomNormal(Shape.of(4), 0.1f, r), Tensor.randomNormal(Shape.of(4), 0.1f, r),
        Tensor.randomUniform(Shape.of(4), 0.5f, 2f, r), 1e-5f), c1);
    String inorm = b.add("instancenorm", new InstanceNormalization(Tensor.randomUniform(Shape.of(4), 0.5f, 1.5f, r),
        Tensor.randomNormal(Shape.of(4), 0.1f, r), 1e-5f), bn);
    String pr = b.add("prelu", new PRelu(Tensor.randomUniform(Shape.of(4, 1, 1), 0f, 0.3f, r)), inorm);
    String mp = b.add("maxpool", MaxPool.square(2, 2, 0), pr);
    String up = b.add("bilinear", new Resize(Resize.Mode.LINEAR, Resize.CoordinateTransform.HALF_PIXEL,
        Resize.NearestRounding.ROUND_PREFER_FLOOR, 2f, 2f, 0, 0), mp);
    String nn = b.add("nearest", new Resize(Resize.Mode.NEAREST, Resize.CoordinateTransform.ASYMMETRIC,
        Resize.NearestRounding.FLOOR, 0.5f, 0.5f, 0, 0), up);
    String pad = b.add("pad", new Pad(Pad.Mode.REFLECT, List.of(0, 0, 1, 1, 0, 0, 1, 1), 0f), nn);
    String ap = b.add("avgpool", new AveragePool(List.of(2, 2), List.of(2, 2), List.of(1, 1, 1, 1), false, false), pad);
    String ct = b.add("deconv", new ConvTranspose(Tensor.randomNormal(Shape.of(4, 2, 2, 2), 0.3f, r),
        Tensor.randomNormal(Shape.of(2), 0.1f, r), List.of(2, 2), null, null, null, 1), ap);
    String lr = b.add("leaky", new LeakyRelu(0.1f), ct);
    String el = b.add("elu", new Elu(), lr);
    String se = b.add("selu", new Selu(), el);
    String sg = b.add("sigmoid", new Sigmoid(), se);
    String th = b.add("tanh", new Tanh(), se);
    String sp = b.add("softplus", new Softplus(), th);
    String ab = b.add("abs", new Abs(), th);
    String sq = b.add("sqrt", new Sqrt(), ab);
    String ng = b.add("neg", new Neg(), sq);
    String ex = b.add("exp", new Exp(), ng);
    String lg = b.add("log", new Log(), ex);
    String sn = b.add("sign", new Sign(), th);
    String two = b.add("two", new Constant(Tensor.scalar(2f)), new String[0]);
    String pw = b.add("pow", new Pow(), sg, two);
    String mx = b.add("max", new Variadic(Combination.MAX), sg, sp, lg);
    String mn = b.add("min", new Variadic(Combination.MIN), sg, sp);
    String sm = b.add("sum", new Variadic(Combination.SUM), mx, mn, pw);
    String me = b.add("mean", new Variadic(Combination.MEAN), sm, sn);
    String sub = b.add("sub", new Sub(), me, mn);
    String mul = b.add("mul", new Mul(), sub, mx);
    String div = b.add("div", new Div(), mul, sp);
    String add = b.add("add", new Add(), div, two);
    String cl = b.add("clip", new Clip(-1f, 2f), add);
    String cat = b.add("concat", new Concat(1), cl, sg);
    String dr = b.add("dropout", new Dropout(0.2f), cat);
    String id = b.add("identity", new Identity(), dr);
    String sl = b.add("slice", new Slice(List.of(-1, 0), List.of(-Integer.MAX_VALUE, Integer.MAX_VALUE),
        List.of(2, 3), List.of(-2, 1)), id);
    String rs = b.add("reducesum", new Reduce(Reduction.SUM, List.of(1), true), sl);
    String rm = b.add("reducemean", new Reduce(Reduction.MEAN, List.of(-1), false), rs);
    String rx = b.add("reducemax", new Reduce(Reduction.MAX, List.of(), true), id);
    String gap = b.add("gap", new GlobalAveragePool(), id);
    String sqz = b.add("squeeze", new Squeeze(List.of(2, 3)), gap);
    String usq = b.add("unsqueeze", new Unsqueeze(List.of(1)), sqz);
    String tr = b.add("transpose", Transpose.of(0, 2, 1), usq);
    String fl = b.add("flatten", new Flatten(1), tr);
    String ti = b.add("tile", new Tile(List.of(1, 1, 2)), rm);
    String shr = b.add("shrink", new Shrink(0.1f, 0.05f), ti);
    String ep = b.add("expand", new Expand(List.of(1, 3, 1)), shr);
    String rh = b.add("reshape", Reshape.of(0, -1), ep);
    String gm = b.add("gemm", Gemm.linear(Tensor.randomNormal(Shape.of(5, 4), 0.5f, r), Tensor.randomNormal(Shape.of(5), 0.1f, r)), fl);
    String mm = b.add("matmul", new MatMul(), gm, b.add("mmweight", new Constant(Tensor.randomNormal(Shape.of(5, 3), 0.5f, r)), new String[0]));
    String soft = b.add("softmax", Softmax.of(-1), mm);
    String lsm = b.add("logsoftmax2d", LogSoftmax.coerced2d(1), rh);
    String relu = b.add("relu", new Relu(), soft);
    return b.output(relu, lsm, rx).build();
  }

  /**
   * A graph of the ops of modern architectures (LayerNormalization, both GELU forms, Erf, hard
   * sigmoid and swish, LRN, masks with Equal/Not/Where, Mod, Gather, an expand to the dynamic batch).
   */
  static Graph modernZoo() {
    Random r = new Random(21);
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 3, 8, 8);
    String lrn = b.add("lrn", new Lrn(3, 0.5f, 0.75f, 2f), x);
    String hs = b.add("hardswish", new HardSwish(), x);
    String hsg = b.add("hardsigmoid", new HardSigmoid(0.3f, 0.4f), hs);
    String seq = b.add("tokens", Reshape.of(0, 3, 64), lrn);
    String tr = b.add("channels_last", Transpose.of(0, 2, 1), seq);
    String ln = b.add("layernorm", new LayerNormalization(Tensor.randomUniform(Shape.of(3), 0.5f, 1.5f, r),
        Tensor.randomNormal(Shape.of(3), 0.1f, r), -1, 1e-5f), tr);
    String ge = b.add("gelu", new Gelu(), ln);
    String gt = b.add("gelu_tanh", new Gelu(Gelu.Approximation.TANH), ge);
    String erf = b.add("erf", new Erf(), gt);
    String zero = b.add("zero", new Constant(Tensor.scalar(0f)), new String[0]);
    String three = b.add("three", new Constant(Tensor.scalar(3f)), new String[0]);
    String sign = b.add("sign", new Sign(), erf);
    String eq = b.add("is_zero", new Equal(), sign, zero);
    String ne = b.add("not_zero", new Not(), eq);
    String md = b.add("mod", new Mod(true), gt, three);
    String wh = b.add("where", new Where(), ne, md, zero);
    String cls = b.add("class_token", new Constant(Tensor.randomNormal(Shape.of(1, 1, 3), 1f, r)), new String[0]);
    String ex = b.add("expand_batch", new DynamicExpand(List.of(1, 1, 3), List.of(0, DynamicExpand.FIXED,
        DynamicExpand.FIXED)), cls, x);
    String cat = b.add("with_class_token", new Concat(1), ex, wh);
    String first = b.add("first_token", new Gather(1, List.of(0), List.of()), cat);
    return b.output(first, cat, hsg).build();
  }

  @Test
  void modernOpsMatchOnnxRuntimeAndRoundTrip() throws OrtException {
    Graph g = modernZoo();
    Map<String, Tensor> feeds = Map.of("x", input(new Random(22)));
    ModelProto model = OnnxExporter.export(g);
    assertMatchesOrt(g, model, feeds);
    // Gelu (opset 20) is written as its Erf or Tanh formula, so the re-import agrees to rounding
    Graph back = OnnxImporter.convert(model, null, "modern.onnx");
    for (int i = 0; i < g.outputs().size(); i++) {
      double err = ReferenceModelsTest.relativeError(g.forward(feeds).get(g.outputs().get(i)),
          back.forward(feeds).get(back.outputs().get(i)));
      assertTrue(err <= 1e-6, "re-imported output " + g.outputs().get(i) + ": relative error " + err);
    }
  }

  private static Tensor input(Random r) {
    return Tensor.randomNormal(Shape.of(BATCH, 3, 8, 8), 1f, r);
  }

  @Test
  void zooRoundTripsAndMatchesOnnxRuntime() throws OrtException {
    Graph g = zoo();
    Map<String, Tensor> feeds = Map.of("x", input(new Random(12)));
    ModelProto model = OnnxExporter.export(g);
    assertEquals(OnnxExporter.OPSET, model.getOpsetImport(0).getVersion());
    assertSameOutputs(g, OnnxImporter.convert(model, null, "zoo.onnx"), feeds);
    assertMatchesOrt(g, model, feeds);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "smallcnn", "resnetish", "resnetish_bnfused"})
  void referenceModelsRoundTripAndMatchOnnxRuntime(String name) throws OrtException {
    Path file = SharedFolder.require("reference").resolve("models").resolve(name + ".onnx");
    Graph g = OnnxImporter.read(file);
    int[] dims = g.inputs().get(0).dims();
    Map<String, Tensor> feeds = Map.of(g.inputs().get(0).name(),
        Tensor.randomNormal(g.inputs().get(0).shapeForBatch(BATCH), 1f, new Random(dims.length)));
    ModelProto model = OnnxExporter.export(g);
    assertSameOutputs(g, OnnxImporter.convert(model, null, name), feeds);
    assertMatchesOrt(g, model, feeds);
  }

  @Test
  void writesAtomicallyAndReadsBack(@TempDir Path dir) throws IOException {
    Graph g = zoo();
    Path file = dir.resolve("zoo.onnx");
    OnnxExporter.write(g, file);
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(file), s.toList());
    }
    assertSameOutputs(g, OnnxImporter.read(file), Map.of("x", input(new Random(13))));
  }

  @Test
  void opsWithoutOnnxFormAreListed() {
    Op custom = new UnaryElementwiseOp() {
      @Override
      public String type() {
        return "MyOp";
      }

      @Override
      protected float apply(float v) {
        return v;
      }

      @Override
      protected float derivative(float v, float y) {
        return 1f;
      }
    };
    GraphBuilder b = Graph.builder();
    String x = b.input("x", -1, 2);
    Graph g = b.output(b.add("a", custom, b.add("r", new Relu(), x))).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxExporter.export(g));
    assertEquals("export: no ONNX form for op types {MyOp=[a]}", e.getMessage());
  }

  private static void assertSameOutputs(Graph a, Graph b, Map<String, Tensor> feeds) {
    Trace ta = a.forward(feeds);
    Trace tb = b.forward(feeds);
    assertEquals(a.outputs().size(), b.outputs().size());
    for (int i = 0; i < a.outputs().size(); i++) {
      Tensor x = ta.get(a.outputs().get(i));
      Tensor y = tb.get(b.outputs().get(i));
      assertEquals(0f, x.maxAbsDifference(y), "re-imported output " + a.outputs().get(i));
    }
  }

  private static void assertMatchesOrt(Graph g, ModelProto model, Map<String, Tensor> feeds) throws OrtException {
    Trace t = g.forward(feeds);
    List<Tensor> ort = OrtRunner.run(model.toByteArray(), feeds);
    for (int i = 0; i < g.outputs().size(); i++) {
      Tensor ours = t.get(g.outputs().get(i));
      double err = ReferenceModelsTest.relativeError(ours, ort.get(i));
      System.out.printf("ONNX Runtime vs xai4j, output %s: max relative error %.3g%n", g.outputs().get(i), err);
      assertTrue(err <= RELATIVE_TOLERANCE, "output " + g.outputs().get(i) + ": relative error " + err);
    }
  }
}
