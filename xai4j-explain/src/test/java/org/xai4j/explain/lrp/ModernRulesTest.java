package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.explain.Target;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Node;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Constant;
import org.xai4j.op.LayerNormalization;
import org.xai4j.op.MatMul;
import org.xai4j.op.Mul;
import org.xai4j.op.Softmax;
import org.xai4j.op.Transpose;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The rules for modern blocks against their formulas (LXT's definitions), and no NaN from any rule on
 * all-zero layers.
 */
class ModernRulesTest {
  private static final Random RANDOM = new Random(21);

  private static Tensor apply(NodeRule rule, Node node, List<Tensor> inputs, Tensor relevance) {
    Tensor out = node.op().forward(inputs);
    return rule.bind(node).backward(node, BackwardContext.all(inputs, out, false), relevance).input(0);
  }

  @Test
  void softmaxRuleIsAttnLrpsDeepTaylorDecomposition() {
    Node node = new Node("s", new Softmax(), List.of("x"));
    Tensor x = Tensor.randomNormal(Shape.of(2, 5), 2f, RANDOM);
    Tensor r = Tensor.randomNormal(Shape.of(2, 5), 1f, RANDOM);
    Tensor s = node.op().forward(List.of(x));
    Tensor got = apply(new SoftmaxRule(), node, List.of(x), r);
    for (int n = 0; n < 2; n++) {
      double sum = 0;
      for (int j = 0; j < 5; j++) {
        sum += r.get(n, j);
      }
      for (int j = 0; j < 5; j++) {
        double want = x.get(n, j) * (r.get(n, j) - s.get(n, j) * sum);
        assertEquals(want, got.get(n, j), 1e-5 * Math.max(1, Math.abs(want)));
      }
    }
  }

  @Test
  void softmaxRuleGivesMaskedLogitsNothing() {
    Node node = new Node("s", new Softmax(), List.of("x"));
    Tensor x = Tensor.of(Shape.of(1, 3), 1f, Float.NEGATIVE_INFINITY, 0.5f);
    Tensor got = apply(new SoftmaxRule(), node, List.of(x), Tensor.of(Shape.of(1, 3), 1f, 1f, 1f));
    assertEquals(0f, got.get(0, 1));
    assertTrue(Float.isFinite(got.get(0, 0)) && Float.isFinite(got.get(0, 2)));
  }

  @Test
  void layerNormRuleHoldsTheStandardDeviationConstant() {
    int width = 4;
    Tensor scale = Tensor.randomNormal(Shape.of(width), 1f, RANDOM);
    Node node = new Node("ln", new LayerNormalization(scale, null, -1, 1e-5f), List.of("x"));
    Tensor x = Tensor.randomNormal(Shape.of(3, width), 1f, RANDOM);
    Tensor r = Tensor.randomNormal(Shape.of(3, width), 1f, RANDOM);
    Tensor y = node.op().forward(List.of(x));
    Tensor got = apply(new LayerNormRule(), node, List.of(x), r);
    for (int n = 0; n < 3; n++) {
      double mean = 0;
      double var = 0;
      for (int j = 0; j < width; j++) {
        mean += x.get(n, j) / width;
      }
      for (int j = 0; j < width; j++) {
        var += Math.pow(x.get(n, j) - mean, 2) / width;
      }
      double std = Math.sqrt(var + 1e-5);
      // R_i = sum_j x_i J_ji R_j / y_j with J_ji = scale_j (delta_ij - 1/width) / std
      double total = 0;
      for (int i = 0; i < width; i++) {
        double want = 0;
        for (int j = 0; j < width; j++) {
          want += x.get(n, i) * scale.getFlat(j) * ((i == j ? 1 : 0) - 1.0 / width) / std * r.get(n, j) / y.get(n, j);
        }
        assertEquals(want, got.get(n, i), 1e-3 * Math.max(1, Math.abs(want)));
        total += got.get(n, i);
      }
      double seed = 0;
      for (int j = 0; j < width; j++) {
        seed += r.get(n, j);
      }
      assertEquals(seed, total, 1e-3 * Math.max(1, Math.abs(seed)), "without a bias the rule conserves");
    }
  }

  @Test
  void uniformProductSplitsAMatrixProductEvenly() {
    Node node = new Node("m", new MatMul(), List.of("a", "b"));
    Tensor a = Tensor.randomNormal(Shape.of(2, 3), 1f, RANDOM);
    Tensor b = Tensor.randomNormal(Shape.of(3, 4), 1f, RANDOM);
    Tensor r = Tensor.randomNormal(Shape.of(2, 4), 1f, RANDOM);
    Tensor z = node.op().forward(List.of(a, b));
    var g = ProductRule.uniform().bind(node).backward(node, BackwardContext.all(List.of(a, b), z, false), r);
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        double want = 0;
        for (int j = 0; j < 4; j++) {
          want += a.get(i, k) * b.get(k, j) * r.get(i, j) / (2 * z.get(i, j));
        }
        assertEquals(want, g.input(0).get(i, k), 1e-3 * Math.max(1, Math.abs(want)));
      }
    }
    assertEquals(r.sum(), g.input(0).sum() + g.input(1).sum(), 1e-3 * Math.max(1, Math.abs(r.sum())));
    assertEquals(g.input(0).sum(), g.input(1).sum(), 1e-3 * Math.max(1, Math.abs(r.sum())), "half each");
  }

  @Test
  void heldConstantGivesTheSignalEverything() {
    Node node = new Node("m", new Mul(), List.of("x", "gate"));
    Tensor x = Tensor.randomNormal(Shape.of(1, 3, 2, 2), 1f, RANDOM);
    Tensor gate = Tensor.randomNormal(Shape.of(1, 3, 1, 1), 1f, RANDOM);
    Tensor r = Tensor.randomNormal(Shape.of(1, 3, 2, 2), 1f, RANDOM);
    Tensor z = node.op().forward(List.of(x, gate));
    var g = ProductRule.heldConstant(0).bind(node).backward(node, BackwardContext.all(List.of(x, gate), z, false), r);
    assertEquals(0f, r.maxAbsDifference(g.input(0)), "exactly the identity");
    assertEquals(null, g.input(1));
  }

  @Test
  void conservationFindsTheBatchAxisAfterATranspose() {
    GraphBuilder b = Graph.builder();
    String x = b.input("input", -1, 3, 4);
    String t = b.add("seqFirst", new Transpose(List.of(1, 0, 2)), x);
    String h = b.add("proj", new MatMul(), t, b.add("w", new Constant(Tensor.randomNormal(Shape.of(4, 2), 1f, RANDOM))));
    String back = b.add("batchFirst", new Transpose(List.of(1, 0, 2)), h);
    Graph g = b.output(back).build();
    LrpRun lrp = LrpRun.of(g, Composites.epsilonPlusFlat());
    Tensor in = Tensor.randomNormal(Shape.of(2, 3, 4), 1f, RANDOM);
    ConservationReport both = lrp.explain(in, Target.unit("batchFirst", 1), true).conservation();
    ConservationReport.Row row = both.row("proj");
    assertTrue(row.perSample());
    for (int n = 0; n < 2; n++) {
      double alone = lrp.explain(in.slice0(n, n + 1), Target.unit("batchFirst", 1), true).conservation().row("proj")
          .sums()[0];
      assertEquals(alone, row.sums()[n], 1e-5 * Math.max(1, Math.abs(alone)), "sample " + n);
    }
  }

  /** {@code input [N, 3, 4] -> LayerNorm -> attention -> MatMul(W) -> Mul(x, sigmoid x)}, all weights zero. */
  private static Graph zeroTransformer() {
    GraphBuilder b = Graph.builder();
    String x = b.input("input", -1, 3, 4);
    String ln = b.add("ln", new LayerNormalization(Tensor.zeros(Shape.of(4)), Tensor.zeros(Shape.of(4)), -1, 1e-5f), x);
    String w = b.add("w", new Constant(Tensor.zeros(Shape.of(4, 4))));
    String q = b.add("q", new MatMul(), ln, w);
    String a = b.add("attn", new Softmax(), b.add("scores", new MatMul(), q, b.add("kt", new Transpose(List.of(0, 2, 1)), q)));
    String v = b.add("out", new MatMul(), a, q);
    String s = b.add("silu", new Mul(), v, b.add("sig", new org.xai4j.op.Sigmoid(), v));
    return b.output(b.add("proj", new MatMul(), s, w)).build();
  }

  private static org.xai4j.op.Parameters zeros(org.xai4j.op.Parameters p) {
    org.xai4j.op.Parameters out = p;
    for (String name : p.names()) {
      out = out.with(name, Tensor.zeros(p.get(name).shape()));
    }
    return out;
  }

  @Test
  void noRuleProducesNanOnAllZeroLayers() {
    Graph transformer = zeroTransformer();
    GraphBuilder b = Graph.builder().seed(1);
    String x = b.input("input", -1, 2, 4, 4);
    String c = b.relu("r", b.conv2d("c1", x, 2, 3, 3, 1, 1));
    String p = b.avgPool2d("pool", c, 2, 2, 0);
    Graph cnn = b.output(b.linear("fc", b.add("flat", new org.xai4j.op.Flatten(1), p), 12, 3)).build();
    Graph zeroCnn = cnn.withParameters(java.util.Map.of("c1", zeros(cnn.node("c1").op().parameters()),
        "fc", zeros(cnn.node("fc").op().parameters())));
    List<Composite> composites = List.of(Composites.epsilonPlusFlat(), Composites.epsilonAlpha2Beta1Flat(),
        Composites.epsilonGammaBox(-1f, 1f), Composites.deepTaylor(), Composites.epsilonPlus(),
        Composites.epsilonPlusFlat().prepend(org.xai4j.explain.lrp.composite.Assignment.byGroup(
            org.xai4j.explain.lrp.composite.OpGroup.LINEAR, LinearRule.zero())));
    for (Composite composite : composites) {
      for (Graph g : List.of(zeroCnn, transformer)) {
        Tensor in = g == transformer ? Tensor.zeros(Shape.of(2, 3, 4)) : Tensor.zeros(Shape.of(2, 2, 4, 4));
        for (Tensor input : List.of(in, in.add(1f))) {
          LrpRun.Result r = LrpRun.of(g, composite).explain(input, Target.unit(g.outputs().get(0), 1), false);
          for (ConservationReport.Row row : r.conservation().rows()) {
            for (float v : r.relevanceAt(row.value()).toArray()) {
              assertTrue(Float.isFinite(v), composite + ": relevance at " + row.value() + " is " + v);
            }
          }
        }
      }
    }
  }
}
