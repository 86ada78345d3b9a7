package org.xai4j.graph;

import java.util.Map;
import java.util.Optional;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Finds NaN and infinities: in a tensor ({@link #count}, {@link #requireFinite}) and, for a graph, the first value
 * of a forward pass that holds them ({@link #firstInForward}): a graph input, a node whose weights hold them, or the
 * first node that produces them from finite inputs (a division by zero, {@code log(0)}, an overflow, a negative
 * variance). Non-finite values spread through every later node, so the first one is where to look.
 */
public final class NonFinite {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private NonFinite() {}

  /** Counts of NaN and infinite entries of a tensor, with the flat index of the first of either. */
  public record Count(long nan, long infinite, long size, long firstIndex) {
    /** Whether every entry is finite. */
    public boolean finite() {
      return nan == 0 && infinite == 0;
    }

    /** For example {@code "3 NaN and 1 infinite of 784 values (first at flat index 17)"}. */
    @Override
    public String toString() {
      return nan + " NaN and " + infinite + " infinite of " + size + " values (first at flat index " + firstIndex
          + ")";
    }
  }

  /** The NaN and infinite entries of {@code t}. */
  public static Count count(Tensor t) {
    float[] v = INTERNALS.array(t);
    long nan = 0;
    long inf = 0;
    long first = -1;
    for (int i = 0; i < v.length; i++) {
      float x = v[i];
      if (x - x != 0f) { // NaN and infinities only
        if (Float.isNaN(x)) {
          nan++;
        } else {
          inf++;
        }
        if (first < 0) {
          first = i;
        }
      }
    }
    return new Count(nan, inf, v.length, first);
  }

  /**
   * Checks that every entry of {@code t} is finite.
   *
   * @param what names the tensor in the message, for example {@code "input x.npy"}
   * @throws NonFiniteException saying how many entries are NaN or infinite and where the first one is
   */
  public static void requireFinite(String what, Tensor t) {
    Count c = count(t);
    if (!c.finite()) {
      throw new NonFiniteException(what + " " + t.shape() + " holds " + c);
    }
  }

  /**
   * Why a result of {@code graph} on {@code feeds} is not finite, in one line, or empty if it is finite: how many
   * of its values are NaN or infinite, and the first value of the forward pass that is not finite
   * ({@link #firstInForward}) or, when the whole pass is finite, that the method computing the result produced them.
   *
   * @param what names the result, for example {@code "the relevance of lrp"}
   */
  public static Optional<String> inResult(String what, Tensor result, Graph graph, Map<String, Tensor> feeds) {
    Count c = count(result);
    if (c.finite()) {
      return Optional.empty();
    }
    String cause = firstInForward(graph, feeds).map(s -> "first in the forward pass: " + s)
        .orElse("the forward pass is finite, so the method produced them");
    return Optional.of(what + " " + result.shape() + " holds " + c + "; " + cause);
  }

  /**
   * The first value of a forward pass that holds NaN or infinities, described in one line, or empty if the
   * whole pass is finite. Graph inputs come first; a node is blamed for its weights when one of them holds
   * non-finite values, and otherwise for producing them from finite inputs.
   */
  public static Optional<String> firstInForward(Graph graph, Map<String, Tensor> feeds) {
    for (GraphInput in : graph.inputs()) {
      Tensor t = feeds.get(in.name());
      if (t != null && !count(t).finite()) {
        return Optional.of("graph input '" + in.name() + "' " + t.shape() + " holds " + count(t));
      }
    }
    for (Node n : graph.nodes()) {
      Parameters p = n.op().parameters();
      for (String name : p.names()) {
        Count c = count(p.get(name));
        if (!c.finite()) {
          return Optional.of("node '" + n.name() + "' (" + n.op().type() + "): its weight '" + name + "' "
              + p.get(name).shape() + " holds " + c);
        }
      }
    }
    Trace trace = graph.forward(feeds);
    for (Node n : graph.nodes()) {
      Count c = count(trace.get(n.name()));
      if (!c.finite()) {
        return Optional.of("node '" + n.name() + "' (" + n.op().type() + ", input shapes "
            + trace.inputsOf(n).stream().map(Tensor::shape).toList() + ") is the first to produce non-finite "
            + "values from finite inputs: " + c);
      }
    }
    return Optional.empty();
  }
}
