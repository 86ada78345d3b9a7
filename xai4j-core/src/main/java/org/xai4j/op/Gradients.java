package org.xai4j.op;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.tensor.Tensor;

/**
 * The result of one backward step: a gradient (or relevance) per input, {@code null} where it was
 * not requested, and gradients of the op's parameters.
 */
public final class Gradients {
  private final Tensor[] inputs;
  private final Map<String, Tensor> parameters;

  private Gradients(Tensor[] inputs, Map<String, Tensor> parameters) {
    this.inputs = inputs;
    this.parameters = parameters;
  }

  /** Gradients for the inputs only; entries may be {@code null}. */
  public static Gradients ofInputs(Tensor... inputs) {
    return new Gradients(inputs.clone(), Map.of());
  }

  /** Gradients for inputs and parameters. */
  public static Gradients of(Tensor[] inputs, Map<String, Tensor> parameters) {
    return new Gradients(inputs.clone(), new LinkedHashMap<>(parameters));
  }

  /** Number of input slots. */
  public int inputCount() {
    return inputs.length;
  }

  /** The gradient of input {@code i}, or {@code null} if it was not computed. */
  public Tensor input(int i) {
    return inputs[i];
  }

  /** Parameter gradients by name (empty when not requested). */
  public Map<String, Tensor> parameters() {
    return java.util.Collections.unmodifiableMap(parameters);
  }

  @Override
  public String toString() {
    return "Gradients" + Arrays.toString(inputs) + parameters;
  }
}
