package org.xai4j.tensor;

/**
 * Zero-copy access to tensor storage for xai4j's own kernels and ops.
 *
 * <p>Not part of the public API. Arrays obtained from {@link #array} must never be written, and
 * arrays passed to {@link #adopt} must not be touched by the caller afterwards; that is what keeps
 * every {@link Tensor} immutable while letting hot loops run on plain {@code float[]}.
 */
public final class TensorInternals {
  private TensorInternals() {}

  /** The storage of a tensor, row-major; read only. */
  public static float[] array(Tensor t) {
    return t.data();
  }

  /** Wraps a freshly computed array as a tensor without copying; the caller gives the array up. */
  public static Tensor adopt(Shape shape, float[] data) {
    return new Tensor(shape, data);
  }
}
