/**
 * Layer-wise Relevance Propagation and deep Taylor decomposition as rules of the one reverse pass.
 *
 * <p>{@link org.xai4j.explain.lrp.NodeRule} is the rule of one node, as data:
 * {@link org.xai4j.explain.lrp.LinearRule} (every rule for layers with weights: epsilon, zero,
 * gamma, alpha-beta, z+, w-square, flat, zB, as configurations of one mechanism modelled on
 * Zennit's {@code BasicHook}), {@link org.xai4j.explain.lrp.PassRule} (activations),
 * {@link org.xai4j.explain.lrp.NormRule} (sums, average pooling, concatenation),
 * {@link org.xai4j.explain.lrp.GradientRule} (max pooling as winner-takes-all, reshaping) and
 * {@link org.xai4j.explain.lrp.MaxPoolAsAverageRule}. {@link org.xai4j.explain.lrp.LrpRules} binds a
 * {@link org.xai4j.explain.lrp.composite.Composite} (with a canonizer) to a graph, preparing every
 * rule once; {@link org.xai4j.explain.lrp.Lrp#of} is the LRP method, the reverse pass
 * {@link org.xai4j.backprop.Backprop} with those rules.
 */
package org.xai4j.explain.lrp;
