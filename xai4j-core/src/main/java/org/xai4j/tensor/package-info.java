/**
 * Immutable float32 tensors ({@link org.xai4j.tensor.Tensor}, {@link org.xai4j.tensor.Shape}),
 * NumPy broadcasting and axis reductions.
 *
 * <p>{@link org.xai4j.tensor.TensorInternals} is internal, not API: the copy-free view of a
 * tensor's array for xai4j's own ops and kernels, which refuses callers outside
 * {@code org.xai4j} (see its class comment for how and for the limit of that check).
 */
package org.xai4j.tensor;
