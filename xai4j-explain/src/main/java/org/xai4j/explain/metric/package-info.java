/**
 * Measures of explanation quality: the properties of Montavon, Samek and Müller (2018) as
 * numbers (conservation, positivity, continuity, selectivity), the pixel-flipping family
 * (Samek et al. 2017 AOPC, Petsiuk et al. 2018 insertion/deletion), the sanity check of Adebayo et
 * al. (2018), infidelity and max-sensitivity (Yeh et al. 2019), local Lipschitz estimates, and
 * localization against ground-truth masks (Arras et al. 2022, Zhang et al. 2018).
 *
 * <p>Metrics that query the model implement {@link org.xai4j.explain.metric.Metric}; metrics of a
 * relevance tensor alone are plain functions. Targets are class indices per sample, fixed at the
 * explained input, so perturbed copies are explained for the same class. Every configuration is a
 * validated record whose defaults are named constants.
 */
package org.xai4j.explain.metric;
