package org.xai4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.graph.NonFinite;
import org.xai4j.graph.NonFiniteException;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Option;

/**
 * The {@code --allow-nonfinite} option and the checks it relaxes: an input, or a result of a model on its inputs,
 * holding NaN or infinities fails the command with exit code 3 and a message naming the first value of the forward
 * pass that holds them (graph input, weight or node). With the option the command goes on and prints the same
 * message as a warning, so a NaN heatmap is never written silently.
 */
final class NumericOptions {
  private static final String OPTION = "--allow-nonfinite";

  @Option(names = OPTION, description = "Go on (with a warning) when inputs or results hold NaN or infinities "
      + "instead of failing.")
  boolean allowNonFinite;

  /** Checks an input tensor; {@code what} names it, for example {@code "--input x.npy"}. */
  void checkInput(String what, Tensor x, PrintWriter err) {
    NonFinite.Count c = NonFinite.count(x);
    if (!c.finite()) {
      report(what + " " + x.shape() + " holds " + c, "to run anyway", err);
    }
  }

  /**
   * Checks a result of {@code graph} on {@code feeds}; if it is not finite, the message names the first value of
   * the forward pass that is not, or says that the forward pass is finite (so the method itself produced them).
   *
   * @param what names the result, for example {@code "the relevance of lrp"}
   */
  void checkResult(String what, Tensor result, Graph graph, Map<String, Tensor> feeds, PrintWriter err) {
    NonFinite.inResult(what, result, graph, feeds).ifPresent(m -> report(m, "to write it anyway", err));
  }

  private void report(String message, String toGoOn, PrintWriter err) {
    if (!allowNonFinite) {
      throw new NonFiniteException(message + " (pass " + OPTION + " " + toGoOn + ")");
    }
    err.println("warning: " + message);
    err.flush();
  }
}
