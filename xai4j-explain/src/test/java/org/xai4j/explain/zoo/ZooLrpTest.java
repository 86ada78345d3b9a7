package org.xai4j.explain.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.explain.Target;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.ConservationReport;
import org.xai4j.explain.lrp.LrpRun;
import org.xai4j.explain.lrp.LinearRule;
import org.xai4j.explain.lrp.composite.Assignment;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.OpGroup;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.RuleTable;
import org.xai4j.explain.lrp.composite.StructuralRules;
import org.xai4j.explain.lrp.composite.UnmodifiedMergedBias;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.backprop.NodeRules;
import org.xai4j.io.Npy;
import org.xai4j.op.Constant;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Tensor;

/**
 * LRP on every export of the test zoo, canonized as Zennit canonizes (batch norms merged, residual
 * sums), under {@code EpsilonPlusFlat} and {@code EpsilonAlpha2Beta1Flat} with the rules the graph
 * structure implies elsewhere ({@link StructuralRules}):
 *
 * <ul>
 *   <li>every node has a rule (no node keeps a silent gradient) and no relevance anywhere is NaN or
 *       infinite;
 *   <li>where Zennit supports the architecture, the relevance matches Zennit's float64 relevance
 *       (made with Zennit master {@code 6b0bbdf}, so with {@link UnmodifiedMergedBias}) within
 *       {@value #ZENNIT_FACTOR} times Zennit's own float32 error, and at least {@value #ZENNIT_FLOOR};
 *   <li>the bias-free variant (every bias and every added constant that relevance reaches set to
 *       zero), explained with rules that conserve ({@link #conserving}), conserves relevance at
 *       every layer: what each node's rule passes to its inputs sums to what reached its output,
 *       within {@value #CONSERVATION_TOLERANCE} of the seed.
 * </ul>
 *
 * Each run prints the conservation of the input relevance (its sum over the target logit) and the
 * rules used; {@code ZooTable} turns these lines into {@code docs/zoo-table.md}.
 */
class ZooLrpTest {
  static final double ZENNIT_FACTOR = 10;
  static final double ZENNIT_FLOOR = 1e-4;
  static final double CONSERVATION_TOLERANCE = 1e-3;
  private static final java.util.Set<String> BIAS_LIKE = java.util.Set.of("Add", "Sub", "Expand", "DynamicExpand");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (ZooModel m : ZooModel.all()) {
      for (int opset : m.opsets()) {
        for (String composite : List.of("EpsilonPlusFlat", "EpsilonAlpha2Beta1Flat")) {
          out.add(Arguments.of(m, opset, composite));
        }
      }
    }
    return out.stream();
  }

  static Composite composite(String name) {
    return name.equals("EpsilonPlusFlat") ? Composites.epsilonPlusFlat() : Composites.epsilonAlpha2Beta1Flat();
  }

  @ParameterizedTest(name = "{0} opset {1} {2}")
  @MethodSource("cases")
  void explainsFiniteAndMatchesZennitWhereItHasAReference(ZooModel model, int opset, String compositeName) {
    Graph original = model.graph(opset);
    Graph graph = Canonizers.standard().apply(original);
    Composite composite = UnmodifiedMergedBias.of(composite(compositeName), original, graph);
    LrpRun lrp = LrpRun.of(graph, composite);
    RuleTable rules = lrp.rules();
    List<String> uncovered = rules.rows().stream()
        .filter(r -> r.rule().isEmpty() && !(graph.node(r.node()).op() instanceof Constant))
        .map(r -> r.node() + " (" + r.opType() + ")").toList();
    assertEquals(List.of(), uncovered, "nodes without a rule");
    Tensor x = model.input();
    int[] targets = model.targets();
    LrpRun.Result r = lrp.explain(x, targets);
    ConservationReport report = r.conservation();
    for (ConservationReport.Row row : report.rows()) {
      assertTrue(isFinite(r.relevanceAt(row.value())), model + " opset " + opset + ": relevance at '"
          + row.value() + "' (" + row.op() + ") is not finite");
    }
    double[] ratios = report.row(graph.inputs().get(0).name()).ratios();
    String zennit = "-";
    if (model.zennitComposites().contains(compositeName) && comparableWithZennit(model, original)) {
      double error = relativeError(r.relevance(), model.zennit(compositeName));
      double bound = Math.max(ZENNIT_FACTOR * model.zennitFloat32Error(compositeName), ZENNIT_FLOOR);
      zennit = String.format("%.2e (Zennit float32 %.2e)", error, model.zennitFloat32Error(compositeName));
      assertTrue(error <= bound, model + " opset " + opset + " " + compositeName + ": " + error + " from Zennit, above "
          + bound);
    }
    System.out.printf("zoo-lrp %s opset %d %s: conservation %s; vs Zennit %s; rules %s%n", model, opset,
        compositeName, format(ratios), zennit, usedRules(rules));
  }

  @ParameterizedTest(name = "{0} opset {1}")
  @MethodSource("org.xai4j.explain.zoo.ZooForwardTest#exports")
  void biasFreeVariantConservesRelevanceAtEveryLayer(ZooModel model, int opset) {
    LayerGap gap = biasFreeLayerGap(model, opset);
    System.out.printf("zoo-lrp %s opset %d bias-free: every layer conserves within %.2e of the seed (worst %s); "
        + "input/seed %.6f%n", model, opset, gap.worst(), gap.where(), gap.inputRatio());
    assertTrue(gap.worst() <= CONSERVATION_TOLERANCE, model + " opset " + opset + ": bias-free layer conservation off by "
        + gap.worst() + " at " + gap.where());
  }

  /**
   * The largest difference, over the nodes of the bias-free variant, between the relevance a node's
   * rule passes to its inputs and the relevance at its output, relative to the seed.
   *
   * @param worst that difference
   * @param where the node, its op and rule
   * @param inputRatio the input relevance over the seed
   */
  record LayerGap(double worst, String where, double inputRatio) {}

  /** Layer gaps already computed in this JVM, by export; {@code ZooTableTest} reuses them. */
  private static final Map<String, LayerGap> GAPS = new java.util.concurrent.ConcurrentHashMap<>();

  static LayerGap biasFreeLayerGap(ZooModel model, int opset) {
    return GAPS.computeIfAbsent(model + "@" + opset, key -> computeLayerGap(model, opset));
  }

  private static LayerGap computeLayerGap(ZooModel model, int opset) {
    Graph canonized = Canonizers.standard().apply(model.graph(opset));
    Composite composite = conserving(canonized);
    Tensor x = model.input();
    Graph biasFree = withoutBiases(canonized, LrpRun.of(canonized, composite).explain(x, Target.argmax(), true));
    LrpRun lrp = LrpRun.of(biasFree, composite);
    LrpRun.Result r = lrp.explain(x, Target.argmax(), true);
    NodeRules bound = lrp.rules().bind(biasFree);
    double seed = r.seed().sum();
    double worst = 0;
    String where = "-";
    for (Node n : biasFree.nodes()) {
      if (!reached(r, n.name()) || bound.ruleFor(n).isEmpty()) {
        continue;
      }
      Tensor out = r.relevanceAt(n.name());
      List<Tensor> inputs = r.trace().inputsOf(n);
      List<Boolean> needs = n.inputs().stream().map(v -> reached(r, v)).toList();
      Gradients back = bound.ruleFor(n).get().backward(n, new BackwardContext(inputs, r.trace().get(n.name()), needs,
          false), out);
      double in = 0;
      for (int k = 0; k < inputs.size(); k++) {
        if (needs.get(k) && back.input(k) != null) {
          in += back.input(k).sum();
        }
      }
      double gap = Math.abs(in - out.sum()) / Math.abs(seed);
      if (gap > worst) {
        worst = gap;
        where = n.name() + " (" + n.op().type() + ", " + lrp.rules().ruleOf(n.name()).get() + ")";
      }
    }
    return new LayerGap(worst, where, r.relevance().sum() / seed);
  }

  /**
   * Whether Zennit's relevance applies to this export. Zennit (master {@code 6b0bbdf}) adds the bias
   * that merging a batch norm gives a bias-free layer unmodified to every rule term; an export in
   * which PyTorch already folded the batch norms into torchvision's bias-free ResNet convolutions
   * has ordinary biases, and nothing in the file says they came from a batch norm, so no rule can
   * tell them apart (the relevance differs entirely on these ill-conditioned nets). The other
   * exports keep their batch norms or fold them into layers that had a bias.
   */
  static boolean comparableWithZennit(ZooModel model, Graph original) {
    boolean keepsBatchNorms = original.nodes().stream().anyMatch(n -> n.op().type().equals("BatchNormalization"));
    return keepsBatchNorms || !model.meta().get("zennit").elements().next().get("canonizers").asText().equals("resnet");
  }

  /**
   * A composite whose rules all conserve relevance on a bias-free graph: epsilon on every
   * convolution and dense layer (z+ loses the relevance of outputs without positive contributions,
   * which layers not followed by a ReLU, such as linear bottlenecks, pass on), attention by CP-LRP
   * (AttnLRP's softmax rule is not conservative), the structural rules elsewhere.
   */
  static Composite conserving(Graph graph) {
    return Composites.epsilonPlusFlat().prepend(StructuralRules.cpLrp(graph))
        .prepend(Assignment.byGroup(OpGroup.LINEAR, LinearRule.epsilon()));
  }

  /**
   * {@code graph} with every {@code bias} parameter zero, and zero every constant that is added to
   * or subtracted from a value that relevance reached (in {@code run}) or expanded into one (a
   * class token).
   */
  static Graph withoutBiases(Graph graph, LrpRun.Result run) {
    Map<String, Parameters> params = new HashMap<>();
    Graph g = graph;
    for (Node n : graph.nodes()) {
      Parameters p = n.op().parameters();
      if (p.has("bias")) {
        Map<String, Tensor> zeroed = new HashMap<>(p.asMap());
        zeroed.put("bias", Tensor.zeros(p.get("bias").shape()));
        params.put(n.name(), Parameters.of(zeroed));
      }
      String type = n.op().type();
      if (BIAS_LIKE.contains(type) && reached(run, n.name())) {
        for (String in : n.inputs()) {
          if (graph.nodes().stream().anyMatch(m -> m.name().equals(in)) && graph.node(in).op() instanceof Constant c) {
            g = g.withOp(in, new Constant(Tensor.zeros(c.value().shape())));
          }
        }
      }
    }
    return g.withParameters(params);
  }

  private static boolean reached(LrpRun.Result run, String value) {
    try {
      run.relevanceAt(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The distinct rules of a table, e.g. {@code [Flat, Gradient, Norm, Pass, ZPlus]}. */
  static String usedRules(RuleTable rules) {
    TreeSet<String> names = new TreeSet<>();
    rules.rows().forEach(r -> r.rule().ifPresent(rule -> names.add(rule.toString())));
    return String.join(", ", names);
  }

  private static String format(double[] ratios) {
    List<String> parts = new ArrayList<>();
    for (double v : ratios) {
      parts.add(String.format("%.4g", v));
    }
    return String.join(" ", parts);
  }

  static boolean isFinite(Tensor t) {
    for (float v : t.toArray()) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** {@code max |a - b| / max |b|} against a float64 reference. */
  static double relativeError(Tensor a, Npy.Float64Array b) {
    return ZooGradientTest.relativeError(a, b);
  }
}
