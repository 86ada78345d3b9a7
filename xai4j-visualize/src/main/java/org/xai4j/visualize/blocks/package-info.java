/**
 * The building blocks of interpretability (Olah et al., "The Building Blocks of Interpretability",
 * Distill 2018) for one image: attribution at hidden layers, spatial and per channel
 * ({@link org.xai4j.visualize.blocks.HiddenAttribution}), the semantic dictionary
 * ({@link org.xai4j.visualize.blocks.SemanticDictionary}), neuron groups by non-negative matrix
 * factorization ({@link org.xai4j.visualize.blocks.NeuronGroups}, {@link org.xai4j.visualize.blocks.Nmf})
 * and cached feature-visualization icons ({@link org.xai4j.visualize.blocks.FeatureIcons}), put
 * together per layer by {@link org.xai4j.visualize.blocks.BuildingBlocks}. The interactive page
 * that shows them is xai4j-report's {@code org.xai4j.report.blocks}.
 */
package org.xai4j.visualize.blocks;
