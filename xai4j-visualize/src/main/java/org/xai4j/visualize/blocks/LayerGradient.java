package org.xai4j.visualize.blocks;

import org.xai4j.tensor.Tensor;

/**
 * A hidden layer's activation and the gradient of a target (a class logit or a logit difference)
 * with respect to it, for one image.
 *
 * @param layer the node
 * @param activation its value, {@code [C, H, W]}
 * @param gradient the target's gradient with respect to it, {@code [C, H, W]}
 * @param output the model output of the image, {@code [1, K]}
 */
public record LayerGradient(String layer, Tensor activation, Tensor gradient, Tensor output) {
  /** Activation x gradient (Olah et al. 2018's attribution at a hidden layer). */
  public LayerAttribution activationTimesGradient() {
    return new LayerAttribution(layer, HiddenAttribution.ACTIVATION_X_GRADIENT, activation.mul(gradient));
  }
}
