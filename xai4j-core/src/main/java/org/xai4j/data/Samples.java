package org.xai4j.data;

import java.util.Random;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/** Selecting and shuffling samples along the batch axis (axis 0) of tensors and label arrays. */
public final class Samples {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private Samples() {}

  /**
   * The entries {@code indices} of axis 0 of {@code t}, in that order.
   *
   * @throws IndexOutOfBoundsException naming the index and the shape if an index is outside axis 0
   */
  public static Tensor gather(Tensor t, int[] indices) {
    int n = t.shape().dim(0);
    int inner = t.shape().product(1, t.rank());
    float[] src = INTERNALS.array(t);
    float[] dst = new float[indices.length * inner];
    for (int i = 0; i < indices.length; i++) {
      int k = indices[i];
      if (k < 0 || k >= n) {
        throw new IndexOutOfBoundsException("sample " + k + " is outside axis 0 of shape " + t.shape());
      }
      System.arraycopy(src, k * inner, dst, i * inner, inner);
    }
    return INTERNALS.adopt(t.shape().withDim(0, indices.length), dst);
  }

  /** The entries {@code indices} of {@code labels}, in that order. */
  public static int[] gather(int[] labels, int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = labels[indices[i]];
    }
    return out;
  }

  /**
   * A uniformly random permutation of {@code 0..n-1} (Fisher-Yates, Durstenfeld's variant, drawing
   * {@code random.nextInt(i + 1)} for {@code i = n-1 .. 1}); the same {@code random} state always
   * yields the same permutation.
   */
  public static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  /**
   * One-hot rows: a {@code [N, classes]} tensor with 1 at {@code (n, labels[n])} and 0 elsewhere.
   *
   * @throws IllegalArgumentException naming the sample and the label if a label is outside
   *     {@code [0, classes)}
   */
  public static Tensor oneHot(int[] labels, int classes) {
    float[] d = new float[labels.length * classes];
    for (int n = 0; n < labels.length; n++) {
      if (labels[n] < 0 || labels[n] >= classes) {
        throw new IllegalArgumentException(
            "label " + labels[n] + " of sample " + n + " is outside [0, " + classes + ")");
      }
      d[n * classes + labels[n]] = 1f;
    }
    return INTERNALS.adopt(Shape.of(labels.length, classes), d);
  }
}
