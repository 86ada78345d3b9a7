package org.xai4j.explain.lrp.composite;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.xai4j.explain.lrp.NodeRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;

/**
 * One entry of a {@link Composite}: which nodes it covers and the rule they get. In a composite the
 * first matching assignment wins.
 */
public sealed interface Assignment
    permits Assignment.ByGroup, Assignment.FirstOf, Assignment.ByName, Assignment.Named, DerivedAssignment {
  /** The rule given to the matching nodes. */
  NodeRule rule();

  /**
   * Which nodes of {@code graph} this assignment covers, computed once per graph so that resolving
   * a composite takes time linear in the graph's size.
   */
  Predicate<Node> selector(Graph graph);

  /** Whether this assignment covers {@code node} of {@code graph} (one node; see {@link #selector}). */
  default boolean matches(Node node, Graph graph) {
    return selector(graph).test(node);
  }

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

  /** The nodes with exactly these names. */
  static Assignment named(Set<String> names, NodeRule rule) {
    return new Named(names, rule);
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
    public Predicate<Node> selector(Graph graph) {
      return node -> group.contains(node.op());
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
    public Predicate<Node> selector(Graph graph) {
      String first = graph.nodes().stream().filter(n -> group.contains(n.op())).findFirst().map(Node::name)
          .orElse(null);
      return node -> node.name().equals(first);
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
    public Predicate<Node> selector(Graph graph) {
      Pattern p = Pattern.compile(regex);
      return node -> p.matcher(node.name()).matches();
    }

    @Override
    public String toString() {
      return "name ~ " + regex;
    }
  }

  /**
   * Nodes by their exact names.
   *
   * @param names the node names
   * @param rule the rule
   */
  record Named(Set<String> names, NodeRule rule) implements Assignment {
    /** Rejects missing parts and copies the names. */
    public Named {
      requireParts(names, rule);
      names = Set.copyOf(names);
    }

    @Override
    public Predicate<Node> selector(Graph graph) {
      return node -> names.contains(node.name());
    }

    @Override
    public String toString() {
      return "names " + new java.util.TreeSet<>(names);
    }
  }

  private static void requireParts(Object selector, NodeRule rule) {
    if (selector == null || rule == null) {
      throw new IllegalArgumentException("an assignment needs a selector and a rule");
    }
  }
}
