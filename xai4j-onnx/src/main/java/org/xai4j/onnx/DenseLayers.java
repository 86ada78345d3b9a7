package org.xai4j.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphEdits;
import org.xai4j.graph.Node;
import org.xai4j.op.Add;
import org.xai4j.op.Constant;
import org.xai4j.op.Gemm;
import org.xai4j.op.MatMul;
import org.xai4j.op.Reshape;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Dense layers exported as {@code MatMul(x, W)} and a following {@code Add(b)} (Keras through
 * tf2onnx, PyTorch {@code Linear} on inputs of rank 3 and more) become one {@link Gemm} with
 * {@code weight} and {@code bias} parameters, so LRP composites, canonizers and model
 * randomization see them as the dense layers they are.
 *
 * <ul>
 *   <li>{@link #matMul}: a {@code MatMul} of a computed {@code [M, K]} input by a constant
 *       {@code [K, N]} matrix is a {@code Gemm} of that name; an input {@code [B, ..., K]} whose
 *       axes other than the first are static is flattened to rows, multiplied by a {@code Gemm}
 *       ({@code NAME/gemm}) and reshaped back. Any other {@code MatMul} stays one.
 *   <li>{@link #foldBiases}: an {@code Add} of a constant {@code [N]} (or {@code [1, ..., 1, N]})
 *       to such a bias-free {@code Gemm} (directly or through the reshape back) that nothing else
 *       reads becomes the {@code Gemm}'s bias; the {@code Add}'s name is kept for the layer (or its
 *       reshape), so graph outputs keep their names.
 * </ul>
 */
final class DenseLayers {
  private static final String GEMM_SUFFIX = "/gemm";
  private static final String ROWS_SUFFIX = "/rows";

  private DenseLayers() {}

  /** The MatMul converter. */
  static void matMul(OnnxNode n, ImportContext ctx) {
    if (ctx.isStatic(n, 0) || !ctx.isStatic(n, 1)) {
      ctx.emit(n, new MatMul(), 0, 1);
      return;
    }
    Tensor w = ctx.floatConstant(n, 1, "the weight");
    Shape x = ctx.shape(n, 0, 0);
    if (w.rank() != 2 || x.rank() < 2 || !staticExceptFirst(n, ctx, x.rank())) {
      ctx.emit(n, new MatMul(), 0, 1);
      return;
    }
    Gemm dense = new Gemm(w, null, false, false, 1f, 1f);
    String input = ctx.dynamic(n, 0);
    if (x.rank() == 2) {
      ctx.emitAs(n, n.output(), dense, List.of(input));
      return;
    }
    String rows = ctx.emitAs(n, n.output() + ROWS_SUFFIX, new Reshape(List.of(-1, x.dim(x.rank() - 1)), false),
        List.of(input));
    String product = ctx.emitAs(n, n.output() + GEMM_SUFFIX, dense, List.of(rows));
    List<Integer> back = new ArrayList<>(List.of(-1));
    for (int a = 1; a < x.rank() - 1; a++) {
      back.add(x.dim(a));
    }
    back.add(w.shape().dim(1));
    ctx.emitAs(n, n.output(), new Reshape(back, false), List.of(product));
  }

  /** Whether every axis of input 0 except the first has the same extent in every probe. */
  private static boolean staticExceptFirst(OnnxNode n, ImportContext ctx, int rank) {
    Shape first = ctx.shape(n, 0, 0);
    for (int p = 1; p < ImportContext.PROBE_EXTENTS.size(); p++) {
      Shape s = ctx.shape(n, 0, p);
      if (s.rank() != rank) {
        return false;
      }
      for (int a = 1; a < rank; a++) {
        if (s.dim(a) != first.dim(a)) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code graph} with the constant additions that follow bias-free dense layers folded into them. */
  static Graph foldBiases(Graph graph) {
    Map<String, Gemm> withBias = new HashMap<>();
    Map<String, Node> replacedAdds = new HashMap<>();
    Set<String> removed = new HashSet<>();
    for (Node add : graph.nodes()) {
      if (!(add.op() instanceof Add) || add.inputs().size() != 2) {
        continue;
      }
      for (int k = 0; k < 2 && !replacedAdds.containsKey(add.name()); k++) {
        String value = add.inputs().get(k);
        String constant = add.inputs().get(1 - k);
        if (!graph.hasNode(value) || !graph.hasNode(constant) || !(graph.node(constant).op() instanceof Constant c)
            || !GraphEdits.onlyFeeds(graph, value, add)) {
          continue;
        }
        Node direct = graph.node(value);
        Node layer = direct.op() instanceof Reshape && graph.hasNode(direct.inputs().get(0))
            && GraphEdits.onlyFeeds(graph, direct.inputs().get(0), direct) ? graph.node(direct.inputs().get(0)) : direct;
        Tensor bias = layer.op() instanceof Gemm g ? biasFor(g, c.value()) : null;
        if (bias == null || withBias.containsKey(layer.name())) {
          continue;
        }
        Gemm g = (Gemm) layer.op();
        withBias.put(layer.name(), new Gemm(g.weight(), bias, false, g.transB(), g.alpha(), 1f));
        removed.add(direct.name());
        replacedAdds.put(add.name(), layer == direct
            ? new Node(add.name(), withBias.get(layer.name()), layer.inputs())
            : new Node(add.name(), direct.op(), direct.inputs()));
        if (graph.consumers(constant).size() == 1 && !graph.outputs().contains(constant)) {
          removed.add(constant);
        }
      }
    }
    if (replacedAdds.isEmpty()) {
      return graph;
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (replacedAdds.containsKey(n.name())) {
        nodes.add(replacedAdds.get(n.name()));
      } else if (!removed.contains(n.name())) {
        nodes.add(withBias.containsKey(n.name()) ? n.withOp(withBias.get(n.name())) : n);
      }
    }
    return Graph.of(graph.inputs(), nodes, graph.outputs());
  }

  /**
   * The constant as the bias of a bias-free, untransposed-input dense layer, or {@code null} if it
   * is not {@code [N]} or {@code [1, ..., 1, N]} for the layer's {@code N} outputs.
   */
  private static Tensor biasFor(Gemm g, Tensor c) {
    int outputs = g.transB() ? g.weight().shape().dim(0) : g.weight().shape().dim(1);
    if (g.bias() != null || g.transA() || c.rank() < 1 || c.shape().dim(c.rank() - 1) != outputs
        || c.size() != outputs) {
      return null;
    }
    return c.reshape(Shape.of(outputs));
  }
}
