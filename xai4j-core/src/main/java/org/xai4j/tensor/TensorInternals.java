package org.xai4j.tensor;

import java.util.function.Function;

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

  /**
   * A value computed from {@code t} once and kept with it: the first call for a {@code key} (equal
   * keys are the same entry) runs {@code compute}, later calls, from any thread, return its result.
   * Because tensors are immutable, the value stays valid for the tensor's lifetime and is freed
   * with it; a modified copy is a different tensor and computes its own. Used for data that
   * kernels derive from constant weights, such as a convolution's packed weight.
   *
   * @param key identifies the derived value; must implement {@code equals} and {@code hashCode} (a record)
   * @param type the value's class
   * @param compute builds the value from the tensor; must not call {@code derived} on the same tensor
   */
  public static <V> V derived(Tensor t, Object key, Class<V> type, Function<Tensor, ? extends V> compute) {
    return t.derived(key, type, compute);
  }

  /** Wraps a freshly computed array as a tensor without copying; the caller gives the array up. */
  public static Tensor adopt(Shape shape, float[] data) {
    return new Tensor(shape, data);
  }
}
