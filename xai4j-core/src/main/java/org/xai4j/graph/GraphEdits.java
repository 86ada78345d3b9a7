package org.xai4j.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites of an immutable {@link Graph} shared by importers and canonizers, each one pass over the
 * graph (so a rewrite of many nodes stays linear in the graph's size).
 */
public final class GraphEdits {
  private GraphEdits() {}

  /**
   * {@code graph} without the nodes that are keys of {@code replacements}; every reader of a removed
   * node's value (nodes and graph outputs) reads its replacement instead (followed through chains of
   * removed nodes).
   *
   * @throws IllegalArgumentException if a removed name is not a node, or the result is not a valid
   *     graph
   */
  public static Graph bypass(Graph graph, Map<String, String> replacements) {
    for (String removed : replacements.keySet()) {
      graph.node(removed);
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (!replacements.containsKey(n.name())) {
        nodes.add(new Node(n.name(), n.op(), n.inputs().stream().map(s -> resolve(replacements, s)).toList()));
      }
    }
    List<String> outputs = graph.outputs().stream().map(s -> resolve(replacements, s)).toList();
    return Graph.of(graph.inputs(), nodes, outputs);
  }

  private static String resolve(Map<String, String> replacements, String value) {
    String v = value;
    for (int hops = 0; replacements.containsKey(v); hops++) {
      if (hops > replacements.size()) {
        throw new IllegalArgumentException("bypassed nodes replace each other in a cycle at '" + value + "'");
      }
      v = replacements.get(v);
    }
    return v;
  }

  /** Whether {@code value} is read only by {@code reader} (once) and is not a graph output. */
  public static boolean onlyFeeds(Graph graph, String value, Node reader) {
    List<Node> consumers = graph.consumers(value);
    return consumers.size() == 1 && consumers.get(0).name().equals(reader.name())
        && reader.inputs().stream().filter(value::equals).count() == 1 && !graph.outputs().contains(value);
  }
}
