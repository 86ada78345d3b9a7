package org.xai4j.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.op.Reshape;
import org.xai4j.tensor.Shape;

/**
 * Composes two graphs into one: the output of {@code first} feeds the only input of {@code second},
 * so that {@code second(first(x))} is one graph with one forward pass and one reverse pass (for
 * example a decoder followed by a classifier, for activation maximization in code space). Every
 * value of each graph is renamed with its prefix, so graphs exported with the same node names
 * (two ONNX files from one exporter) do not collide. When {@code first}'s output has the same number
 * of values per sample as {@code second}'s input but another shape (a generator emitting
 * {@code [N, 784]} for a classifier of {@code [N, 1, 28, 28]}), a {@code Reshape} node
 * {@code <secondPrefix>reshape_input} adapts it.
 */
public final class GraphChain {
  /** Name (after the second prefix) of the node that reshapes the first graph's output, when one is needed. */
  public static final String RESHAPE = "reshape_input";

  private GraphChain() {}

  /**
   * The composition {@code second(first(x))}.
   *
   * @param first a graph with exactly one output
   * @param second a graph with exactly one input, whose extents other than the batch axis are known
   * @param firstPrefix prepended to every value name of {@code first}
   * @param secondPrefix prepended to every value name of {@code second}; must differ from {@code firstPrefix}
   * @throws IllegalArgumentException if the graphs do not have one output and one input, or the
   *     output of {@code first} does not have as many values per sample as {@code second} expects
   *     (naming both shapes)
   */
  public static Graph of(Graph first, Graph second, String firstPrefix, String secondPrefix) {
    if (firstPrefix.equals(secondPrefix)) {
      throw new IllegalArgumentException("the two graphs need different prefixes, got '" + firstPrefix + "' twice");
    }
    if (first.outputs().size() != 1) {
      throw new IllegalArgumentException("the first graph must have exactly one output, it has " + first.outputs());
    }
    if (second.inputs().size() != 1) {
      throw new IllegalArgumentException("the second graph must have exactly one input, it has "
          + second.inputs().size());
    }
    GraphInput target = second.inputs().get(0);
    Map<String, Shape> inputShapes = new HashMap<>();
    for (GraphInput in : first.inputs()) {
      inputShapes.put(in.name(), in.shapeForBatch(1));
    }
    Shape produced = first.inferShapes(inputShapes).get(first.outputs().get(0));
    Shape expected = target.shapeForBatch(1);
    List<GraphInput> inputs = new ArrayList<>();
    for (GraphInput in : first.inputs()) {
      inputs.add(new GraphInput(firstPrefix + in.name(), in.dims()));
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : first.nodes()) {
      nodes.add(renamed(n, firstPrefix, Map.of()));
    }
    String feed = firstPrefix + first.outputs().get(0);
    if (!produced.equals(expected)) {
      if (produced.size() != expected.size() || produced.dim(0) != 1) {
        throw new IllegalArgumentException("the first graph's output '" + first.outputs().get(0) + "' has shape "
            + produced + " at batch 1, the second graph's input '" + target.name() + "' expects " + expected);
      }
      int[] dims = target.dims();
      dims[0] = -1;
      nodes.add(new Node(secondPrefix + RESHAPE, Reshape.of(dims), List.of(feed)));
      feed = secondPrefix + RESHAPE;
    }
    for (Node n : second.nodes()) {
      nodes.add(renamed(n, secondPrefix, Map.of(target.name(), feed)));
    }
    List<String> outputs = second.outputs().stream().map(o -> secondPrefix + o).toList();
    return Graph.of(inputs, nodes, outputs);
  }

  private static Node renamed(Node n, String prefix, Map<String, String> substitutes) {
    List<String> inputs = n.inputs().stream().map(i -> substitutes.getOrDefault(i, prefix + i)).toList();
    return new Node(prefix + n.name(), n.op(), inputs);
  }
}
