/**
 * The optimization loop shared by feature visualization, activation maximization and the building
 * blocks. {@link org.xai4j.visualize.render.GradientAscent} maximizes any
 * {@link org.xai4j.visualize.render.AscentObjective} (a value and its gradient with respect to a
 * few parameter tensors) with core's {@link org.xai4j.train.Optimizer}s, seeded, with snapshots,
 * a progress listener and cancellation; {@link org.xai4j.visualize.render.ModelReadout} reads
 * hidden nodes of a model as a differentiable function of its input, computing only the
 * subgraph they depend on and reverse passes without parameter gradients.
 */
package org.xai4j.visualize.render;
