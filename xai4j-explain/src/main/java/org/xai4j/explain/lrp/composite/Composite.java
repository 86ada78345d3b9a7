package org.xai4j.explain.lrp.composite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.op.Constant;

/**
 * An ordered list of rule {@link Assignment}s; for every node the first matching one wins, nodes
 * that none matches get the rule the graph's structure implies ({@link StructuralRules}, AttnLRP
 * for attention), and the rest keep the op's gradient. Resolving a composite against a graph is a
 * pure function ({@link #resolve}) linear in the graph's size. The presets in {@link Composites}
 * follow Zennit's definitions.
 *
 * <p>No silent rule gaps: a node that holds parameters (a weight layer, a normalization) or reads a
 * constant operand (a {@code MatMul} by a weight, an {@code Add} of a bias) but that neither an
 * assignment nor the graph's structure covers would silently get the plain gradient, so
 * {@link #resolve} fails listing every such node. {@link #withGradientWhereUncovered} opts out for
 * users who want the gradient there.
 *
 * @param name a name for printing
 * @param assignments the assignments, in priority order
 * @param gradientWhereUncovered whether uncovered nodes with parameters or constant operands keep
 *     the gradient instead of failing the resolution
 */
public record Composite(String name, List<Assignment> assignments, boolean gradientWhereUncovered) {
  /** Validates and copies the assignments. */
  public Composite {
    if (name == null || name.isBlank() || assignments == null) {
      throw new IllegalArgumentException("a composite needs a name and a list of assignments");
    }
    assignments = List.copyOf(assignments);
  }

  /** A composite that fails on uncovered nodes with parameters or constant operands. */
  public Composite(String name, List<Assignment> assignments) {
    this(name, assignments, false);
  }

  /** This composite with {@code first} taking priority over its own assignments (user maps go first). */
  public Composite prepend(Assignment... first) {
    List<Assignment> all = new ArrayList<>(List.of(first));
    all.addAll(assignments);
    return new Composite(name, all, gradientWhereUncovered);
  }

  /**
   * This composite keeping the plain gradient at nodes with parameters or constant operands that no
   * assignment covers, instead of failing.
   */
  public Composite withGradientWhereUncovered() {
    return new Composite(name, assignments, true);
  }

  /**
   * The rule of every node of {@code graph}, in time linear in its size.
   *
   * @throws IllegalArgumentException listing every node with parameters or a constant operand that
   *     no assignment covers (unless {@link #gradientWhereUncovered})
   */
  public RuleTable resolve(Graph graph) {
    List<Predicate<Node>> selectors = assignments.stream().map(a -> a.selector(graph)).toList();
    List<RuleTable.Row> rows = new ArrayList<>();
    List<String> uncovered = new ArrayList<>();
    Map<String, DerivedAssignment> derived = StructuralRules.of(graph, StructuralRules.Attention.ATTN_LRP);
    for (Node node : graph.nodes()) {
      Optional<Assignment> match = Optional.empty();
      for (int i = 0; i < selectors.size() && match.isEmpty(); i++) {
        if (selectors.get(i).test(node)) {
          match = Optional.of(assignments.get(i));
        }
      }
      if (match.isEmpty()) {
        match = Optional.ofNullable(derived.get(node.name()));
      }
      rows.add(new RuleTable.Row(node.name(), node.op().type(), match));
      if (match.isEmpty()) {
        needsRule(graph, node).ifPresent(uncovered::add);
      }
    }
    if (!uncovered.isEmpty() && !gradientWhereUncovered) {
      throw new IllegalArgumentException("composite " + name + " assigns no rule to " + uncovered.size()
          + " node(s) with parameters or constant operands, which would silently get the plain gradient: "
          + String.join(", ", uncovered) + "; add a rule for them (Composite.prepend) or keep the gradient there "
          + "(Composite.withGradientWhereUncovered, --gradient-where-uncovered)");
    }
    return new RuleTable(name, rows);
  }

  /** Why {@code node} needs a rule (its parameters, or its constant operands), or empty. */
  private static Optional<String> needsRule(Graph graph, Node node) {
    if (node.op() instanceof Constant) {
      return Optional.empty();
    }
    if (!node.op().parameters().isEmpty()) {
      return Optional.of("'" + node.name() + "' (" + node.op().type() + ", parameters "
          + node.op().parameters().names() + ")");
    }
    List<String> constants = node.inputs().stream()
        .filter(v -> graph.hasNode(v) && graph.node(v).op() instanceof Constant).map(v -> "'" + v + "'").toList();
    return constants.isEmpty() ? Optional.empty()
        : Optional.of("'" + node.name() + "' (" + node.op().type() + ", constant operand " + String.join(", ",
            constants) + ")");
  }

  @Override
  public String toString() {
    return name;
  }
}
