package org.xai4j.visualize.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;

/** Checks that names are values of a graph, suggesting close matches for a mistyped one. */
public final class NodeNames {
  /** How many close matches an error lists. */
  static final int SUGGESTIONS = 5;

  private NodeNames() {}

  /**
   * Fails on the first name that is not a value of the graph.
   *
   * @throws IllegalArgumentException naming the unknown node and listing up to five close matches
   */
  public static void require(Graph graph, Collection<String> names) {
    for (String n : names) {
      if (!graph.hasValue(n)) {
        List<String> close = closeMatches(graph, n);
        throw new IllegalArgumentException("no node named '" + n + "' in the graph"
            + (close.isEmpty() ? "" : "; close matches: " + String.join(", ", close)));
      }
    }
  }

  /** The values of the graph nearest to {@code name}: containing it, or within a few edits. */
  public static List<String> closeMatches(Graph graph, String name) {
    List<String> all = new ArrayList<>();
    for (GraphInput in : graph.inputs()) {
      all.add(in.name());
    }
    for (Node node : graph.nodes()) {
      all.add(node.name());
    }
    String key = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, key.length() / 3);
    return all.stream()
        .filter(v -> v.toLowerCase(Locale.ROOT).contains(key) || distance(v.toLowerCase(Locale.ROOT), key) <= limit)
        .sorted(Comparator.comparingInt((String v) -> distance(v.toLowerCase(Locale.ROOT), key)).thenComparing(v -> v))
        .limit(SUGGESTIONS)
        .toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
