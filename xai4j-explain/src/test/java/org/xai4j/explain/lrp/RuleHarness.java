package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.IntFunction;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.NodeRules;
import org.xai4j.graph.Graph;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Runs one rule on a one-layer graph through the reverse pass and compares with a formula. */
final class RuleHarness {
  /** Relative tolerance (to the largest expected value) of float32 against the double formula. */
  static final double TOLERANCE = 1e-5;

  private RuleHarness() {}

  /** The relevance at the input of a single {@code layer} for output relevance {@code r}. */
  static Tensor run(Op layer, NodeRule rule, Tensor x, Tensor r) {
    int[] dims = x.shape().toArray();
    dims[0] = -1;
    var b = Graph.builder();
    b.input("x", dims);
    b.add("layer", layer, "x");
    Graph g = b.output("layer").build();
    NodeRules rules = NodeRules.byName(Map.of("layer", rule.bind(g.node("layer"))));
    return Backprop.run(g.forward(x), Map.of("layer", r), rules, false).atInput();
  }

  /** Asserts {@code actual} (shape {@code [N, ...]}) equals {@code expected.apply(n)} per sample, flattened. */
  static void assertMatches(String what, IntFunction<double[]> expected, Tensor actual) {
    int n = actual.shape().dim(0);
    int per = actual.size() / n;
    double max = 0;
    for (int s = 0; s < n; s++) {
      for (double v : expected.apply(s)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    for (int s = 0; s < n; s++) {
      double[] e = expected.apply(s);
      for (int i = 0; i < per; i++) {
        assertEquals(e[i], actual.getFlat(s * per + i), TOLERANCE * max, what + ": sample " + s + ", input " + i);
      }
    }
  }

  /** The flattened sample {@code n} of a tensor, in double. */
  static double[] sample(Tensor t, int n) {
    int per = t.size() / t.shape().dim(0);
    double[] out = new double[per];
    for (int i = 0; i < per; i++) {
      out[i] = t.getFlat(n * per + i);
    }
    return out;
  }

  /** A tensor from rows of doubles. */
  static Tensor tensor(double[][] rows) {
    double[] flat = new double[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
    }
    return Tensor.of(Shape.of(rows.length, rows[0].length), flat);
  }
}
