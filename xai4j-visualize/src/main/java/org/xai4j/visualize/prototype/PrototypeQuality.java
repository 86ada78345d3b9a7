package org.xai4j.visualize.prototype;

import java.util.OptionalDouble;

/**
 * How good one prototype is (Montavon, Samek &amp; Mueller 2018, section 3: a prototype should be
 * classified as its class and look like data).
 *
 * @param classIndex the prototype's class
 * @param targetProbability the classifier's softmax probability of that class at the prototype
 * @param dataDistance the mean Euclidean distance from the prototype to its
 *     {@link QualityMeasures#NEIGHBOURS} nearest training images
 * @param logLikelihood the expert's log-density at the prototype, for methods with an expert
 * @param steps the ascent steps done
 */
public record PrototypeQuality(int classIndex, double targetProbability, double dataDistance,
    OptionalDouble logLikelihood, int steps) {}
