package org.xai4j.visualize.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Conv;
import org.xai4j.op.Identity;
import org.xai4j.op.LeakyRelu;
import org.xai4j.op.Op;
import org.xai4j.op.Relu;
import org.xai4j.visualize.objective.Objective;

/**
 * Computes only the channels an objective reads: for every objective node of which the objective
 * reads only some channels ({@link Objective#channelsRead}), and which a 2-D convolution produces
 * through channel-wise ops only (ReLU, leaky ReLU, BatchNorm, identity), that convolution is replaced
 * by a {@link ChannelSubsetConv} of those channels. A channel objective on VGG-16's relu4_3 thus
 * computes one filter of conv4_3 instead of 512 in the forward pass and in the input gradient.
 *
 * <p>The channels read keep their exact values; the others hold what the channel-wise ops make of
 * zero. The rewrite is skipped where any other node that the objective needs (or the node itself
 * feeding one) uses the convolution's output or a value between it and the objective node.
 */
final class ChannelPruning {
  private ChannelPruning() {}

  /** The graph with the convolutions under channel-restricted objective nodes restricted too. */
  static Graph apply(Graph graph, Objective objective) {
    Set<String> targets = objective.nodes();
    Set<String> needed = ancestors(graph, targets);
    Graph out = graph;
    for (String node : targets) {
      Optional<SortedSet<Integer>> read = objective.channelsRead(node);
      if (read.isEmpty()) {
        continue;
      }
      List<String> chain = chainToConv(graph, node);
      if (chain == null || !usedOnlyAlongTheChain(graph, chain, targets, needed)) {
        continue;
      }
      String convName = chain.get(chain.size() - 1);
      Conv conv = (Conv) graph.node(convName).op();
      int[] channels = read.get().stream().mapToInt(Integer::intValue).toArray();
      if (conv.spatialRank() != 2 || channels[channels.length - 1] >= conv.weight().shape().dim(0)
          || channels[0] < 0 || channels.length == conv.weight().shape().dim(0)) {
        continue; // an out-of-range channel is reported by the objective itself
      }
      out = out.withOp(convName, ChannelSubsetConv.of(conv, channels));
    }
    return out;
  }

  /** The nodes from {@code node} down to the convolution producing it through channel-wise ops, or null. */
  private static List<String> chainToConv(Graph graph, String node) {
    List<String> chain = new ArrayList<>();
    String v = node;
    while (isNode(graph, v)) {
      Node n = graph.node(v);
      chain.add(v);
      Op op = n.op();
      if (op instanceof Conv) {
        return chain;
      }
      if (!(op instanceof Relu || op instanceof LeakyRelu || op instanceof BatchNormalization || op instanceof Identity)
          || n.inputs().size() != 1) {
        return null;
      }
      v = n.inputs().get(0);
    }
    return null;
  }

  /**
   * Whether the values of the chain below the objective node are read only by the next node up the
   * chain, and the objective node by nothing else the objective needs.
   */
  private static boolean usedOnlyAlongTheChain(Graph graph, List<String> chain, Set<String> targets,
      Set<String> needed) {
    for (int i = 0; i < chain.size(); i++) {
      String value = chain.get(i);
      if (i > 0 && targets.contains(value)) {
        return false;
      }
      for (Node consumer : graph.consumers(value)) {
        boolean next = i > 0 && consumer.name().equals(chain.get(i - 1));
        if (!next && needed.contains(consumer.name())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The targets and every node they depend on. */
  private static Set<String> ancestors(Graph graph, Collection<String> targets) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(targets);
    while (!todo.isEmpty()) {
      String v = todo.pop();
      if (seen.add(v) && isNode(graph, v)) {
        todo.addAll(graph.node(v).inputs());
      }
    }
    return seen;
  }

  private static boolean isNode(Graph graph, String value) {
    return graph.inputs().stream().noneMatch(i -> i.name().equals(value)) && graph.hasValue(value);
  }
}
