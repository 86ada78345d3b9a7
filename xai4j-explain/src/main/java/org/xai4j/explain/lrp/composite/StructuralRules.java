package org.xai4j.explain.lrp.composite;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xai4j.explain.lrp.GradientRule;
import org.xai4j.explain.lrp.LayerNormRule;
import org.xai4j.explain.lrp.NodeRule;
import org.xai4j.explain.lrp.NormRule;
import org.xai4j.explain.lrp.PassRule;
import org.xai4j.explain.lrp.ProductRule;
import org.xai4j.explain.lrp.SoftmaxRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.op.Constant;
import org.xai4j.op.Op;
import org.xai4j.op.UnaryElementwiseOp;
import org.xai4j.tensor.Shape;

/**
 * The LRP rules that a graph's structure implies, for every node that the op groups of a composite
 * leave open; {@link Composite#resolve} falls back to them, so modern blocks are explained from
 * the graph alone, with no per-architecture code. Each rule comes with its reason
 * ({@link DerivedAssignment}):
 *
 * <ul>
 *   <li>a {@code Mul} of a value {@code a} and an element-wise function of it, {@code a * f(a)}
 *       (SiLU {@code x * Sigmoid(x)}, the {@code Erf} and {@code Tanh} forms of GELU, HardSwish
 *       {@code x * HardSigmoid(x)}), is an element-wise activation of {@code a}: all relevance goes
 *       to {@code a} ({@link ProductRule#heldConstant}), none into {@code f};
 *   <li>a gating {@code Mul} (squeeze-excitation: the gate broadcasts, or is a Sigmoid, HardSigmoid,
 *       Tanh or Softmax output) passes the relevance to the signal with the gate held constant; a
 *       {@code Div} by a computed value (a decomposed normalization) holds the divisor constant;
 *   <li>other products of two computed values ({@code Mul}, attention's {@code MatMul}s) split it
 *       evenly (AttnLRP's uniform rule), and {@code Softmax} gets AttnLRP's rule
 *       ({@link SoftmaxRule}); with {@link Attention#CP_LRP} the attention weights are held constant
 *       instead;
 *   <li>{@code LayerNormalization} holds the standard deviation constant ({@link LayerNormRule});
 *       {@code LRN} holds its normalizer constant (relevance passes unchanged);
 *   <li>sums of computed values (residual connections, the centering of a decomposed LayerNorm),
 *       additions of constants (biases), products with constants (dense layers written as
 *       {@code MatMul} with a constant weight, scales) and averages get the Norm rule (for a
 *       constant factor it is the epsilon rule);
 *   <li>other element-wise functions of one value pass relevance unchanged; max pooling and ops
 *       that move or copy values (reshape, transpose, slice, gather, concatenation, padding) keep
 *       the gradient, which moves relevance with the values.
 * </ul>
 *
 * Nodes that only feed factors held constant receive no relevance; their reason says so.
 * Convolution and dense nodes are the composite's (none is derived here).
 */
public final class StructuralRules {
  /** How softmax attention is explained. */
  public enum Attention {
    /**
     * AttnLRP (Achtibat et al. 2024; the LXT library): the uniform rule on the query-key and
     * attention-value products, the softmax by its deep Taylor rule.
     */
    ATTN_LRP,
    /**
     * CP-LRP (Ali et al. 2022): the attention weights are held constant, relevance flows only
     * through the values.
     */
    CP_LRP
  }

  private static final Set<String> MOVES = Set.of("Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze",
      "Slice", "Gather", "Concat", "Split", "Pad", "Expand", "DynamicExpand", "Tile", "Where", "Identity", "Dropout");
  private static final Set<String> SUMS = Set.of("Add", "Sub", "Sum");
  private static final Set<String> AVERAGES = Set.of("AveragePool", "GlobalAveragePool", "ReduceMean", "ReduceSum");
  private static final Set<String> WINNER_TAKES_ALL = Set.of("MaxPool", "GlobalMaxPool", "ReduceMax");
  private static final Set<String> GATES = Set.of("Sigmoid", "HardSigmoid", "Tanh", "Softmax");
  private static final Set<String> LINEAR = Set.of("Conv", "ConvTranspose", "Gemm");
  private static final Set<String> ELEMENTWISE_BINARY = Set.of("Add", "Sub", "Mul", "Div", "Pow");

  private final Graph graph;
  private final Attention attention;
  private final Map<String, Node> nodes = new HashMap<>();
  private final Set<String> computed = new HashSet<>();
  private final Map<String, Shape> shapes;
  private final Map<String, String> roots = new HashMap<>();

  private StructuralRules(Graph graph, Attention attention) {
    this.graph = graph;
    this.attention = attention;
    for (GraphInput in : graph.inputs()) {
      computed.add(in.name());
    }
    for (Node n : graph.nodes()) {
      nodes.put(n.name(), n);
      if (!(n.op() instanceof Constant) && n.inputs().stream().anyMatch(computed::contains)) {
        computed.add(n.name());
      }
    }
    this.shapes = probeShapes(graph);
  }

  /** The extent taken for a dynamic dimension other than the batch when shapes are probed. */
  private static final int PROBE_EXTENT = 64;

  /**
   * Every value's shape for a batch of 1 and {@value #PROBE_EXTENT} for other dynamic dimensions, or
   * an empty map if the graph does not accept that input (shape checks are then skipped: binary ops
   * count as element-wise, no gate is recognised by broadcasting).
   */
  private static Map<String, Shape> probeShapes(Graph graph) {
    Map<String, Shape> in = new HashMap<>();
    for (GraphInput i : graph.inputs()) {
      int[] d = i.dims();
      for (int k = 0; k < d.length; k++) {
        d[k] = d[k] >= 0 ? d[k] : k == 0 ? 1 : PROBE_EXTENT;
      }
      in.put(i.name(), Shape.of(d));
    }
    try {
      return graph.inferShapes(in);
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  /**
   * The derived rule of every node this class covers, by node name, in graph order.
   *
   * @param graph the graph (with one or more inputs; a dynamic batch axis is taken as 1)
   * @param attention how softmax attention is explained
   */
  public static Map<String, DerivedAssignment> of(Graph graph, Attention attention) {
    return new StructuralRules(graph, attention).derive();
  }

  /**
   * The assignments that switch a graph's attention to CP-LRP, for prepending to a composite:
   * {@code composite.prepend(StructuralRules.cpLrp(graph))}. Empty for a graph without softmax
   * attention.
   */
  public static Assignment[] cpLrp(Graph graph) {
    Map<String, DerivedAssignment> attn = of(graph, Attention.ATTN_LRP);
    return of(graph, Attention.CP_LRP).values().stream()
        .filter(a -> !a.equals(attn.get(a.node())))
        .toArray(Assignment[]::new);
  }

  private Map<String, DerivedAssignment> derive() {
    Map<String, DerivedAssignment> out = new LinkedHashMap<>();
    Map<String, List<Integer>> receivers = new HashMap<>();
    for (Node n : graph.nodes()) {
      if (!computed.contains(n.name()) || LINEAR.contains(n.op().type())) {
        continue;
      }
      Derived d = classify(n);
      if (d != null) {
        out.put(n.name(), new DerivedAssignment(n.name(), d.rule(), d.role(), d.reason()));
        receivers.put(n.name(), d.receivers());
      }
    }
    Set<String> reached = reached(receivers);
    for (Map.Entry<String, DerivedAssignment> e : out.entrySet()) {
      if (!reached.contains(e.getKey())) {
        DerivedAssignment a = e.getValue();
        e.setValue(new DerivedAssignment(a.node(), a.rule(), a.role(), a.reason()
            + "; receives no relevance (it only feeds factors held constant)"));
      }
    }
    return out;
  }

  /** The values relevance reaches from the outputs, with each node passing it to its receivers. */
  private Set<String> reached(Map<String, List<Integer>> receivers) {
    Set<String> reached = new HashSet<>(graph.outputs());
    List<Node> list = graph.nodes();
    for (int i = list.size() - 1; i >= 0; i--) {
      Node n = list.get(i);
      if (!reached.contains(n.name())) {
        continue;
      }
      List<Integer> to = receivers.get(n.name());
      for (int k = 0; k < n.inputs().size(); k++) {
        String in = n.inputs().get(k);
        if (computed.contains(in) && (to == null || to.contains(k))) {
          reached.add(in);
        }
      }
    }
    return reached;
  }

  /** A derived rule, its role and reason, and the inputs it passes relevance to (null: every computed one). */
  private record Derived(NodeRule rule, String role, String reason, List<Integer> receivers) {}

  private Derived classify(Node n) {
    String type = n.op().type();
    List<Integer> dyn = computedInputs(n);
    if (type.equals("LayerNormalization")) {
      return all(new LayerNormRule(), "LayerNorm (std held constant)", "LayerNorm: standard deviation held constant, epsilon rule on the centering "
          + "(Ali et al. 2022)");
    }
    if (type.equals("Softmax")) {
      return all(new SoftmaxRule(), "AttnLRP softmax", "softmax: AttnLRP's deep Taylor rule (Achtibat et al. 2024)");
    }
    if (type.equals("LRN")) {
      return all(new PassRule(), "LRN (normalizer held constant)", "local response normalization: normalizer held constant, relevance passes "
          + "unchanged");
    }
    if (WINNER_TAKES_ALL.contains(type)) {
      return all(new GradientRule(), "max: winner takes all", "maximum: the winner takes all");
    }
    if (AVERAGES.contains(type)) {
      return all(new NormRule(), "average: Norm", "average or sum over positions: proportional split");
    }
    if (MOVES.contains(type)) {
      return all(new GradientRule(), "shape op: Gradient", "moves or copies values: relevance moves with them");
    }
    if (n.op() instanceof UnaryElementwiseOp || (type.equals("Pow") && dyn.equals(List.of(0)))) {
      return all(new PassRule(), "element-wise: Pass", "element-wise function: relevance passes unchanged");
    }
    if (SUMS.contains(type)) {
      return all(new NormRule(), dyn.size() > 1 ? "residual sum: Norm" : "bias: Norm", dyn.size() > 1 ? "sum of computed values (residual connection): proportional split"
          : "adds a constant (bias): proportional split, the constant absorbs its share");
    }
    if ((type.equals("Mul") || type.equals("Div") || type.equals("MatMul")) && dyn.size() == 1) {
      return all(new NormRule(), type.equals("MatMul") ? "dense MatMul: epsilon" : "constant scale: Norm",
          type.equals("MatMul") ? "dense layer (MatMul with a constant weight): epsilon rule"
          : "scales by a constant: relevance passes unchanged (Norm)");
    }
    if (type.equals("Div") && dyn.size() == 2) {
      return heldConstant(0, "divisor held constant", "divisor '" + n.inputs().get(1) + "' held constant (normalization)");
    }
    if (type.equals("Mul") && dyn.size() == 2) {
      return product(n);
    }
    if (type.equals("MatMul") && dyn.size() == 2) {
      return matMul(n);
    }
    return null;
  }

  private static Derived all(NodeRule rule, String role, String reason) {
    return new Derived(rule, role, reason, null);
  }

  private static Derived heldConstant(int signal, String role, String reason) {
    return new Derived(ProductRule.heldConstant(signal), role, reason, List.of(signal));
  }

  private static Derived uniform(String reason) {
    return new Derived(ProductRule.uniform(), "AttnLRP uniform product", reason, List.of(0, 1));
  }

  /** A {@code Mul} of two computed values: activation pattern, gate, or uniform product. */
  private Derived product(Node n) {
    String a = n.inputs().get(0);
    String b = n.inputs().get(1);
    for (int s = 0; s < 2; s++) {
      String signal = n.inputs().get(s);
      String other = n.inputs().get(1 - s);
      if (chain(other).contains(signal)) {
        return heldConstant(s, "x*f(x) activation", "'" + other + "' is an element-wise function of '" + signal + "': x * f(x) is an "
            + "element-wise activation (SiLU, GELU, HardSwish form), relevance to '" + signal + "'");
      }
    }
    String root = root(a);
    if (root.equals(root(b))) {
      for (int s = 0; s < 2; s++) {
        if (scaledRoot(n.inputs().get(s)).equals(root)) {
          return heldConstant(s, "x*f(x) activation", "both factors are element-wise functions of '" + root + "': an element-wise "
              + "activation (GELU form), relevance to the scaled '" + root + "'");
        }
      }
    }
    int sizeA = shapes.isEmpty() ? 0 : shapes.get(a).size();
    int sizeB = shapes.isEmpty() ? 0 : shapes.get(b).size();
    if (sizeA != sizeB) {
      int gate = sizeA < sizeB ? 0 : 1;
      return heldConstant(1 - gate, "gate held constant", "gating: '" + n.inputs().get(gate) + "' (broadcast) held constant "
          + "(squeeze-excitation)");
    }
    for (int g = 0; g < 2; g++) {
      String producer = producerThroughMoves(n.inputs().get(g));
      if (producer != null && GATES.contains(nodes.get(producer).op().type())) {
        return heldConstant(1 - g, "gate held constant", "gating: '" + n.inputs().get(g) + "' (" + nodes.get(producer).op().type()
            + " output) held constant");
      }
    }
    return uniform("product of two computed values: uniform rule (AttnLRP)");
  }

  /** A {@code MatMul} of two computed values: attention. */
  private Derived matMul(Node n) {
    if (attention == Attention.CP_LRP) {
      for (int g = 0; g < 2; g++) {
        String producer = producerThroughMoves(n.inputs().get(g));
        if (producer != null && nodes.get(producer).op().type().equals("Softmax")) {
          return heldConstant(1 - g, "CP-LRP attention", "attention weights '" + n.inputs().get(g) + "' held constant (CP-LRP, "
              + "Ali et al. 2022)");
        }
      }
    }
    return uniform("product of two computed values (attention): uniform rule, epsilon on the sums (AttnLRP)");
  }

  private List<Integer> computedInputs(Node n) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < n.inputs().size(); k++) {
      if (computed.contains(n.inputs().get(k))) {
        out.add(k);
      }
    }
    return out;
  }

  /** The node that produces {@code value} through ops that only move values, or null for an input. */
  private String producerThroughMoves(String value) {
    Node n = nodes.get(value);
    while (n != null && MOVES.contains(n.op().type()) && !n.inputs().isEmpty()) {
      n = nodes.get(n.inputs().get(0));
    }
    return n == null ? null : n.name();
  }

  /**
   * The inputs of {@code value} when it is an element-wise function of one other value: a unary
   * element-wise op, or an element-wise binary op whose computed inputs have the output's shape
   * (with one constant operand, or two computed ones of one root); otherwise empty.
   */
  private List<String> elementwiseInputs(String value) {
    Node n = nodes.get(value);
    if (n == null) {
      return List.of();
    }
    Op op = n.op();
    if (op instanceof UnaryElementwiseOp) {
      return List.of(n.inputs().get(0));
    }
    if (!ELEMENTWISE_BINARY.contains(op.type())) {
      return List.of();
    }
    List<String> dyn = computedInputs(n).stream().map(k -> n.inputs().get(k)).toList();
    Shape out = shapes.get(value);
    if (dyn.isEmpty() || out != null && dyn.stream().anyMatch(v -> !out.equals(shapes.get(v)))) {
      return List.of();
    }
    if (op.type().equals("Pow") && !computed.contains(n.inputs().get(0))) {
      return List.of();
    }
    if (dyn.size() == 2 && !root(dyn.get(0)).equals(root(dyn.get(1)))) {
      return List.of();
    }
    return dyn;
  }

  /** The value that {@code value} is an element-wise function of, as far up as that holds. */
  private String root(String value) {
    String known = roots.get(value);
    if (known != null) {
      return known;
    }
    List<String> in = elementwiseInputs(value);
    String r = in.isEmpty() ? value : root(in.get(0));
    roots.put(value, r);
    return r;
  }

  /** Every value on the element-wise paths from {@code value} up to its root, both included. */
  private Set<String> chain(String value) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(value));
    while (!todo.isEmpty()) {
      String v = todo.pop();
      if (seen.add(v)) {
        todo.addAll(elementwiseInputs(v));
      }
    }
    return seen;
  }

  /** {@code value} with multiplications and divisions by constants taken off. */
  private String scaledRoot(String value) {
    String v = value;
    for (Node n = nodes.get(v); n != null; n = nodes.get(v)) {
      List<Integer> dyn = computedInputs(n);
      String type = n.op().type();
      boolean scaling = dyn.size() == 1 && (type.equals("Mul") || type.equals("Div") && dyn.get(0) == 0);
      if (!scaling) {
        break;
      }
      v = n.inputs().get(dyn.get(0));
    }
    return v;
  }
}
