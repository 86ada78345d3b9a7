package org.xai4j.explain.attribution;

import java.util.Map;
import java.util.Set;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Overrides;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * How a gradient-family method runs its reverse pass: the per-node {@link Overrides} (none for the
 * gradient, ReLU rules for Guided Backprop, an LRP composite for LRP or for SmoothGrad over LRP)
 * and whether the target's seed is multiplied element-wise by the value it is placed at
 * ({@code seedTimesOutput}: Zennit's {@code output * one_hot}, LRP's default; off, a class target
 * seeds a one-hot of 1, Captum's convention). Methods that evaluate the model at other points
 * (Integrated Gradients, SmoothGrad) multiply each point's seed by that point's output, as Zennit's
 * attributors do.
 *
 * @param overrides the per-node overrides
 * @param seedTimesOutput whether the seed is multiplied by the target value
 */
public record ReversePass(Overrides overrides, boolean seedTimesOutput) {
  /** Rejects missing overrides. */
  public ReversePass {
    if (overrides == null) {
      throw new IllegalArgumentException("a reverse pass needs overrides (Overrides.none() for the gradient)");
    }
  }

  /** The plain gradient: no overrides, a one-hot seed. */
  public static ReversePass gradient() {
    return new ReversePass(Overrides.none(), false);
  }

  /** This pass with other overrides. */
  public ReversePass withOverrides(Overrides o) {
    return new ReversePass(o, seedTimesOutput);
  }

  /** This pass with the seed multiplied by the target value, or not. */
  public ReversePass withSeedTimesOutput(boolean on) {
    return new ReversePass(overrides, on);
  }

  /** The pass prepared for {@code graph}: overrides bound (canonized, LRP weights modified) once. */
  Bound bind(Graph graph) {
    Overrides.Bound b = overrides.bind(graph);
    return new Bound(b.graph(), b.rules(), seedTimesOutput);
  }

  /**
   * A reverse pass bound to a model.
   *
   * @param graph the graph the pass runs on
   * @param rules its rules
   * @param seedTimesOutput see {@link ReversePass}
   */
  record Bound(Graph graph, NodeRules rules, boolean seedTimesOutput) {
    /**
     * The pass for {@code target} from a recorded forward pass, delivering the signal at the
     * values in {@code keep} (others may be fused away, see {@link Backprop}).
     */
    BackwardResult run(Trace trace, Target target, Set<String> keep) {
      return run(trace, target.value(graph), target.seed(trace), keep);
    }

    /** {@link #run(Trace, Target, Set)} keeping the signal at every value. */
    BackwardResult runKeepingAll(Trace trace, Target target) {
      String value = target.value(graph);
      return Backprop.run(trace, seeds(trace, value, target.seed(trace)), rules, false);
    }

    /**
     * The pass from {@code seed} placed at {@code value}, multiplied by the value if configured,
     * delivering the signal at the values in {@code keep}.
     */
    BackwardResult run(Trace trace, String value, Tensor seed, Set<String> keep) {
      return Backprop.run(trace, seeds(trace, value, seed), rules, false, keep);
    }

    private Map<String, Tensor> seeds(Trace trace, String value, Tensor seed) {
      return Map.of(value, seedTimesOutput ? seed.mul(trace.get(value)) : seed);
    }
  }
}
