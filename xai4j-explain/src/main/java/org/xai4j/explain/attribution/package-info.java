/**
 * Gradient-family and perturbation attribution methods, each an
 * {@link org.xai4j.explain.Attributor}: {@link org.xai4j.explain.attribution.Gradient} (plain,
 * Guided Backprop, Deconvnet), {@link org.xai4j.explain.attribution.Sensitivity},
 * {@link org.xai4j.explain.attribution.GradientTimesInput},
 * {@link org.xai4j.explain.attribution.IntegratedGradients},
 * {@link org.xai4j.explain.attribution.SmoothGrad} (with SmoothGrad-squared and VarGrad),
 * {@link org.xai4j.explain.attribution.GradCam} and {@link org.xai4j.explain.attribution.Occlusion}.
 *
 * <p>Every gradient is the one reverse pass {@link org.xai4j.backprop.Backprop#run} with per-node
 * overrides ({@link org.xai4j.explain.attribution.ReluOverrides} for Guided Backprop and
 * Deconvnet); methods that evaluate many points stack them into bounded batches. Definitions and
 * defaults follow Captum and Zennit; each class documents where it follows which.
 */
package org.xai4j.explain.attribution;
