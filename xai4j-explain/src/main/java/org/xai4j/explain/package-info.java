/**
 * Explanations of single decisions: attribution methods, Layer-wise Relevance Propagation rules,
 * composites and canonizers, all expressed as per-node rules for the one reverse pass
 * ({@link org.xai4j.backprop.Backprop}).
 */
package org.xai4j.explain;
