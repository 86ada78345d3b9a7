package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * What a backward function may use: the recorded inputs and output of the forward pass, and which
 * gradients are wanted (so that, for example, a convolution skips its weight gradient when only
 * an explanation is computed).
 *
 * @param inputs the forward inputs
 * @param output the forward output
 * @param neededInputs for each input, whether its gradient is wanted
 * @param needsParameters whether parameter gradients are wanted
 */
public record BackwardContext(
    List<Tensor> inputs, Tensor output, List<Boolean> neededInputs, boolean needsParameters) {

  /** Validates that there is one flag per input. */
  public BackwardContext {
    inputs = List.copyOf(inputs);
    neededInputs = List.copyOf(neededInputs);
    if (inputs.size() != neededInputs.size()) {
      throw new IllegalArgumentException(
          inputs.size() + " inputs but " + neededInputs.size() + " gradient flags");
    }
  }

  /** A context that asks for the gradients of all inputs and, if requested, all parameters. */
  public static BackwardContext all(List<Tensor> inputs, Tensor output, boolean parameters) {
    return new BackwardContext(
        inputs, output, java.util.Collections.nCopies(inputs.size(), true), parameters);
  }

  /** Input {@code i} of the forward pass. */
  public Tensor input(int i) {
    return inputs.get(i);
  }

  /** Whether the gradient of input {@code i} is wanted. */
  public boolean needsInput(int i) {
    return neededInputs.get(i);
  }
}
