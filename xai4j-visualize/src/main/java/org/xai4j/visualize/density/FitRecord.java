package org.xai4j.visualize.density;

/**
 * How a density was fitted, saved with it in its {@link DensityFile}.
 *
 * @param data what the density was fitted on, e.g. {@code "mnist (bundled, first 3000 training digits)"}
 * @param trainingSamples number of samples fitted on
 * @param heldOutSamples number of held-out samples the held-out log-likelihood was measured on (0: none)
 * @param trainLogLikelihood mean log-density of the training samples
 * @param heldOutLogLikelihood mean log-density of the held-out samples ({@code NaN} when there were none)
 * @param logLikelihoodStandardError the standard error of both log-likelihoods from an estimated
 *     partition function (the RBM's AIS estimate); 0 when they are exact
 * @param seconds wall-clock time of the fit, including the partition-function estimate
 * @param settings the settings of the fit, as their record's text
 */
public record FitRecord(String data, int trainingSamples, int heldOutSamples, double trainLogLikelihood,
    double heldOutLogLikelihood, double logLikelihoodStandardError, double seconds, String settings) {}
