package org.xai4j.explain.lrp.composite;

import org.xai4j.explain.lrp.NodeRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;

/**
 * The rule that the structure of a graph gives one node ({@link StructuralRules}), with the
 * reason, which {@code --rules} prints in its "assigned by" column.
 *
 * @param node the node's name
 * @param rule its rule
 * @param role the structure recognised, in a few words, for example {@code x*f(x) activation}
 * @param reason why the node gets it, for example {@code x * f(x): element-wise activation of 'a'}
 */
public record DerivedAssignment(String node, NodeRule rule, String role, String reason) implements Assignment {
  /** Rejects missing parts. */
  public DerivedAssignment {
    if (node == null || rule == null || role == null || role.isBlank() || reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a derived assignment needs a node, a rule, a role and a reason");
    }
  }

  @Override
  public java.util.function.Predicate<Node> selector(Graph graph) {
    return candidate -> candidate.name().equals(node);
  }

  @Override
  public String toString() {
    return reason;
  }
}
