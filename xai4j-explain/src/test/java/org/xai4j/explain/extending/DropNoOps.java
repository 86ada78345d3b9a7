package org.xai4j.explain.extending;

import java.util.HashMap;
import java.util.Map;
import org.xai4j.explain.canon.Canonizer;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphEdits;
import org.xai4j.graph.Node;
import org.xai4j.op.Dropout;
import org.xai4j.op.Identity;

/**
 * A canonizer: removes {@code Identity} and {@code Dropout} nodes (no-ops at inference), so that
 * the nodes around them are adjacent; whatever read such a node reads its input instead.
 */
public final class DropNoOps implements Canonizer {
  @Override
  public Graph apply(Graph graph) {
    Map<String, String> bypass = new HashMap<>();
    for (Node n : graph.nodes()) {
      if (n.op() instanceof Identity || n.op() instanceof Dropout) {
        bypass.put(n.name(), n.inputs().get(0));
      }
    }
    return bypass.isEmpty() ? graph : GraphEdits.bypass(graph, bypass);
  }
}
