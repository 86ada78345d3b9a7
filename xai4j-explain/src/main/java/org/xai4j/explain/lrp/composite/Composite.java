package org.xai4j.explain.lrp.composite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;

/**
 * An ordered list of rule {@link Assignment}s; for every node the first matching one wins, nodes
 * that none matches get the rule the graph's structure implies ({@link StructuralRules}, AttnLRP
 * for attention), and the rest keep the op's gradient. Resolving a composite against a graph is a pure
 * function ({@link #resolve}). The presets in {@link Composites} follow Zennit's definitions.
 *
 * @param name a name for printing
 * @param assignments the assignments, in priority order
 */
public record Composite(String name, List<Assignment> assignments) {
  /** Validates and copies the assignments. */
  public Composite {
    if (name == null || name.isBlank() || assignments == null) {
      throw new IllegalArgumentException("a composite needs a name and a list of assignments");
    }
    assignments = List.copyOf(assignments);
  }

  /** This composite with {@code first} taking priority over its own assignments (user maps go first). */
  public Composite prepend(Assignment... first) {
    List<Assignment> all = new ArrayList<>(List.of(first));
    all.addAll(assignments);
    return new Composite(name, all);
  }

  /**
   * The rule of every node of {@code graph}.
   *
   * @throws IllegalArgumentException listing every convolution or dense node (op group
   *     {@link OpGroup#LINEAR}) that no assignment covers
   */
  public RuleTable resolve(Graph graph) {
    List<RuleTable.Row> rows = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<String, DerivedAssignment> derived = StructuralRules.of(graph, StructuralRules.Attention.ATTN_LRP);
    for (Node node : graph.nodes()) {
      Optional<Assignment> match = assignments.stream().filter(a -> a.matches(node, graph)).findFirst()
          .or(() -> Optional.ofNullable(derived.get(node.name())));
      rows.add(new RuleTable.Row(node.name(), node.op().type(), match));
      if (match.isEmpty() && OpGroup.LINEAR.contains(node.op())) {
        missing.add("'" + node.name() + "' (" + node.op().type() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("composite " + name + " assigns no rule to the linear node(s) "
          + String.join(", ", missing));
    }
    return new RuleTable(name, rows);
  }

  @Override
  public String toString() {
    return name;
  }
}
