package org.xai4j.explain.canon;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;

/** Small rewrites of an immutable {@link Graph} shared by the canonizers. */
final class GraphEdits {
  private GraphEdits() {}

  /**
   * {@code graph} without node {@code removed}; every reader of its value (nodes and graph outputs)
   * reads {@code replacement} instead.
   */
  static Graph bypass(Graph graph, String removed, String replacement) {
    List<Node> nodes = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (n.name().equals(removed)) {
        continue;
      }
      List<String> inputs = n.inputs().stream().map(s -> s.equals(removed) ? replacement : s).toList();
      nodes.add(new Node(n.name(), n.op(), inputs));
    }
    List<String> outputs = graph.outputs().stream().map(s -> s.equals(removed) ? replacement : s).toList();
    return Graph.of(graph.inputs(), nodes, outputs);
  }

  /** Whether {@code value} is read only by {@code reader} and is not a graph output. */
  static boolean onlyFeeds(Graph graph, String value, Node reader) {
    List<Node> consumers = graph.consumers(value);
    return consumers.size() == 1 && consumers.get(0).name().equals(reader.name())
        && !graph.outputs().contains(value);
  }
}
