package org.xai4j.backprop;

import java.util.Map;
import java.util.Optional;
import org.xai4j.graph.Node;

/**
 * Chooses, per node, a {@link BackwardRule} that overrides the op's own backward in
 * {@link Backprop}; an empty result keeps the gradient. This is the single extension point of all
 * explanation methods.
 */
@FunctionalInterface
public interface NodeRules {
  /** The override for a node, or empty to use the op's gradient. */
  Optional<BackwardRule> ruleFor(Node node);

  /** No overrides: the reverse pass computes plain gradients. */
  static NodeRules none() {
    return node -> Optional.empty();
  }

  /** Overrides for the named nodes; the map is copied. */
  static NodeRules byName(Map<String, BackwardRule> rules) {
    Map<String, BackwardRule> copy = Map.copyOf(rules);
    return node -> Optional.ofNullable(copy.get(node.name()));
  }

  /** One override for every node whose op has the given type (for example {@code "Relu"}). */
  static NodeRules byOpType(String opType, BackwardRule rule) {
    return node -> node.op().type().equals(opType) ? Optional.of(rule) : Optional.empty();
  }

  /** These rules, falling back to {@code other} for nodes they leave alone. */
  default NodeRules orElse(NodeRules other) {
    return node -> {
      Optional<BackwardRule> r = ruleFor(node);
      return r.isPresent() ? r : other.ruleFor(node);
    };
  }
}
