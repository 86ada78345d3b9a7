package org.xai4j.explain.lrp.composite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.lrp.NodeRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.tensor.Tensor;

/**
 * A composite resolved against a graph: the rule of every node, in graph order, and the assignment
 * it came from. {@link #toString} prints it as a table; {@link #bind} prepares the rules for the
 * reverse pass.
 *
 * @param composite the composite's name
 * @param rows one row per node, in graph order
 */
public record RuleTable(String composite, List<Row> rows) {
  /** Copies the rows. */
  public RuleTable {
    rows = List.copyOf(rows);
  }

  /** The rule of a node, or empty when it keeps the op's gradient. */
  public Optional<NodeRule> ruleOf(String node) {
    return rows.stream().filter(r -> r.node().equals(node)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node named '" + node + "' in the rule table"))
        .rule();
  }

  /**
   * The executable rules for {@code graph} (the graph this table was resolved from), each prepared
   * once: modified weights are computed here, not per explanation. Each prints as its rule, so a
   * failure in the reverse pass names the node and the rule.
   */
  public NodeRules bind(Graph graph) {
    Map<String, BackwardRule> bound = new HashMap<>();
    for (Row row : rows) {
      Node node = graph.node(row.node());
      row.rule().ifPresent(rule -> bound.put(row.node(), new Bound(rule, rule.bind(node))));
    }
    return NodeRules.byName(bound);
  }

  /** A prepared rule that prints as the rule it was prepared from. */
  private record Bound(NodeRule rule, BackwardRule body) implements BackwardRule {
    @Override
    public Gradients backward(Node node, BackwardContext ctx, Tensor signal) {
      return body.backward(node, ctx, signal);
    }

    @Override
    public String toString() {
      return rule.toString();
    }
  }

  @Override
  public String toString() {
    int nodeWidth = "node".length();
    int typeWidth = "op".length();
    int ruleWidth = "rule".length();
    for (Row r : rows) {
      nodeWidth = Math.max(nodeWidth, r.node().length());
      typeWidth = Math.max(typeWidth, r.opType().length());
      ruleWidth = Math.max(ruleWidth, r.ruleText().length());
    }
    String format = "%-" + nodeWidth + "s  %-" + typeWidth + "s  %-" + ruleWidth + "s  %s%n";
    StringBuilder sb = new StringBuilder("composite ").append(composite).append('\n');
    sb.append(String.format(format, "node", "op", "rule", "assigned by"));
    for (Row r : rows) {
      sb.append(String.format(format, r.node(), r.opType(), r.ruleText(),
          r.assignment().map(Object::toString).orElse("-")));
    }
    return sb.toString();
  }

  /**
   * One node's assignment.
   *
   * @param node the node name
   * @param opType its op type
   * @param assignment the assignment that matched it, or empty (the op's gradient)
   */
  public record Row(String node, String opType, Optional<Assignment> assignment) {
    /** The assigned rule, or empty for the op's gradient. */
    public Optional<NodeRule> rule() {
      return assignment.map(Assignment::rule);
    }

    String ruleText() {
      return rule().map(Object::toString).orElse("(gradient)");
    }
  }
}
