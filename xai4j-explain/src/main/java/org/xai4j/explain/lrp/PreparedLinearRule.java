package org.xai4j.explain.lrp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
final class PreparedLinearRule implements BackwardRule {
  /** The parameter that {@link BiasPolicy} governs. */
  static final String BIAS = "bias";

  private final LinearRule rule;
  private final Op[][] modifiedOps;

  PreparedLinearRule(LinearRule rule, Node node) {
    this.rule = rule;
    Op op = node.op();
    if (op.parameters().isEmpty()) {
      throw new IllegalArgumentException("rule " + rule + " needs a layer with weights; node '" + node.name()
          + "' (" + op.type() + ") has no parameters");
    }
    Map<List<Object>, Op> cache = new HashMap<>();
    modifiedOps = new Op[rule.groups().size()][];
    for (int g = 0; g < modifiedOps.length; g++) {
      List<Term> terms = rule.groups().get(g).terms();
      modifiedOps[g] = new Op[terms.size()];
      for (int k = 0; k < terms.size(); k++) {
        Term t = terms.get(k);
        modifiedOps[g][k] = cache.computeIfAbsent(List.of(t.param(), t.bias()), key -> modify(op, t));
      }
    }
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
    if (!name.equals(BIAS)) {
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
    float[] relevance = new float[x.size()];
    Map<InputModifier, Tensor> modifiedInputs = new HashMap<>();
    boolean nonNegative = isNonNegative(x);
    for (int g = 0; g < modifiedOps.length; g++) {
      TermGroup group = rule.groups().get(g);
      int n = group.terms().size();
      Tensor[] inputs = new Tensor[n];
      Tensor[] outputs = new Tensor[n];
      float[] denominator = new float[signal.size()];
      boolean[] vanishes = new boolean[n];
      for (int k = 0; k < n; k++) {
        Term term = group.terms().get(k);
        // a zero input (x- after a ReLU) with a zero bias adds nothing: skip its forward and backward
        boolean zeroInput = nonNegative && term.input() == InputModifier.Elementwise.NEGATIVE;
        if (term.bias() == BiasPolicy.ZERO && zeroInput) {
          vanishes[k] = true;
          continue;
        }
        inputs[k] = modifiedInputs.computeIfAbsent(term.input(), m -> modifiedInput(m, x, nonNegative));
        vanishes[k] = term.bias() == BiasPolicy.ZERO && isZero(inputs[k]);
        if (vanishes[k]) {
          continue;
        }
        outputs[k] = term.isUnmodified() ? ctx.output() : modifiedOps[g][k].forward(withInput(ctx, inputs[k]));
        addScaled(denominator, TensorInternals.array(outputs[k]), term.sign());
      }
      Tensor scaled = distribute(group.selection(), TensorInternals.array(signal),
          TensorInternals.array(ctx.output()), denominator, signal);
      float[] groupRelevance = new float[x.size()];
      for (int k = 0; k < n; k++) {
        if (vanishes[k]) {
          continue;
        }
        BackwardContext termCtx = new BackwardContext(withInput(ctx, inputs[k]), outputs[k], onlyFirst(ctx), false);
        float[] back = TensorInternals.array(modifiedOps[g][k].backward(termCtx, scaled).input(0));
        float[] in = TensorInternals.array(inputs[k]);
        float sign = group.terms().get(k).sign();
        for (int i = 0; i < groupRelevance.length; i++) {
          groupRelevance[i] += sign * in[i] * back[i];
        }
      }
      addScaled(relevance, groupRelevance, (float) group.coefficient());
    }
    result[0] = TensorInternals.adopt(x.shape(), relevance);
    return Gradients.ofInputs(result);
  }

  /** {@code sel(z) * R / stab(denominator)} per output. */
  private Tensor distribute(OutputSelection selection, float[] r, float[] z, float[] denominator, Tensor like) {
    float[] g = new float[r.length];
    for (int j = 0; j < g.length; j++) {
      g[j] = selection.selects(z[j]) ? rule.stabilizer().divide(r[j], denominator[j]) : 0f;
    }
    return TensorInternals.adopt(like.shape(), g);
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
   * {@code x} bit for bit and {@code min(x, 0)} is zero.
   */
  private static boolean isNonNegative(Tensor t) {
    for (float v : TensorInternals.array(t)) {
      if (!(v > 0f) && Float.floatToRawIntBits(v) != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isZero(Tensor t) {
    for (float v : TensorInternals.array(t)) {
      if (v != 0f) {
        return false;
      }
    }
    return true;
  }

  private static void addScaled(float[] into, float[] values, float factor) {
    for (int i = 0; i < into.length; i++) {
      into[i] += factor * values[i];
    }
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
