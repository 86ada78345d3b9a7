package org.xai4j.explain.lrp.composite;

import static org.xai4j.explain.lrp.composite.Assignment.byGroup;
import static org.xai4j.explain.lrp.composite.Assignment.firstOf;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.explain.lrp.BoxBound;
import org.xai4j.explain.lrp.LinearRule;
import org.xai4j.explain.lrp.NodeRule;
import org.xai4j.explain.lrp.NormRule;
import org.xai4j.explain.lrp.PassRule;

/**
 * Zennit's composites (zennit {@code composites.py}) and the deep Taylor pipeline. All share
 * Zennit's base map: activations and batch norms that were not merged pass relevance through, sums
 * (residual connections, after the residual canonizer) and average pooling split it proportionally
 * (Norm). Max pooling and reshaping keep the gradient (the winner takes all). "First layer" means the first node of
 * the named group in graph order. The epsilon of dense layers is {@link
 * org.xai4j.explain.lrp.Stabilizer#DEFAULT_EPSILON}. Variations are prepended assignments, for
 * example max pooling as average pooling:
 *
 * <pre>{@code
 * Composite c = Composites.epsilonPlusFlat()
 *     .prepend(Assignment.byGroup(OpGroup.MAX_POOL, new MaxPoolAsAverageRule()));
 * }</pre>
 */
public final class Composites {
  private Composites() {}

  /**
   * Zennit's {@code layer_map_base}: activations and (unmerged) batch norms to Pass, sums and
   * average pooling to Norm.
   */
  public static List<Assignment> base() {
    return List.of(
        byGroup(OpGroup.ACTIVATION, new PassRule()),
        byGroup(OpGroup.SUM, new NormRule()),
        byGroup(OpGroup.AVG_POOL, new NormRule()),
        byGroup(OpGroup.BATCH_NORM, new PassRule()));
  }

  /** Zennit {@code EpsilonPlusFlat}: first conv/dense layer flat, convolutions z+, dense layers epsilon. */
  public static Composite epsilonPlusFlat() {
    return special("EpsilonPlusFlat", firstOf(OpGroup.LINEAR, LinearRule.flat()), LinearRule.zPlus());
  }

  /**
   * Zennit {@code EpsilonAlpha2Beta1Flat}: first conv/dense layer flat, convolutions alpha2-beta1,
   * dense layers epsilon.
   */
  public static Composite epsilonAlpha2Beta1Flat() {
    return special("EpsilonAlpha2Beta1Flat", firstOf(OpGroup.LINEAR, LinearRule.flat()), alpha2Beta1());
  }

  /**
   * Zennit {@code EpsilonGammaBox}: the first <em>convolution</em> zB with the given input bounds,
   * other convolutions gamma, dense layers epsilon.
   */
  public static Composite epsilonGammaBox(BoxBound low, BoxBound high, double gamma) {
    return special("EpsilonGammaBox", firstOf(OpGroup.CONVOLUTION, LinearRule.zBox(low, high)),
        LinearRule.gamma(gamma));
  }

  /** {@link #epsilonGammaBox(BoxBound, BoxBound, double)} with Zennit's default gamma 0.25. */
  public static Composite epsilonGammaBox(float low, float high) {
    return epsilonGammaBox(BoxBound.scalar(low), BoxBound.scalar(high), LinearRule.DEFAULT_GAMMA);
  }

  /** Zennit {@code EpsilonPlus}: convolutions z+, dense layers epsilon, no special first layer. */
  public static Composite epsilonPlus() {
    return plain("EpsilonPlus", LinearRule.zPlus());
  }

  /** Zennit {@code EpsilonAlpha2Beta1}: convolutions alpha2-beta1, dense layers epsilon. */
  public static Composite epsilonAlpha2Beta1() {
    return plain("EpsilonAlpha2Beta1", alpha2Beta1());
  }

  /**
   * Deep Taylor decomposition for ReLU networks (Montavon et al. 2017, "Explaining nonlinear
   * classification decisions with deep Taylor decomposition"): z+ on every convolution and dense
   * layer including the output layer (treated as if followed by a ReLU), zB at the first layer
   * for an input bounded by {@code [low, high]}.
   */
  public static Composite deepTaylor(BoxBound low, BoxBound high) {
    return deepTaylor("DeepTaylor(zB)", LinearRule.zBox(low, high));
  }

  /** Deep Taylor decomposition for an unbounded input: w-square at the first layer, z+ elsewhere. */
  public static Composite deepTaylor() {
    return deepTaylor("DeepTaylor(w2)", LinearRule.wSquare());
  }

  /** The command-line names of the presets, in the order {@link #byName} lists them. */
  public static final List<String> NAMES = List.of("epsilon-plus-flat", "epsilon-gamma-box",
      "epsilon-alpha2-beta1-flat", "epsilon-plus", "epsilon-alpha2-beta1", "deep-taylor");

  /**
   * A preset by its command-line name (see {@link #NAMES}).
   *
   * @param name the preset's name
   * @param low the lower input bound, or {@code null}; required by {@code epsilon-gamma-box}, and
   *     {@code deep-taylor} uses zB with bounds and w-square without
   * @param high the upper input bound, or {@code null} (given together with {@code low})
   * @throws IllegalArgumentException for an unknown name (listing the names), a missing bound, or
   *     only one bound
   */
  public static Composite byName(String name, BoxBound low, BoxBound high) {
    if ((low == null) != (high == null)) {
      throw new IllegalArgumentException("give both input bounds (low and high) or neither");
    }
    return switch (name) {
      case "epsilon-plus-flat" -> epsilonPlusFlat();
      case "epsilon-gamma-box" -> {
        if (low == null) {
          throw new IllegalArgumentException("composite epsilon-gamma-box needs the input bounds low and high");
        }
        yield epsilonGammaBox(low, high, LinearRule.DEFAULT_GAMMA);
      }
      case "epsilon-alpha2-beta1-flat" -> epsilonAlpha2Beta1Flat();
      case "epsilon-plus" -> epsilonPlus();
      case "epsilon-alpha2-beta1" -> epsilonAlpha2Beta1();
      case "deep-taylor" -> low == null ? deepTaylor() : deepTaylor(low, high);
      default -> throw new IllegalArgumentException("unknown composite '" + name + "'; choose one of " + NAMES);
    };
  }

  private static Composite deepTaylor(String name, LinearRule first) {
    List<Assignment> all = new ArrayList<>();
    all.add(firstOf(OpGroup.LINEAR, first));
    all.addAll(base());
    all.add(byGroup(OpGroup.LINEAR, LinearRule.zPlus()));
    return new Composite(name, all);
  }

  private static LinearRule alpha2Beta1() {
    return LinearRule.alphaBeta(2, 1);
  }

  private static Composite special(String name, Assignment first, NodeRule convolution) {
    List<Assignment> all = new ArrayList<>();
    all.add(first);
    all.addAll(plain(name, convolution).assignments());
    return new Composite(name, all);
  }

  private static Composite plain(String name, NodeRule convolution) {
    List<Assignment> all = new ArrayList<>(base());
    all.add(byGroup(OpGroup.CONVOLUTION, convolution));
    all.add(byGroup(OpGroup.DENSE, LinearRule.epsilon()));
    return new Composite(name, all);
  }
}
