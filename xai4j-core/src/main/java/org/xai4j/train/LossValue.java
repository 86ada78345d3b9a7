package org.xai4j.train;

import org.xai4j.tensor.Tensor;

/**
 * A loss evaluated on a batch: its value and its gradient with respect to the model output, the
 * seed of the reverse pass that yields the parameter gradients.
 *
 * @param value the loss (a mean over the batch)
 * @param gradient {@code d value / d output}, shaped like the output
 */
public record LossValue(double value, Tensor gradient) {}
