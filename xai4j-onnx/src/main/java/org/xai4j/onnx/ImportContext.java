package org.xai4j.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.limit.Limit;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.op.Constant;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The state of one import: what every ONNX value name stands for, the graph nodes emitted so far,
 * and shape inference for the probe extents of the dynamic dimensions. Converters read their inputs
 * here either as constants ({@link #constant}) or as graph values ({@link #dynamic}), and define
 * their output with {@link #emit} (a graph node, folded when all inputs are constant) or
 * {@link #defineStatic} (a folded constant).
 */
final class ImportContext {
  /**
   * Extents substituted for the first symbolic input dimension, one per probe. Two distinct values
   * let the importer tell which extents of a shape computation follow a dynamic dimension.
   */
  static final List<Integer> PROBE_EXTENTS = List.of(3, 5);
  /**
   * Distance between the probe extents of successive distinct symbols ({@code dim_param} names;
   * unnamed dynamic extents share one symbol), so that different symbols never share an extent.
   */
  static final int SYMBOL_SPACING = 4;

  private final String source;
  private final java.nio.file.Path baseDir;
  private final Map<String, Value> values = new HashMap<>();
  private final Map<String, String> unavailable = new HashMap<>();
  private final List<GraphInput> inputs = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Integer> symbols = new HashMap<>();
  private long tensorBytes;
  /** The graph values that are {@link Constant} nodes, for folding graph nodes of constants. */
  private final Map<String, Constant> constants = new HashMap<>();

  ImportContext(String source, java.nio.file.Path baseDir) {
    this.source = source;
    this.baseDir = baseDir;
  }

  /**
   * Declares a graph input; {@code -1} extents are dynamic, and {@code dimSymbols} names each
   * one's symbol (its {@code dim_param}, or the empty string when unnamed).
   */
  void addInput(String name, int[] dims, List<String> dimSymbols) {
    inputs.add(new GraphInput(name, dims));
    List<Shape> shapes = new ArrayList<>();
    for (int probe : PROBE_EXTENTS) {
      int[] d = dims.clone();
      for (int i = 0; i < d.length; i++) {
        if (d[i] < 0) {
          int symbol = symbols.computeIfAbsent(dimSymbols.get(i), k -> symbols.size());
          d[i] = probe + SYMBOL_SPACING * symbol;
        }
      }
      shapes.add(Shape.of(d));
    }
    values.put(name, new Value.Dynamic(name, List.copyOf(shapes)));
  }

  /** Defines a constant that does not depend on the probes (an initializer or Constant). */
  void defineConstant(String name, HostTensor value) {
    values.put(name, new Value.Static(Collections.nCopies(PROBE_EXTENTS.size(), value)));
  }

  /** Defines a folded value, one per probe. */
  void defineStatic(String name, List<HostTensor> perProbe) {
    values.put(name, new Value.Static(List.copyOf(perProbe)));
  }

  /** Makes {@code name} another name of the value {@code target} (Identity, Dropout at inference). */
  void alias(String name, Value target) {
    values.put(name, target);
  }

  /** Marks an output that xai4j does not compute (for example a Dropout mask), with the reason. */
  void markUnavailable(String name, String reason) {
    if (!values.containsKey(name)) {
      unavailable.put(name, reason);
    }
  }

  /** The value read by input {@code i} of a node. */
  Value get(OnnxNode node, int i) {
    String name = node.input(i);
    if (name.isEmpty()) {
      throw node.error("needs input " + i + ", which is absent");
    }
    Value v = values.get(name);
    if (v == null) {
      String reason = unavailable.get(name);
      if (reason != null) {
        throw node.unsupported("reads '" + name + "', " + reason);
      }
      throw node.error("reads '" + name + "', which is not a graph input, initializer or earlier node output");
    }
    return v;
  }

  /**
   * An axis of a graph input.
   *
   * @param input the graph input's name
   * @param axis the axis
   */
  record InputAxis(String input, int axis) {}

  /**
   * The first graph input axis whose extent equals {@code perProbe[p]} for every probe {@code p}
   * (a dynamic dimension, since the probes differ), or {@code null} if none does.
   */
  InputAxis inputAxisWithExtents(long[] perProbe) {
    for (GraphInput in : inputs) {
      List<Shape> shapes = ((Value.Dynamic) values.get(in.name())).shapes();
      for (int axis = 0; axis < in.dims().length; axis++) {
        boolean all = true;
        for (int p = 0; p < perProbe.length; p++) {
          all &= shapes.get(p).dim(axis) == perProbe[p];
        }
        if (all) {
          return new InputAxis(in.name(), axis);
        }
      }
    }
    return null;
  }

  /** Whether input {@code i} is known at import time. */
  boolean isStatic(OnnxNode node, int i) {
    return get(node, i) instanceof Value.Static;
  }

  /** Input {@code i} per probe; fails unless it is known at import time. */
  List<HostTensor> staticPerProbe(OnnxNode node, int i, String role) {
    if (get(node, i) instanceof Value.Static s) {
      return s.values();
    }
    throw node.unsupported("input " + i + " ('" + node.input(i) + "', " + role
        + ") must be a constant (initializer, Constant node or foldable shape computation)");
  }

  /** Input {@code i} as a constant that does not depend on the dynamic dimensions. */
  HostTensor constant(OnnxNode node, int i, String role) {
    List<HostTensor> perProbe = staticPerProbe(node, i, role);
    Value.Static s = new Value.Static(perProbe);
    if (!s.invariant()) {
      throw node.unsupported("input " + i + " ('" + node.input(i) + "', " + role
          + ") depends on a dynamic input dimension: " + perProbe);
    }
    return perProbe.get(0);
  }

  /** Input {@code i} as a float32 tensor constant (a weight). */
  Tensor floatConstant(OnnxNode node, int i, String role) {
    return constant(node, i, role).toTensor();
  }

  /** Optional input {@code i} as a float32 constant, or {@code null} if absent. */
  Tensor optionalFloatConstant(OnnxNode node, int i, String role) {
    return node.hasInput(i) ? floatConstant(node, i, role) : null;
  }

  /** The shape of input {@code i} for probe {@code p}. */
  Shape shape(OnnxNode node, int i, int p) {
    Value v = get(node, i);
    return v instanceof Value.Dynamic d ? d.shapes().get(p) : ((Value.Static) v).values().get(p).shape();
  }

  /**
   * The graph value for input {@code i}; a float constant becomes an {@link Constant} node on
   * first use.
   */
  String dynamic(OnnxNode node, int i) {
    String name = node.input(i);
    Value v = get(node, i);
    if (v instanceof Value.Dynamic d) {
      return d.graphName();
    }
    Value.Static s = (Value.Static) v;
    if (!s.invariant()) {
      throw node.unsupported("input '" + name + "' is computed from a dynamic input dimension "
          + "and used as data, which xai4j cannot represent");
    }
    HostTensor c = s.values().get(0);
    if (c.integral()) {
      throw node.unsupported("input '" + name + "' is an integer tensor " + c.shape()
          + " used as data; xai4j computes in float32 only");
    }
    materialize(name, c.toTensor());
    return name;
  }

  private void materialize(String name, Tensor t) {
    Constant c = new Constant(t);
    constants.put(name, c);
    nodes.add(new Node(name, c, List.of()));
    values.put(name, new Value.Dynamic(name, Collections.nCopies(PROBE_EXTENTS.size(), t.shape())));
  }

  /**
   * Defines the node's output as {@code op} applied to the given inputs (by index). If all of them
   * are constants the op is evaluated now (constant folding); otherwise a graph node is added after
   * checking the op's output shape for every probe.
   */
  void emit(OnnxNode node, Op op, int... inputIndices) {
    boolean allStatic = true;
    for (int i : inputIndices) {
      allStatic &= isStatic(node, i);
    }
    if (allStatic && inputIndices.length > 0) {
      fold(node, op, inputIndices);
      return;
    }
    List<String> names = new ArrayList<>();
    for (int i : inputIndices) {
      names.add(dynamic(node, i));
    }
    emitAs(node, node.output(), op, names);
  }

  /**
   * Adds a graph node {@code name} applying {@code op} to graph values (for converters that write
   * one ONNX node as several graph nodes), after checking its output shape for every probe. If
   * every input is a {@link Constant} node the op is evaluated now and {@code name} becomes a
   * {@link Constant} node holding the result.
   *
   * @return {@code name}
   */
  String emitAs(OnnxNode node, String name, Op op, List<String> graphValues) {
    if (!graphValues.isEmpty() && graphValues.stream().allMatch(constants::containsKey)) {
      if (values.containsKey(name)) {
        throw node.error("defines '" + name + "', which is already defined");
      }
      List<Tensor> in = graphValues.stream().map(v -> constants.get(v).value()).toList();
      materialize(name, check(node, () -> op.forward(in)));
      return name;
    }
    List<Shape> shapes = new ArrayList<>();
    for (int p = 0; p < PROBE_EXTENTS.size(); p++) {
      List<Shape> in = new ArrayList<>();
      for (String v : graphValues) {
        in.add(((Value.Dynamic) values.get(v)).shapes().get(p));
      }
      shapes.add(check(node, () -> op.outputShape(in)));
    }
    if (values.containsKey(name)) {
      throw node.error("defines '" + name + "', which is already defined");
    }
    nodes.add(new Node(name, op, graphValues));
    values.put(name, new Value.Dynamic(name, List.copyOf(shapes)));
    return name;
  }

  private void fold(OnnxNode node, Op op, int[] inputIndices) {
    List<HostTensor> results = new ArrayList<>();
    boolean integral = true;
    for (int i : inputIndices) {
      integral &= staticPerProbe(node, i, "data").get(0).integral();
      for (HostTensor h : staticPerProbe(node, i, "data")) {
        requireFloat32Exact(node, i, h);
      }
    }
    for (int p = 0; p < PROBE_EXTENTS.size(); p++) {
      List<Tensor> in = new ArrayList<>();
      for (int i : inputIndices) {
        in.add(staticPerProbe(node, i, "data").get(p).toTensor());
      }
      Tensor y = check(node, () -> op.forward(in));
      HostTensor h = HostTensor.of(y);
      results.add(integral ? new HostTensor(h.shape(), roundAll(h.values()), true) : h);
    }
    defineStatic(node.output(), results);
  }

  /**
   * Folding runs xai4j's float32 ops, which hold every integer up to 2^24 exactly (and int64's
   * extremes, which saturate back); a larger integer constant would silently change.
   */
  private static void requireFloat32Exact(OnnxNode node, int input, HostTensor h) {
    if (!h.integral()) {
      return;
    }
    for (double v : h.values()) {
      if ((double) (float) v != v) {
        throw node.unsupported("input " + input + " ('" + node.input(input) + "') holds the integer " + (long) v
            + ", which xai4j's float32 ops cannot fold exactly");
      }
    }
  }

  private static double[] roundAll(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.rint(v[i]);
    }
    return r;
  }

  /** Applies a function to a static input per probe and defines the output with the results. */
  void foldEach(OnnxNode node, Function<Integer, HostTensor> perProbe) {
    List<HostTensor> out = new ArrayList<>();
    for (int p = 0; p < PROBE_EXTENTS.size(); p++) {
      final int probe = p;
      out.add(check(node, () -> perProbe.apply(probe)));
    }
    defineStatic(node.output(), out);
  }

  /**
   * Runs part of a node's conversion; a failure of an op or a shape computation becomes one
   * message naming the node, and an exceeded limit stays a {@link LimitExceededException}.
   */
  static <T> T check(OnnxNode node, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (OnnxImportException e) {
      throw e;
    } catch (LimitExceededException e) {
      throw e.within(node.describe());
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
      throw node.error("does not fit its inputs: " + e.getMessage());
    }
  }

  /**
   * Reads an initializer or {@code Constant} value, counting its declared bytes against
   * {@link Limit#INITIALIZER_BYTES} (for the whole model) before decoding any of it.
   */
  HostTensor readTensor(ai.onnx.proto.OnnxMl.TensorProto t) {
    long bytes = OnnxTensors.declaredBytes(t, source);
    tensorBytes = Math.addExact(tensorBytes, bytes);
    Limit.INITIALIZER_BYTES.check(tensorBytes, () -> source + ": the initializers up to '"
        + Names.printable(t.getName()) + "'");
    return OnnxTensors.read(t, baseDir, source);
  }

  /** The graph with the given ONNX outputs; constant outputs become {@link Constant} nodes. */
  Graph build(List<String> outputNames) {
    List<String> outs = new ArrayList<>();
    for (String name : outputNames) {
      Value v = values.get(name);
      if (v == null) {
        throw new OnnxImportException(source + ": graph output '" + name + "' is never computed");
      }
      if (v instanceof Value.Static s) {
        if (!s.invariant() || s.values().get(0).integral()) {
          throw new UnsupportedModelException(source + ": graph output '" + name
              + "' is a shape computation, not a float tensor");
        }
        materialize(name, s.values().get(0).toTensor());
        v = values.get(name);
      }
      outs.add(((Value.Dynamic) v).graphName());
    }
    return Graph.of(inputs, withoutUnreadConstants(outs), outs);
  }

  /** The nodes without the {@link Constant} nodes that only fed folded nodes. */
  private List<Node> withoutUnreadConstants(List<String> outputs) {
    java.util.Set<String> read = new java.util.HashSet<>(outputs);
    for (Node n : nodes) {
      read.addAll(n.inputs());
    }
    return nodes.stream().filter(n -> !(n.op() instanceof Constant) || read.contains(n.name())).toList();
  }
}
