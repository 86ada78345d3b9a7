package org.xai4j.visualize.density;

/**
 * A density and how it was fitted.
 *
 * @param density the fitted density
 * @param record the data, settings, time and log-likelihoods of the fit
 */
public record FittedDensity(Density density, FitRecord record) {}
