package org.xai4j.explain.lrp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A {@link LinearRule} bound to one node: the op copies with modified parameters are built once
 * here (one per distinct parameter modifier and bias policy), then every reverse pass only runs
 * the modified forward and backward passes. Immutable and thread-safe.
 *
 * <p>Work that changes no number is always skipped: the recorded forward output is the
 * unmodified term ({@code x w + b}, the epsilon rule), an input without negative values (after a
 * ReLU) is its own {@code x+}, and terms on a zero input (its {@code x-}) with a zero bias vanish
 * (no modified forward or backward pass). With {@link Shortcuts#ON}, the default, two more
 * savings change results only by float rounding:
 * <ul>
 *   <li>a term group whose terms, with the other groups' terms, add up to the unmodified layer
 *       (see {@link SignSplit}: the negative group of alpha-beta) takes its denominator as the
 *       recorded output minus the other groups' denominators: {@code z- = z - z+}, one modified
 *       forward pass instead of two. The subtraction's rounding error is of the order of the
 *       float rounding of {@code |z|} and {@code |z+|}, so it is relatively larger only where
 *       {@code |z-|} is orders of magnitude below them;
 *   <li>terms of all groups that share an input modifier propagate through one stacked transposed
 *       convolution ({@link StackedConv}).
 * </ul>
 * {@link Shortcuts#OFF} evaluates every term on its own, the reference the tests compare with.
 */
final class PreparedLinearRule implements BackwardRule {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The bit pattern of {@code +infinity}; larger patterns with a clear sign bit are NaNs. */
  private static final int POSITIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

  /** Whether the optional shortcuts above are taken. */
  enum Shortcuts {
    /** Derived denominators and stacked convolutions where they apply. */
    ON,
    /** Every term evaluated separately. */
    OFF
  }

  /**
   * The terms of all groups that share one input modifier: one modified input, and for
   * convolutions one stacked transposed convolution, serves them all.
   *
   * @param modifier the shared input modifier
   * @param groups the group of each term
   * @param terms the index of each term in its group
   * @param stack the terms' ops stacked, if they are two or more ungrouped convolutions
   */
  private record InputShare(InputModifier modifier, int[] groups, int[] terms, Optional<StackedConv> stack) {}

  private final LinearRule rule;
  private final Op[][] modifiedOps;
  /** Per group and term: its index in {@link #shares}. */
  private final int[][] shareOf;
  private final List<InputShare> shares;
  /** Whether the last group's denominator is the recorded output minus the other groups'. */
  private final boolean derivedLast;

  PreparedLinearRule(LinearRule rule, Node node) {
    this(rule, node, Shortcuts.ON);
  }

  PreparedLinearRule(LinearRule rule, Node node, Shortcuts shortcuts) {
    this.rule = rule;
    Op op = node.op();
    if (op.parameters().isEmpty()) {
      throw new IllegalArgumentException("rule " + rule + " needs a layer with weights; node '" + node.name()
          + "' (" + op.type() + ") has no parameters");
    }
    List<TermGroup> groups = rule.groups();
    Map<List<Object>, Op> cache = new HashMap<>();
    Map<InputModifier, List<int[]>> byInput = new LinkedHashMap<>();
    modifiedOps = new Op[groups.size()][];
    for (int g = 0; g < modifiedOps.length; g++) {
      List<Term> terms = groups.get(g).terms();
      modifiedOps[g] = new Op[terms.size()];
      for (int k = 0; k < terms.size(); k++) {
        Term t = terms.get(k);
        modifiedOps[g][k] = cache.computeIfAbsent(List.of(t.param(), t.bias()), key -> modify(op, t));
        byInput.computeIfAbsent(t.input(), m -> new ArrayList<>()).add(new int[] {g, k});
      }
    }
    boolean on = shortcuts == Shortcuts.ON;
    derivedLast = on && groups.size() > 1 && SignSplit.isBilinear(op) && SignSplit.sumsToLayer(groups);
    shareOf = new int[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      shareOf[g] = new int[groups.get(g).terms().size()];
    }
    List<InputShare> list = new ArrayList<>();
    for (Map.Entry<InputModifier, List<int[]>> e : byInput.entrySet()) {
      List<int[]> members = e.getValue();
      int[] gs = new int[members.size()];
      int[] ks = new int[members.size()];
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < members.size(); i++) {
        gs[i] = members.get(i)[0];
        ks[i] = members.get(i)[1];
        shareOf[gs[i]][ks[i]] = list.size();
        ops.add(modifiedOps[gs[i]][ks[i]]);
      }
      list.add(new InputShare(e.getKey(), gs, ks, on ? StackedConv.of(ops) : Optional.empty()));
    }
    shares = List.copyOf(list);
  }

  /** Whether the last group's denominator is derived from the recorded output (seen by tests). */
  boolean derivesLastGroup() {
    return derivedLast;
  }

  /** How many input shares propagate through a stacked convolution (seen by tests). */
  int stackedShares() {
    return (int) shares.stream().filter(s -> s.stack().isPresent()).count();
  }

  private static Op modify(Op op, Term term) {
    if (term.param() == ParamModifier.Elementwise.IDENTITY && term.bias() != BiasPolicy.ZERO) {
      return op;
    }
    Map<String, Tensor> modified = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> p : op.parameters().asMap().entrySet()) {
      modified.put(p.getKey(), modifiedParameter(p.getKey(), p.getValue(), term));
    }
    return op.withParameters(Parameters.of(modified));
  }

  private static Tensor modifiedParameter(String name, Tensor value, Term term) {
    if (!name.equals(Parameters.BIAS)) {
      return term.param().apply(value);
    }
    return switch (term.bias()) {
      case MODIFY -> term.param().apply(value);
      case ZERO -> Tensor.zeros(value.shape());
      case KEEP -> value;
    };
  }

  @Override
  public Gradients backward(Node node, BackwardContext ctx, Tensor signal) {
    Tensor[] result = new Tensor[ctx.inputs().size()];
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs(result);
    }
    Tensor x = ctx.input(0);
    boolean nonNegative = isNonNegative(x);
    Tensor[] inputs = new Tensor[shares.size()];
    boolean[] zero = new boolean[shares.size()];
    for (int s = 0; s < inputs.length; s++) {
      InputModifier m = shares.get(s).modifier();
      // the x- of an input after a ReLU is zero: known without building and scanning it
      zero[s] = nonNegative && m == InputModifier.Elementwise.NEGATIVE;
      if (!zero[s]) {
        inputs[s] = modifiedInput(m, x, nonNegative);
        zero[s] = isZero(inputs[s]);
      }
    }
    List<TermGroup> groups = rule.groups();
    Tensor[][] outputs = new Tensor[groups.size()][];
    float[][] scaled = new float[groups.size()][];
    float[] z = INTERNALS.array(ctx.output());
    float[] r = INTERNALS.array(signal);
    int last = groups.size() - 1;
    float[][] denominators = new float[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      outputs[g] = new Tensor[groups.get(g).terms().size()];
      if (!(derivedLast && g == last)) {
        denominators[g] = denominator(g, ctx, x, inputs, zero, outputs[g]);
      }
    }
    if (derivedLast) {
      float[] derived = z.clone();
      for (int g = 0; g < last; g++) {
        addScaled(derived, denominators[g], -1f);
      }
      denominators[last] = derived;
    }
    for (int g = 0; g < groups.size(); g++) {
      scaled[g] = distribute(groups.get(g).selection(), r, z, denominators[g]);
    }
    float[] relevance = new float[x.size()];
    for (int s = 0; s < inputs.length; s++) {
      if (!zero[s]) {
        propagate(shares.get(s), ctx, signal, inputs[s], outputs, scaled, relevance);
      }
    }
    result[0] = INTERNALS.adopt(x.shape(), relevance);
    return Gradients.ofInputs(result);
  }

  /**
   * {@code sum_k sign_k z_k} of group {@code g}, filling {@code outputs} with the modified forward
   * passes; a lone term with sign +1 is its own denominator (shared, not copied).
   */
  private float[] denominator(int g, BackwardContext ctx, Tensor x, Tensor[] inputs, boolean[] zero, Tensor[] outputs) {
    List<Term> terms = rule.groups().get(g).terms();
    float[] denominator = null;
    boolean shared = false;
    for (int k = 0; k < terms.size(); k++) {
      Term term = terms.get(k);
      int s = shareOf[g][k];
      // a zero input with a zero bias gives a zero output
      if (zero[s] && term.bias() == BiasPolicy.ZERO) {
        continue;
      }
      if (inputs[s] == null) {
        inputs[s] = shares.get(s).modifier().apply(x);
      }
      outputs[k] = term.isUnmodified() ? ctx.output() : modifiedOps[g][k].forward(withInput(ctx, inputs[s]));
      float[] out = INTERNALS.array(outputs[k]);
      if (denominator == null && term.sign() > 0) {
        denominator = out;
        shared = true;
        continue;
      }
      if (denominator == null || shared) {
        denominator = denominator == null ? new float[out.length] : denominator.clone();
        shared = false;
      }
      addScaled(denominator, out, term.sign());
    }
    return denominator != null ? denominator : new float[ctx.output().size()];
  }

  /** Adds {@code sum_t c_t sign_t in * (df_t/dx)^T g_t} over the share's terms to {@code relevance}. */
  private void propagate(InputShare share, BackwardContext ctx, Tensor signal, Tensor input,
      Tensor[][] outputs, float[][] scaled, float[] relevance) {
    int n = share.groups().length;
    float[] coefficients = new float[n];
    float[][] signals = new float[n][];
    for (int t = 0; t < n; t++) {
      int g = share.groups()[t];
      coefficients[t] = (float) (rule.groups().get(g).coefficient() * rule.groups().get(g).terms().get(share.terms()[t]).sign());
      signals[t] = scaled[g];
    }
    float[] in = INTERNALS.array(input);
    if (share.stack().isPresent()) {
      // the coefficients are inside the stacked product
      addProduct(relevance, 1f, in, INTERNALS.array(
          share.stack().get().inputGradient(signals, coefficients, signal.shape(), input.shape())));
      return;
    }
    for (int t = 0; t < n; t++) {
      int g = share.groups()[t];
      int k = share.terms()[t];
      // the derived group's outputs are not computed; the bilinear ops' backward does not read them
      BackwardContext termCtx = new BackwardContext(withInput(ctx, input), outputs[g][k], onlyFirst(ctx), false);
      addProduct(relevance, coefficients[t], in, INTERNALS.array(
          modifiedOps[g][k].backward(termCtx, INTERNALS.adopt(signal.shape(), signals[t])).input(0)));
    }
  }

  /** {@code relevance += c * in * back}, element-wise. */
  private static void addProduct(float[] relevance, float c, float[] in, float[] back) {
    ElementRanges.run(relevance.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        relevance[i] += c * in[i] * back[i];
      }
    });
  }

  /** {@code sel(z) * R / stab(denominator)} per output. */
  private float[] distribute(OutputSelection selection, float[] r, float[] z, float[] denominator) {
    float[] g = new float[r.length];
    Stabilizer stabilizer = rule.stabilizer();
    ElementRanges.run(g.length, (from, to) -> {
      for (int j = from; j < to; j++) {
        g[j] = selection.selects(z[j]) ? stabilizer.divide(r[j], denominator[j]) : 0f;
      }
    });
    return g;
  }

  /**
   * {@code m} applied to {@code x}; for an input without negative values (after a ReLU) {@code x+}
   * is {@code x} itself and is not copied.
   */
  private static Tensor modifiedInput(InputModifier m, Tensor x, boolean nonNegative) {
    return nonNegative && m == InputModifier.Elementwise.POSITIVE ? x : m.apply(x);
  }

  /**
   * Whether every element is positive or +0 (not -0, not NaN), so that {@code max(x, 0)} returns
   * {@code x} bit for bit and {@code min(x, 0)} is zero: exactly when every bit pattern, read as
   * an int, lies in {@code [0, +infinity]} (a set sign bit means negative or -0; above infinity are
   * the NaNs). Min and max of the bit patterns need no branch per element (after a ReLU half the
   * elements are zero, in no predictable order).
   */
  static boolean isNonNegative(Tensor t) {
    float[] a = INTERNALS.array(t);
    // set (never cleared) by a range that finds an offending element; read after all ranges ended
    boolean[] negative = new boolean[1];
    ElementRanges.run(a.length, (from, to) -> {
      int min = 0;
      int max = 0;
      for (int i = from; i < to; i++) {
        int bits = Float.floatToRawIntBits(a[i]);
        min = Math.min(min, bits);
        max = Math.max(max, bits);
      }
      if (min < 0 || max > POSITIVE_INFINITY_BITS) {
        negative[0] = true;
      }
    });
    return !negative[0];
  }

  private static boolean isZero(Tensor t) {
    for (float v : INTERNALS.array(t)) {
      if (v != 0f) {
        return false;
      }
    }
    return true;
  }

  private static void addScaled(float[] into, float[] values, float factor) {
    ElementRanges.run(into.length, (from, to) -> {
      for (int i = from; i < to; i++) {
        into[i] += factor * values[i];
      }
    });
  }

  private static List<Tensor> withInput(BackwardContext ctx, Tensor first) {
    List<Tensor> inputs = new ArrayList<>(ctx.inputs());
    inputs.set(0, first);
    return inputs;
  }

  private static List<Boolean> onlyFirst(BackwardContext ctx) {
    List<Boolean> needs = new ArrayList<>(Collections.nCopies(ctx.inputs().size(), false));
    needs.set(0, true);
    return needs;
  }

  @Override
  public String toString() {
    return rule.toString();
  }
}
