package org.xai4j.explain.lrp.composite;

import java.util.regex.Pattern;
import org.xai4j.explain.lrp.NodeRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;

/**
 * One entry of a {@link Composite}: which nodes it covers and the rule they get. In a composite the
 * first matching assignment wins.
 */
public sealed interface Assignment permits Assignment.ByGroup, Assignment.FirstOf, Assignment.ByName,
    DerivedAssignment {
  /** The rule given to the matching nodes. */
  NodeRule rule();

  /** Whether this assignment covers {@code node} of {@code graph}. */
  boolean matches(Node node, Graph graph);

  /** Every node whose op is in {@code group}. */
  static Assignment byGroup(OpGroup group, NodeRule rule) {
    return new ByGroup(group, rule);
  }

  /** The first node of the graph (in graph order) whose op is in {@code group}. */
  static Assignment firstOf(OpGroup group, NodeRule rule) {
    return new FirstOf(group, rule);
  }

  /** Every node whose whole name matches the regular expression. */
  static Assignment byName(String regex, NodeRule rule) {
    return new ByName(regex, rule);
  }

  /**
   * Every node whose op belongs to a group.
   *
   * @param group the op group
   * @param rule the rule
   */
  record ByGroup(OpGroup group, NodeRule rule) implements Assignment {
    /** Rejects missing parts. */
    public ByGroup {
      requireParts(group, rule);
    }

    @Override
    public boolean matches(Node node, Graph graph) {
      return group.contains(node.op());
    }

    @Override
    public String toString() {
      return "group " + group;
    }
  }

  /**
   * The first node of a group in graph order: Zennit's special first layer (for example the first
   * convolution or dense layer in {@code EpsilonPlusFlat}).
   *
   * @param group the op group
   * @param rule the rule
   */
  record FirstOf(OpGroup group, NodeRule rule) implements Assignment {
    /** Rejects missing parts. */
    public FirstOf {
      requireParts(group, rule);
    }

    @Override
    public boolean matches(Node node, Graph graph) {
      return graph.nodes().stream().filter(n -> group.contains(n.op())).findFirst()
          .map(first -> first.name().equals(node.name())).orElse(false);
    }

    @Override
    public String toString() {
      return "first " + group;
    }
  }

  /**
   * Nodes by name.
   *
   * @param regex a regular expression the whole node name must match
   * @param rule the rule
   */
  record ByName(String regex, NodeRule rule) implements Assignment {
    /** Rejects missing parts and invalid expressions. */
    public ByName {
      requireParts(regex, rule);
      Pattern.compile(regex);
    }

    @Override
    public boolean matches(Node node, Graph graph) {
      return node.name().matches(regex);
    }

    @Override
    public String toString() {
      return "name ~ " + regex;
    }
  }

  private static void requireParts(Object selector, NodeRule rule) {
    if (selector == null || rule == null) {
      throw new IllegalArgumentException("an assignment needs a selector and a rule");
    }
  }
}
