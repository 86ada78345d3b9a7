/**
 * Canonizers: output-preserving graph rewrites that prepare models for LRP (batch norm merged into
 * the preceding linear layer or kept as an explicit affine layer, residual additions as sums).
 */
package org.xai4j.explain.canon;
