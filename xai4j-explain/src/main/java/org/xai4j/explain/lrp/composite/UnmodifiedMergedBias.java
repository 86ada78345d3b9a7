package org.xai4j.explain.lrp.composite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.xai4j.explain.lrp.BiasPolicy;
import org.xai4j.explain.lrp.LinearRule;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.op.Parameters;

/**
 * Reproduces how Zennit master after its PR #185 (the commit {@code 6b0bbdf} the reference files
 * were made with) treats a layer that had no bias before a batch norm was merged into it: the
 * merged bias is set on the module outside its registered parameters, so Zennit's parameter
 * modifiers never see it and every term of the layer's rule adds the full merged bias (Zennit's
 * issues #193 "BatchNorm loses bias relevance" and #194 "ResNet: Unstable Attributions"; Zennit
 * 0.5.1 modifies the merged bias like any other). For z+ that makes
 * {@code z = x+ w+ + x- w- + 2b}, for flat {@code z = count + b}.
 *
 * <p>This is not the LRP the rules define: use it to compare with results from that Zennit
 * version (on the canonized resnetish reference it turns a relative error of 1.0 into 3e-5).
 * Layers that had a bias before the merge, and layers without a merged batch norm, keep their
 * rules unchanged.
 */
public final class UnmodifiedMergedBias {
  private UnmodifiedMergedBias() {}

  /**
   * {@code composite} with the linear rule of every node that has a bias in {@code canonized} but
   * had none in {@code original} (same node name; batch norm merging keeps the layer's name)
   * replaced by {@link LinearRule#withBias}({@link BiasPolicy#KEEP}).
   *
   * @param composite the composite to adjust
   * @param original the graph before canonizing
   * @param canonized the canonized graph the composite will be resolved on
   */
  public static Composite of(Composite composite, Graph original, Graph canonized) {
    RuleTable table = composite.resolve(canonized);
    Set<String> biasFree = original.nodes().stream().filter(n -> !n.op().parameters().has(Parameters.BIAS))
        .map(Node::name).collect(Collectors.toSet());
    Map<LinearRule, Set<String>> byRule = new LinkedHashMap<>();
    for (RuleTable.Row row : table.rows()) {
      Node node = canonized.node(row.node());
      if (node.op().parameters().has(Parameters.BIAS) && biasFree.contains(node.name())
          && row.rule().orElse(null) instanceof LinearRule rule) {
        byRule.computeIfAbsent(rule.withBias(BiasPolicy.KEEP), r -> new HashSet<>()).add(node.name());
      }
    }
    List<Assignment> overrides = new ArrayList<>();
    byRule.forEach((rule, names) -> overrides.add(Assignment.named(names, rule)));
    return composite.prepend(overrides.toArray(Assignment[]::new));
  }
}
