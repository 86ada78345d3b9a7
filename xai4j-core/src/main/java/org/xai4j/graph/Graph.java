package org.xai4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.limit.Limit;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * An immutable model: named inputs, nodes in topological order, and named outputs. Every value
 * (graph input or node output) has a unique name.
 *
 * <p>A graph is safe to share between threads. Rewrites (canonizers, imports, training updates)
 * build a new graph. A graph has at most {@link Limit#NODES} nodes, and {@link #forward} infers
 * each node's output shape (which checks {@link Limit#TENSOR_ELEMENTS}) before running its op.
 */
public final class Graph {
  private final List<GraphInput> inputs;
  private final List<Node> nodes;
  private final List<String> outputs;
  private final Map<String, Integer> valueIndex;
  private final Map<String, Node> nodeByName;
  /** Readers of each value, built on first use (the graph is immutable, so once is enough). */
  private volatile Map<String, List<Node>> consumersByValue;

  private Graph(List<GraphInput> inputs, List<Node> nodes, List<String> outputs) {
    Limit.NODES.check(nodes.size(), () -> "a graph of " + nodes.size() + " nodes");
    this.inputs = List.copyOf(inputs);
    this.nodes = List.copyOf(nodes);
    this.outputs = List.copyOf(outputs);
    Map<String, Integer> index = new HashMap<>();
    Map<String, Node> byName = new HashMap<>();
    for (GraphInput in : this.inputs) {
      if (index.put(in.name(), index.size()) != null) {
        throw new IllegalArgumentException("graph input '" + in.name() + "' is declared twice");
      }
    }
    for (Node n : this.nodes) {
      for (String src : n.inputs()) {
        if (!index.containsKey(src)) {
          throw new IllegalArgumentException("node '" + n.name() + "' (" + n.op().type()
              + ") reads '" + src + "', which is not a graph input or an earlier node");
        }
      }
      if (index.put(n.name(), index.size()) != null) {
        throw new IllegalArgumentException("value name '" + n.name() + "' is used twice");
      }
      byName.put(n.name(), n);
    }
    if (this.outputs.isEmpty()) {
      throw new IllegalArgumentException("a graph needs at least one output");
    }
    for (String out : this.outputs) {
      if (!index.containsKey(out)) {
        throw new IllegalArgumentException("graph output '" + out + "' is not a value of the graph");
      }
    }
    this.valueIndex = Collections.unmodifiableMap(index);
    this.nodeByName = Collections.unmodifiableMap(byName);
  }

  /**
   * A graph from its parts; nodes must be in topological order.
   *
   * @throws IllegalArgumentException naming the node and the value if an edge is dangling or a
   *     name repeats
   */
  public static Graph of(List<GraphInput> inputs, List<Node> nodes, List<String> outputs) {
    return new Graph(inputs, nodes, outputs);
  }

  /** A builder for graphs defined in Java. */
  public static GraphBuilder builder() {
    return new GraphBuilder();
  }

  /** The declared inputs. */
  public List<GraphInput> inputs() {
    return inputs;
  }

  /** The nodes in topological order. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The output value names. */
  public List<String> outputs() {
    return outputs;
  }

  /** The node of that name. */
  public Node node(String name) {
    Node n = nodeByName.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no node named '" + name + "' in the graph");
    }
    return n;
  }

  /** Whether {@code name} is a graph input or node output. */
  public boolean hasValue(String name) {
    return valueIndex.containsKey(name);
  }

  /** Number of values (inputs plus nodes). */
  public int valueCount() {
    return valueIndex.size();
  }

  /** The dense index of a value: inputs first, then nodes in order. */
  public int valueIndex(String name) {
    Integer i = valueIndex.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no value named '" + name + "' in the graph");
    }
    return i;
  }

  /** The nodes that read a value, in graph order (an index built once per graph: O(1) per call). */
  public List<Node> consumers(String value) {
    Map<String, List<Node>> index = consumersByValue;
    if (index == null) {
      Map<String, List<Node>> built = new HashMap<>();
      for (Node n : nodes) {
        for (String src : n.inputs().stream().distinct().toList()) {
          built.computeIfAbsent(src, k -> new ArrayList<>()).add(n);
        }
      }
      built.replaceAll((k, v) -> List.copyOf(v));
      consumersByValue = index = built;
    }
    return index.getOrDefault(value, List.of());
  }

  /** Whether a node of that name exists (a graph input is not a node). */
  public boolean hasNode(String name) {
    return nodeByName.containsKey(name);
  }

  /** Total number of scalar parameters. */
  public long parameterCount() {
    long c = 0;
    for (Node n : nodes) {
      c += n.op().parameters().count();
    }
    return c;
  }

  /** This graph with one node's op replaced. */
  public Graph withOp(String nodeName, Op op) {
    return withOps(Map.of(nodeName, op));
  }

  /**
   * This graph with the ops of several nodes replaced at once, building one new graph (rewrites of
   * many nodes stay linear in the graph's size).
   *
   * @throws IllegalArgumentException naming the node if it does not exist
   */
  public Graph withOps(Map<String, Op> byNode) {
    for (String name : byNode.keySet()) {
      node(name);
    }
    List<Node> copy = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      Op op = byNode.get(n.name());
      copy.add(op == null ? n : n.withOp(op));
    }
    return new Graph(inputs, copy, outputs);
  }

  /**
   * This graph with the parameters of several nodes replaced at once, building one new graph (for
   * example after a training step). Nodes not in the map keep their ops.
   *
   * @param byNode new parameters per node name, each with the names and shapes of that node's
   *     current parameters
   * @throws IllegalArgumentException naming the node if it does not exist, or naming the op and
   *     the parameter if names or shapes differ
   */
  public Graph withParameters(Map<String, Parameters> byNode) {
    for (String name : byNode.keySet()) {
      node(name);
    }
    List<Node> copy = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      Parameters p = byNode.get(n.name());
      copy.add(p == null ? n : n.withOp(n.op().withParameters(p)));
    }
    return new Graph(inputs, copy, outputs);
  }

  /** This graph with other outputs (for example a hidden node to read). */
  public Graph withOutputs(List<String> newOutputs) {
    return new Graph(inputs, nodes, newOutputs);
  }

  /**
   * The shape of every value for given input shapes, checking each op on the way.
   *
   * @throws IllegalArgumentException naming the node, its op and its input shapes on a mismatch
   */
  public Map<String, Shape> inferShapes(Map<String, Shape> inputShapes) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (GraphInput in : inputs) {
      Shape s = inputShapes.get(in.name());
      if (s == null) {
        throw new IllegalArgumentException("no shape given for graph input '" + in.name() + "'");
      }
      requireAccepted(in, s);
      shapes.put(in.name(), s);
    }
    for (Node n : nodes) {
      List<Shape> in = new ArrayList<>();
      for (String src : n.inputs()) {
        in.add(shapes.get(src));
      }
      try {
        shapes.put(n.name(), n.op().outputShape(in));
      } catch (IllegalArgumentException e) {
        throw NodeFailure.wrap(n, in, e);
      }
    }
    return shapes;
  }

  /**
   * Runs the graph on the given inputs and records every value.
   *
   * @throws IllegalArgumentException if an input is missing, has the wrong shape, or a node fails
   *     (the message names the node, its op type and its input shapes)
   */
  public Trace forward(Map<String, Tensor> feeds) {
    boolean[] all = new boolean[valueIndex.size()];
    Arrays.fill(all, true);
    return run(feeds, all, null);
  }

  /** Runs a graph that has exactly one input. */
  public Trace forward(Tensor input) {
    return forward(Map.of(onlyInput().name(), input));
  }

  /**
   * Runs only the part of the graph that the {@code targets} depend on: their ancestors, down to the
   * graph inputs they read. Nodes downstream of the targets or on branches no target reads are not
   * computed, so a feature visualization that reads a hidden layer pays only for the layers up to
   * it. The trace holds the computed values; asking it for any other value is an error. Only the
   * inputs the targets depend on need to be fed.
   *
   * @param feeds the tensors of (at least) the graph inputs the targets depend on
   * @param targets values (graph inputs or node outputs) to compute, at least one
   * @throws IllegalArgumentException if a target is not a value of the graph (listing the outputs),
   *     a needed input is missing or has the wrong shape, or a node fails
   */
  public Trace forward(Map<String, Tensor> feeds, Collection<String> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("forward to no targets: name at least one value to compute");
    }
    return run(feeds, ancestors(targets), List.copyOf(targets));
  }

  /** {@link #forward(Map, Collection)} for a graph that has exactly one input. */
  public Trace forward(Tensor input, Collection<String> targets) {
    return forward(Map.of(onlyInput().name(), input), targets);
  }

  /** Which values the targets depend on (the targets themselves included), by value index. */
  private boolean[] ancestors(Collection<String> targets) {
    boolean[] needed = new boolean[valueIndex.size()];
    for (String target : targets) {
      if (!valueIndex.containsKey(target)) {
        throw new IllegalArgumentException("'" + target + "' is not a value of the graph (outputs: " + outputs + ")");
      }
      needed[valueIndex.get(target)] = true;
    }
    int offset = inputs.size();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (needed[offset + i]) {
        for (String src : nodes.get(i).inputs()) {
          needed[valueIndex.get(src)] = true;
        }
      }
    }
    return needed;
  }

  private Trace run(Map<String, Tensor> feeds, boolean[] compute, List<String> targets) {
    for (String name : feeds.keySet()) {
      if (inputs.stream().noneMatch(i -> i.name().equals(name))) {
        throw new IllegalArgumentException("'" + name + "' is not an input of the graph; inputs are " + inputs);
      }
    }
    Tensor[] values = new Tensor[valueIndex.size()];
    for (GraphInput in : inputs) {
      int idx = valueIndex.get(in.name());
      Tensor t = feeds.get(in.name());
      if (t == null) {
        if (!compute[idx]) {
          continue;
        }
        throw new IllegalArgumentException("missing graph input '" + in.name() + "' (expected shape "
            + in + "); given " + feeds.keySet());
      }
      requireAccepted(in, t.shape());
      if (t.shape().size() == 0) {
        throw new IllegalArgumentException("graph input '" + in.name() + "' got an empty tensor " + t.shape()
            + "; give at least one sample");
      }
      values[idx] = t;
    }
    int offset = inputs.size();
    for (int i = 0; i < nodes.size(); i++) {
      if (!compute[offset + i]) {
        continue;
      }
      Node n = nodes.get(i);
      List<Tensor> args = new ArrayList<>(n.inputs().size());
      for (String src : n.inputs()) {
        args.add(values[valueIndex.get(src)]);
      }
      try {
        // The output shape first: it checks the inputs and the limits before the op allocates.
        n.op().outputShape(args.stream().map(Tensor::shape).toList());
        values[offset + i] = n.op().forward(args);
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw NodeFailure.wrap(n, args.stream().map(Tensor::shape).toList(), e);
      }
    }
    return new Trace(this, values, targets);
  }

  private GraphInput onlyInput() {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException("the graph has " + inputs.size() + " inputs " + inputs
          + "; pass a map from input name to tensor");
    }
    return inputs.get(0);
  }

  private static void requireAccepted(GraphInput in, Shape s) {
    if (!in.accepts(s)) {
      throw new IllegalArgumentException(
          "graph input '" + in.name() + "' expects shape " + in + ", got " + s);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Graph(inputs=").append(inputs).append(")\n");
    for (Node n : nodes) {
      sb.append("  ").append(n).append('\n');
    }
    return sb.append("  outputs=").append(outputs).toString();
  }
}
