package org.xai4j.explain.extending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.lrp.LinearRule;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.NodeRule;
import org.xai4j.explain.lrp.PassRule;
import org.xai4j.explain.lrp.Stabilizer;
import org.xai4j.explain.lrp.composite.Assignment;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.OpGroup;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.explain.reference.ReferenceFiles;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Node;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.op.Dropout;
import org.xai4j.op.Flatten;
import org.xai4j.op.Identity;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

/**
 * The examples of {@code docs/extending.md}: each is a file of this package, shown in the document
 * verbatim, and tested here the way its section says a new op, method, rule, composite or
 * canonizer is tested.
 */
class ExtendingExamplesTest {
  private static final List<String> EXAMPLES = List.of("Mish", "AbsoluteGradient", "MyEpsilon", "MyComposites",
      "DropNoOps");
  private static final Path SOURCES = Path.of("src/test/java/org/xai4j/explain/extending");

  /** {@code x[?, 6] -> fc1 (6 -> 8) -> relu1 -> fc2 (8 -> 4)} with random biases (or none). */
  private static Graph mlp(boolean biases) {
    GraphBuilder b = Graph.builder().seed(11);
    String x = b.input("x", -1, 6);
    String h = b.relu("relu1", b.linear("fc1", x, 6, 8));
    return withBiases(b.output(b.linear("fc2", h, 8, 4)).build(), biases ? 0.5f : 0f);
  }

  /** [?, 2, 6, 6] -> conv1 -> relu -> conv2 -> relu -> flatten -> fc, random biases. */
  private static Graph convNet() {
    GraphBuilder b = Graph.builder().seed(12);
    String x = b.input("x", -1, 2, 6, 6);
    String h = b.relu("relu1", b.conv2d("conv1", x, 2, 3, 3, 1, 1));
    h = b.relu("relu2", b.conv2d("conv2", h, 3, 4, 3, 1, 1));
    return withBiases(b.output(b.linear("fc", b.add("flat", new Flatten(), h), 144, 3)).build(), 0.3f);
  }

  private static Graph withBiases(Graph g, float std) {
    Random r = new Random(13);
    Map<String, Op> ops = new HashMap<>();
    for (Node n : g.nodes()) {
      Parameters p = n.op().parameters();
      if (p.has(Parameters.BIAS)) {
        Shape s = p.get(Parameters.BIAS).shape();
        ops.put(n.name(), n.op().withParameters(p.with(Parameters.BIAS, std == 0f ? Tensor.zeros(s)
            : Tensor.randomNormal(s, std, r))));
      }
    }
    return g.withOps(ops);
  }

  private static Tensor lrp(Graph g, Composite c, Tensor x) {
    return Lrp.of(c).prepare(g).explain(x, Target.argmax()).relevance();
  }

  @Test
  void theDocumentShowsEveryExampleVerbatim() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "extending.md"));
    for (String example : EXAMPLES) {
      String source = Files.readString(SOURCES.resolve(example + ".java"));
      String code = source.substring(source.indexOf("import ")).stripTrailing();
      assertTrue(doc.contains("```java\n" + code + "\n```"), "docs/extending.md must show " + example
          + ".java from its first import, verbatim");
    }
  }

  @Test
  void anOpHasValuesAndAFiniteDifferenceCheckedBackward() {
    Tensor x = Tensor.vector(-1f, 0f, 1f, 3f);
    Tensor y = new Mish().forward(List.of(x));
    double[] expected = {-0.30340146137410895, 0.0, 0.8650983882673103, 2.9865350049679575};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], y.getFlat(i), 1e-6, "mish at " + x.getFlat(i));
    }
    GradientCheck.standard().check(new Mish(), Tensor.randomNormal(Shape.of(3, 5), 2f, new Random(1)));
  }

  @Test
  void aMethodMatchesItsReference() {
    Graph g = mlp(true);
    Tensor x = Tensor.randomNormal(Shape.of(3, 6), 1f, new Random(2));
    Attribution abs = new AbsoluteGradient().prepare(g).explain(x, Target.argmax());
    Attribution grad = Gradient.plain().prepare(g).explain(x, Target.argmax());
    assertEquals(0f, abs.relevance().maxAbsDifference(grad.relevance().map(Math::abs)), 0f);
    assertEquals(0f, abs.at("relu1").maxAbsDifference(grad.at("relu1").map(Math::abs)), 0f);
    assertTrue(abs.relevance().min() >= 0f && abs.relevance().maxAbs() > 0f);
    // Captum's Saliency (abs=False) on the shared reference MLP, taken absolute.
    Graph ref = OnnxImporter.read(ReferenceFiles.model("mlp"));
    for (int k = 0; k < 2; k++) {
      Tensor expected = ReferenceFiles.attribution("mlp", k, "captum__Saliency").float32().map(Math::abs);
      Tensor got = new AbsoluteGradient().prepare(ref).explain(ReferenceFiles.input("mlp", k), Target.argmax())
          .relevance();
      assertEquals(0f, got.reshape(expected.shape()).maxAbsDifference(expected), 1e-6f * expected.maxAbs());
    }
  }

  @Test
  void aUserRuleWrittenLikeEpsilonGivesEpsilonsNumbers() {
    Composite mine = Composites.epsilonPlus().prepend(Assignment.byGroup(OpGroup.LINEAR,
        new MyEpsilon(Stabilizer.DEFAULT_EPSILON)));
    Composite builtIn = Composites.epsilonPlus().prepend(Assignment.byGroup(OpGroup.LINEAR, LinearRule.epsilon()));
    for (Graph g : List.of(mlp(true), convNet())) {
      Tensor x = Tensor.randomNormal(g.inputs().get(0).shapeForBatch(2), 1f, new Random(3));
      Tensor expected = lrp(g, builtIn, x);
      assertEquals(0f, lrp(g, mine, x).maxAbsDifference(expected), 1e-5f * expected.maxAbs());
    }
    assertEquals(Optional.of(new MyEpsilon(1e-6)), mine.resolve(mlp(true)).ruleOf("fc2"));
    // Zennit's EpsilonPlus on the shared reference MLP (every dense layer Epsilon).
    Graph ref = OnnxImporter.read(ReferenceFiles.model("mlp"));
    for (int k = 0; k < 2; k++) {
      Tensor zennit = ReferenceFiles.attribution("mlp", k, "zennit__EpsilonPlus").float32();
      Tensor got = lrp(ref, mine, ReferenceFiles.input("mlp", k));
      assertEquals(0f, got.reshape(zennit.shape()).maxAbsDifference(zennit), 1e-4f * zennit.maxAbs());
    }
  }

  @Test
  void aUserRuleConservesOnBiasFreeLayers() {
    Graph g = mlp(false);
    Tensor x = Tensor.randomNormal(Shape.of(4, 6), 1f, new Random(4));
    Composite mine = Composites.epsilonPlus().prepend(Assignment.byGroup(OpGroup.DENSE, new MyEpsilon(1e-9)));
    Attribution a = Lrp.of(mine).prepare(g).explain(x, Target.argmax());
    int[] targets = Target.Argmax.argmaxPerSample(a.output());
    for (int n = 0; n < 4; n++) {
      double logit = a.output().get(n, targets[n]);
      assertEquals(logit, a.relevance().slice0(n, n + 1).sum(), 1e-5 * Math.abs(logit), "sample " + n);
    }
  }

  @Test
  void aUserRuleFailsNamingTheNode() {
    assertThrows(IllegalArgumentException.class, () -> new MyEpsilon(-1));
    Composite onRelu = Composites.epsilonPlus().prepend(Assignment.byName("relu1", new MyEpsilon(0.1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lrp.of(onRelu).prepare(mlp(true)));
    assertEquals("MyEpsilon applies to Conv, ConvTranspose and Gemm; node 'relu1' is Relu", e.getMessage());
    NodeRule broken = new NodeRule() {
      @Override
      public BackwardRule bind(Node node) {
        return (n, ctx, relevance) -> {
          throw new IllegalArgumentException("no relevance today");
        };
      }

      @Override
      public String toString() {
        return "Broken";
      }
    };
    Composite failing = Composites.epsilonPlus().prepend(Assignment.byName("fc2", broken));
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> Lrp.of(failing)
        .prepare(mlp(true)).explain(Tensor.zeros(Shape.of(1, 6)), Target.classes(0)));
    assertEquals("backward of node 'fc2' (Gemm, rule Broken, input shapes [[1, 8]]): no relevance today",
        f.getMessage());
  }

  @Test
  void aCompositeResolvesAsWrittenAndFirstMatchWins() {
    RuleTable t = MyComposites.flatGammaMyEpsilon().resolve(convNet());
    assertEquals(Optional.of(LinearRule.flat()), t.ruleOf("conv1"));
    assertEquals(Optional.of(LinearRule.gamma(LinearRule.DEFAULT_GAMMA)), t.ruleOf("conv2"));
    assertEquals(Optional.of(new MyEpsilon(1e-6)), t.ruleOf("fc"));
    assertEquals(Optional.of(new PassRule()), t.ruleOf("relu2"));
    Tensor x = Tensor.randomNormal(Shape.of(2, 2, 6, 6), 1f, new Random(5));
    Tensor r = lrp(convNet(), MyComposites.flatGammaMyEpsilon(), x);
    assertEquals(x.shape(), r.shape());
    assertTrue(r.maxAbs() > 0f);
  }

  @Test
  void aCanonizerKeepsTheOutputs() {
    GraphBuilder b = Graph.builder().seed(14);
    String x = b.input("x", -1, 6);
    String h = b.add("drop", new Dropout(0.5f), b.linear("fc1", x, 6, 8));
    h = b.add("same", new Identity(), b.relu("relu1", h));
    Graph g = b.output(b.linear("fc2", h, 8, 4)).build();
    Graph canonized = new DropNoOps().apply(g);
    assertFalse(canonized.hasNode("drop") || canonized.hasNode("same"));
    assertEquals(List.of("fc1"), canonized.node("relu1").inputs());
    Tensor in = Tensor.randomNormal(Shape.of(3, 6), 1f, new Random(6));
    assertEquals(0f, canonized.forward(in).output().maxAbsDifference(g.forward(in).output()), 0f);
    assertTrue(new DropNoOps().apply(canonized) == canonized, "a graph without no-ops is returned as it is");
  }
}
