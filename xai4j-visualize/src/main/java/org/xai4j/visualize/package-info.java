/**
 * Interpretation of what a network has learned: activation maximization (class prototypes with an
 * L2, density-expert or code-space regularizer), feature visualization by optimization, and the
 * building blocks of interpretability. All of it is gradient ascent on an input through the one
 * reverse pass ({@link org.xai4j.backprop.Backprop}).
 */
package org.xai4j.visualize;
