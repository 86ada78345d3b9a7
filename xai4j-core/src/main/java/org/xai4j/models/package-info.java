/**
 * The bundled models of xai4j, defined in Java: each {@link org.xai4j.models.ModelRecipe} builds
 * its graph with seeded initial weights, trains it reproducibly on bundled data and measures it.
 * {@link org.xai4j.models.BundledModels} lists them; {@code xai4j train <name>} runs them.
 */
package org.xai4j.models;
