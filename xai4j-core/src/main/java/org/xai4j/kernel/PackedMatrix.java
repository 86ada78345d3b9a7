package org.xai4j.kernel;

/**
 * The left factor op(A) of the {@link Kernels} {@code sgemm} overload that takes one,
 * copied once into the layout the kernels in use read, for products that reuse the same A many
 * times (a convolution's weight, multiplied with every im2col chunk of every call). Multiplying
 * with it gives bit for bit the result of {@link Kernels#sgemm} on the original A with alpha 1,
 * without copying A again each time. Made by {@link Kernels#pack}.
 *
 * <p>Immutable and safe to share between threads. It keeps a reference to the original array (the
 * kernels read it directly for shapes that need no packing), which therefore must not change
 * afterwards, and holds about {@code m * k} floats of its own.
 */
public final class PackedMatrix {
  private final KernelSupport packer;
  private final boolean transA;
  private final int m;
  private final int k;
  private final float[] a;
  private final int aOff;
  private final int lda;
  private final float[] packed;

  PackedMatrix(KernelSupport packer, boolean transA, int m, int k, float[] a, int aOff, int lda, float[] packed) {
    this.packer = packer;
    this.transA = transA;
    this.m = m;
    this.k = k;
    this.a = a;
    this.aOff = aOff;
    this.lda = lda;
    this.packed = packed;
  }

  /** Rows of op(A): the rows of the products' C. */
  public int rows() {
    return m;
  }

  /** Columns of op(A): the products' depth. */
  public int depth() {
    return k;
  }

  KernelSupport packer() {
    return packer;
  }

  boolean transA() {
    return transA;
  }

  float[] a() {
    return a;
  }

  int aOff() {
    return aOff;
  }

  int lda() {
    return lda;
  }

  float[] packed() {
    return packed;
  }
}
