package org.xai4j.explain.lrp.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.lrp.LrpRun;
import org.xai4j.explain.lrp.ProductRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.op.Add;
import org.xai4j.op.Constant;
import org.xai4j.op.Div;
import org.xai4j.op.Erf;
import org.xai4j.op.Gelu;
import org.xai4j.op.HardSigmoid;
import org.xai4j.op.HardSwish;
import org.xai4j.op.LayerNormalization;
import org.xai4j.op.MatMul;
import org.xai4j.op.Mul;
import org.xai4j.op.Pow;
import org.xai4j.op.Reduce;
import org.xai4j.op.Reduction;
import org.xai4j.op.Sigmoid;
import org.xai4j.op.Softmax;
import org.xai4j.op.Sqrt;
import org.xai4j.op.Sub;
import org.xai4j.op.Tanh;
import org.xai4j.op.Transpose;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The rules the graph structure implies: activation patterns written as products are explained like
 * the single op they stand for, gates are held constant, a decomposed LayerNorm is explained like
 * the LayerNormalization op, attention gets AttnLRP or CP-LRP, and every node has a rule and a reason.
 */
class StructuralRulesTest {
  private static final int WIDTH = 6;

  private static Tensor input(int batch) {
    return Tensor.randomNormal(Shape.of(batch, WIDTH), 1f, new Random(5));
  }

  /** {@code input -> fc1 -> ACTIVATION -> fc2}, the activation built by {@code activation}. */
  private static Graph mlp(java.util.function.BiFunction<GraphBuilder, String, String> activation) {
    GraphBuilder b = Graph.builder().seed(11);
    String x = b.input("input", -1, WIDTH);
    String h = activation.apply(b, b.linear("fc1", x, WIDTH, WIDTH));
    return b.output(b.linear("fc2", h, WIDTH, 3)).build();
  }

  private static String constant(GraphBuilder b, String name, float value) {
    return b.add(name, new Constant(Tensor.scalar(value)));
  }

  private static Tensor relevance(Graph g) {
    return LrpRun.of(g, Composites.epsilonPlusFlat()).explain(input(2), 0, 2).relevance();
  }

  private static void assertClose(Tensor want, Tensor got, double tolerance) {
    assertTrue(want.maxAbsDifference(got) <= tolerance * want.maxAbs(),
        "differ by " + want.maxAbsDifference(got) + " of max " + want.maxAbs());
  }

  @Test
  void erfGeluWrittenOutIsExplainedLikeTheGeluOp() {
    Graph op = mlp((b, h) -> b.add("gelu", new Gelu(), h));
    Graph written = mlp((b, h) -> {
      String e = b.add("erf", new Erf(), b.add("div", new Div(), h, constant(b, "sqrt2", (float) Math.sqrt(2))));
      String g = b.add("mul", new Mul(), h, b.add("add1", new Add(), e, constant(b, "one", 1f)));
      return b.add("half", new Mul(), g, constant(b, "c05", 0.5f));
    });
    assertClose(op.forward(input(2)).output(), written.forward(input(2)).output(), 1e-6);
    assertClose(relevance(op), relevance(written), 1e-5);
    RuleTable t = LrpRun.of(written, Composites.epsilonPlusFlat()).rules();
    assertEquals(ProductRule.heldConstant(0), t.ruleOf("mul").orElseThrow());
    assertTrue(reason(t, "mul").contains("element-wise activation"), reason(t, "mul"));
    assertTrue(reason(t, "erf").contains("receives no relevance"), reason(t, "erf"));
  }

  @Test
  void tanhGeluWrittenOutIsExplainedLikeTheGeluOp() {
    Graph op = mlp((b, h) -> b.add("gelu", new Gelu(Gelu.Approximation.TANH), h));
    Graph written = mlp((b, h) -> {
      String cube = b.add("cube", new Mul(), b.add("pow", new Pow(), h, constant(b, "three", 3f)),
          constant(b, "c", (float) Gelu.TANH_CUBIC));
      String inner = b.add("scale", new Mul(), b.add("sum", new Add(), h, cube),
          constant(b, "k", (float) Math.sqrt(2 / Math.PI)));
      String t = b.add("add1", new Add(), b.add("tanh", new Tanh(), inner), constant(b, "one", 1f));
      return b.add("mul", new Mul(), b.add("half", new Mul(), h, constant(b, "c05", 0.5f)), t);
    });
    assertClose(op.forward(input(2)).output(), written.forward(input(2)).output(), 1e-6);
    assertClose(relevance(op), relevance(written), 1e-5);
    assertEquals(ProductRule.heldConstant(0), LrpRun.of(written, Composites.epsilonPlusFlat()).rules().ruleOf("mul")
        .orElseThrow());
  }

  @Test
  void hardSwishAndSiluWrittenAsProductsAreActivations() {
    Graph op = mlp((b, h) -> b.add("hs", new HardSwish(), h));
    Graph written = mlp((b, h) -> b.add("mul", new Mul(), h, b.add("hsig", new HardSigmoid(1f / 6, 0.5f), h)));
    assertClose(op.forward(input(2)).output(), written.forward(input(2)).output(), 1e-6);
    assertClose(relevance(op), relevance(written), 1e-5);
    Graph silu = mlp((b, h) -> b.add("mul", new Mul(), b.add("sig", new Sigmoid(), h), h));
    assertEquals(ProductRule.heldConstant(1), LrpRun.of(silu, Composites.epsilonPlusFlat()).rules().ruleOf("mul")
        .orElseThrow());
  }

  @Test
  void squeezeExcitationHoldsTheGateConstant() {
    GraphBuilder b = Graph.builder().seed(2);
    String x = b.input("input", -1, 2, 4, 4);
    String f = b.relu("r", b.conv2d("c1", x, 2, 3, 3, 1, 1));
    String gate = b.add("sig", new Sigmoid(), b.conv2d("se", b.globalAvgPool("pool", f), 3, 3, 1, 1, 0));
    String y = b.add("scale", new Mul(), f, gate);
    Graph g = b.output(b.conv2d("c2", y, 3, 2, 3, 1, 1)).build();
    LrpRun lrp = LrpRun.of(g, Composites.epsilonPlusFlat());
    assertEquals(ProductRule.heldConstant(0), lrp.rules().ruleOf("scale").orElseThrow());
    assertTrue(reason(lrp.rules(), "scale").contains("'sig' (broadcast) held constant"), reason(lrp.rules(), "scale"));
    var r = lrp.explain(Tensor.randomNormal(Shape.of(1, 2, 4, 4), 1f, new Random(1)),
        org.xai4j.explain.Target.channel("c2", 0), true);
    assertEquals(r.relevanceAt("scale").sum(), r.relevanceAt("r").sum(), 1e-4 * Math.abs(r.relevanceAt("scale").sum()),
        "the gate takes no relevance: all of it reaches the signal");
  }

  @Test
  void decomposedLayerNormIsExplainedLikeTheLayerNormalizationOp() {
    Random r = new Random(4);
    Tensor scale = Tensor.randomNormal(Shape.of(WIDTH), 1f, r);
    Tensor bias = Tensor.randomNormal(Shape.of(WIDTH), 0.3f, r);
    Graph op = mlp((b, h) -> b.add("ln", new LayerNormalization(scale, bias, -1, 1e-5f), h));
    Graph written = mlp((b, h) -> {
      String mean = b.add("mean", new Reduce(Reduction.MEAN, List.of(-1), true), h);
      String c = b.add("center", new Sub(), h, mean);
      String var = b.add("var", new Reduce(Reduction.MEAN, List.of(-1), true),
          b.add("sq", new Pow(), c, constant(b, "two", 2f)));
      String std = b.add("std", new Sqrt(), b.add("veps", new Add(), var, constant(b, "eps", 1e-5f)));
      String n = b.add("norm", new Div(), c, std);
      String s = b.add("scaled", new Mul(), n, b.add("gamma", new Constant(scale)));
      return b.add("shifted", new Add(), s, b.add("beta", new Constant(bias)));
    });
    assertClose(op.forward(input(2)).output(), written.forward(input(2)).output(), 1e-5);
    assertClose(relevance(op), relevance(written), 1e-4);
    RuleTable t = LrpRun.of(written, Composites.epsilonPlusFlat()).rules();
    assertEquals(ProductRule.heldConstant(0), t.ruleOf("norm").orElseThrow());
    assertTrue(reason(t, "sq").contains("receives no relevance"), reason(t, "sq"));
  }

  /** Self-attention over {@code [N, T, E]} tokens with one head: softmax(q k^T) v. */
  private static Graph attention() {
    GraphBuilder b = Graph.builder().seed(6);
    Random r = new Random(8);
    String x = b.input("input", -1, 3, 4);
    String q = b.add("q", new MatMul(), x, b.add("wq", new Constant(Tensor.randomNormal(Shape.of(4, 4), 0.5f, r))));
    String k = b.add("k", new MatMul(), x, b.add("wk", new Constant(Tensor.randomNormal(Shape.of(4, 4), 0.5f, r))));
    String v = b.add("v", new MatMul(), x, b.add("wv", new Constant(Tensor.randomNormal(Shape.of(4, 4), 0.5f, r))));
    String kt = b.add("kt", new Transpose(List.of(0, 2, 1)), k);
    String a = b.add("attn", new Softmax(), b.add("scores", new MatMul(), q, kt));
    return b.output(b.add("out", new MatMul(), a, v)).build();
  }

  @Test
  void attentionByAttnLrpOrCpLrp() {
    Graph g = attention();
    RuleTable attn = LrpRun.of(g, Composites.epsilonPlusFlat()).rules();
    assertEquals(ProductRule.uniform(), attn.ruleOf("out").orElseThrow());
    assertEquals(ProductRule.uniform(), attn.ruleOf("scores").orElseThrow());
    assertEquals("AttnLrpSoftmax", attn.ruleOf("attn").orElseThrow().toString());
    assertTrue(reason(attn, "q").contains("dense layer (MatMul with a constant weight)"), reason(attn, "q"));
    Composite cp = Composites.epsilonPlusFlat().prepend(StructuralRules.cpLrp(g));
    LrpRun lrp = LrpRun.of(g, cp);
    assertEquals(ProductRule.heldConstant(1), lrp.rules().ruleOf("out").orElseThrow());
    Tensor x = Tensor.randomNormal(Shape.of(2, 3, 4), 1f, new Random(3));
    var r = lrp.explain(x, org.xai4j.explain.Target.channel("out", 1), true);
    assertTrue(r.conservation().rows().stream().noneMatch(row -> row.value().equals("attn")),
        "CP-LRP sends no relevance into the attention weights");
    // the value path v = x W_v is bias-free, so CP-LRP conserves relevance
    assertEquals(r.seed().sum(), r.relevance().sum(), 1e-4 * Math.abs(r.seed().sum()));
  }

  @Test
  void everyNodeOfTheseGraphsGetsARule() {
    for (Graph g : List.of(attention(), mlp((b, h) -> b.add("mul", new Mul(), h, b.add("sig", new Sigmoid(), h))))) {
      RuleTable t = LrpRun.of(g, Composites.epsilonPlusFlat()).rules();
      t.rows().stream().filter(row -> !(g.node(row.node()).op() instanceof Constant))
          .forEach(row -> assertTrue(row.rule().isPresent(), row.node() + " has no rule"));
    }
  }

  @Test
  void graphsWithDynamicImageSizesOrAFixedBatchResolveAndReportPerSample() {
    for (int[] dims : List.of(new int[] {-1, 2, -1, -1}, new int[] {2, 2, 8, 8})) {
      GraphBuilder b = Graph.builder().seed(3);
      String x = b.input("input", dims);
      String f = b.relu("r", b.conv2d("c1", x, 2, 3, 3, 1, 1));
      String y = b.add("silu", new Mul(), f, b.add("sig", new Sigmoid(), f));
      Graph g = b.output(b.conv2d("c2", y, 3, 2, 3, 1, 1)).build();
      LrpRun lrp = LrpRun.of(g, Composites.epsilonPlusFlat());
      assertEquals(ProductRule.heldConstant(0), lrp.rules().ruleOf("silu").orElseThrow());
      var r = lrp.explain(Tensor.randomNormal(Shape.of(2, 2, 8, 8), 1f, new Random(1)),
          org.xai4j.explain.Target.channel("c2", 0), true);
      assertTrue(r.conservation().row("silu").perSample());
      assertEquals(2, r.conservation().row("silu").sums().length);
    }
  }

  private static String reason(RuleTable t, String node) {
    return t.rows().stream().filter(r -> r.node().equals(node)).findFirst().orElseThrow().assignment()
        .orElseThrow().toString();
  }
}
