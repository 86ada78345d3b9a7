package org.xai4j.explain.canon;

import java.util.HashMap;
import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphEdits;
import org.xai4j.graph.Node;
import org.xai4j.op.Add;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Combination;
import org.xai4j.op.Constant;
import org.xai4j.op.Op;
import org.xai4j.op.Variadic;
import org.xai4j.tensor.Tensor;

/**
 * The canonizers LRP needs on CNNs, each preserving the model's outputs (up to float32 rounding):
 *
 * <ul>
 *   <li>{@link #mergeBatchNorm()}: a batch norm right after a convolution, transposed convolution or
 *       dense layer (whose output nothing else reads) is folded into that layer's weights and bias
 *       (Zennit's {@code SequentialMergeBatchNorm}); the layer keeps its node name and the batch
 *       norm node disappears.
 *   <li>{@link #batchNormAsAffine()}: every other batch norm becomes an explicit
 *       {@link ChannelAffine} layer with {@code weight} and {@code bias}.
 *   <li>{@link #residualSum()}: an {@code Add} of two computed values (a residual connection)
 *       becomes an ONNX {@code Sum}, which composites give the proportional Norm rule (Zennit's
 *       {@code ResNetCanonizer} replaces the residual addition by its {@code Sum} layer). Additions
 *       of constants (biases) stay.
 * </ul>
 *
 * {@link #standard()} applies all three, the equivalent of Zennit's ResNet canonizer.
 */
public final class Canonizers {
  private Canonizers() {}

  /** Merge, then affine, then residual sums. */
  public static Canonizer standard() {
    return mergeBatchNorm().then(batchNormAsAffine()).then(residualSum());
  }

  /** Folds each batch norm into the linear layer that alone feeds it (one pass over the graph). */
  public static Canonizer mergeBatchNorm() {
    return graph -> {
      Map<String, Op> merged = new HashMap<>();
      Map<String, String> removed = new HashMap<>();
      for (Node bn : graph.nodes()) {
        String source = bn.inputs().isEmpty() ? null : bn.inputs().get(0);
        if (bn.op() instanceof BatchNormalization norm && graph.hasNode(source)
            && GraphEdits.onlyFeeds(graph, source, bn)) {
          BatchNormFolding.merge(graph.node(source).op(), norm).ifPresent(op -> {
            merged.put(source, op);
            removed.put(bn.name(), source);
          });
        }
      }
      return removed.isEmpty() ? graph : GraphEdits.bypass(graph.withOps(merged), removed);
    };
  }

  /** Replaces each batch norm by the equivalent {@link ChannelAffine}. */
  public static Canonizer batchNormAsAffine() {
    return graph -> {
      Map<String, Op> affine = new HashMap<>();
      for (Node n : graph.nodes()) {
        if (n.op() instanceof BatchNormalization norm) {
          float[][] gs = BatchNormFolding.gainAndShift(norm);
          affine.put(n.name(), new ChannelAffine(Tensor.vector(gs[0]), Tensor.vector(gs[1])));
        }
      }
      return affine.isEmpty() ? graph : graph.withOps(affine);
    };
  }

  /** Replaces each {@code Add} of two computed (non-constant) values by a {@code Sum}. */
  public static Canonizer residualSum() {
    return graph -> {
      Map<String, Op> sums = new HashMap<>();
      for (Node n : graph.nodes()) {
        if (n.op() instanceof Add && n.inputs().stream().noneMatch(v -> isConstant(graph, v))) {
          sums.put(n.name(), new Variadic(Combination.SUM));
        }
      }
      return sums.isEmpty() ? graph : graph.withOps(sums);
    };
  }

  private static boolean isConstant(Graph g, String value) {
    return g.hasNode(value) && g.node(value).op() instanceof Constant;
  }
}
