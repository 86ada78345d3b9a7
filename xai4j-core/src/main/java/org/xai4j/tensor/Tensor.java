package org.xai4j.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An immutable float32 tensor of any rank, stored row-major (images NCHW).
 *
 * <p>Every operation returns a new tensor; {@link #reshape} shares the storage, which is safe
 * because nothing can write to it. Element-wise binary operations broadcast as NumPy and ONNX do
 * (see {@link Broadcast}); shape errors name both shapes.
 */
public final class Tensor {
  private final Shape shape;
  private final float[] data;
  /** Values derived from the (immutable) data, by key; created on first use (see {@link TensorInternals#derived}). */
  private volatile ConcurrentHashMap<Object, Object> derived;

  Tensor(Shape shape, float[] data) {
    if (shape.size() != data.length) {
      throw new IllegalArgumentException(
          "shape " + shape + " needs " + shape.size() + " values, got " + data.length);
    }
    this.shape = shape;
    this.data = data;
  }

  /** A tensor holding a copy of {@code values} in row-major order. */
  public static Tensor of(Shape shape, float... values) {
    return new Tensor(shape, values.clone());
  }

  /** A tensor holding a copy of {@code values}, converted to float32. */
  public static Tensor of(Shape shape, double... values) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return new Tensor(shape, f);
  }

  /** A one-dimensional tensor of the given values. */
  public static Tensor vector(float... values) {
    return of(Shape.of(values.length), values);
  }

  /** A rank-0 tensor. */
  public static Tensor scalar(float value) {
    return new Tensor(Shape.scalar(), new float[] {value});
  }

  /** All zeros. */
  public static Tensor zeros(Shape shape) {
    return new Tensor(shape, new float[shape.size()]);
  }

  /** Every element equal to {@code value}. */
  public static Tensor full(Shape shape, float value) {
    float[] d = new float[shape.size()];
    Arrays.fill(d, value);
    return new Tensor(shape, d);
  }

  /** Standard normal values drawn from {@code random}, scaled by {@code std}. */
  public static Tensor randomNormal(Shape shape, float std, Random random) {
    float[] d = new float[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (random.nextGaussian() * std);
    }
    return new Tensor(shape, d);
  }

  /** Values uniform in {@code [low, high)} drawn from {@code random}. */
  public static Tensor randomUniform(Shape shape, float low, float high, Random random) {
    float[] d = new float[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = low + (high - low) * random.nextFloat();
    }
    return new Tensor(shape, d);
  }

  /** The shape. */
  public Shape shape() {
    return shape;
  }

  /** Number of elements. */
  public int size() {
    return data.length;
  }

  /** Number of axes. */
  public int rank() {
    return shape.rank();
  }

  /** The element at a multi-index (one index per axis). */
  public float get(int... index) {
    if (index.length != shape.rank()) {
      throw new IllegalArgumentException(
          "index " + Arrays.toString(index) + " has " + index.length + " axes, shape " + shape
              + " has " + shape.rank());
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape.dim(i)) {
        throw new IndexOutOfBoundsException(
            "index " + Arrays.toString(index) + " is outside shape " + shape);
      }
      flat = flat * shape.dim(i) + index[i];
    }
    return data[flat];
  }

  /** The element at a row-major flat position. */
  public float getFlat(int i) {
    return data[i];
  }

  /** The only element of a one-element tensor. */
  public float item() {
    if (data.length != 1) {
      throw new IllegalStateException("item() needs one element, shape " + shape + " has " + data.length);
    }
    return data[0];
  }

  /** A copy of the elements in row-major order. */
  public float[] toArray() {
    return data.clone();
  }

  /** The elements widened to double, row-major. */
  public double[] toDoubleArray() {
    double[] d = new double[data.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = data[i];
    }
    return d;
  }

  /** The same elements viewed with another shape of the same size (storage is shared). */
  public Tensor reshape(Shape newShape) {
    if (newShape.size() != data.length) {
      throw new IllegalArgumentException("cannot reshape " + shape + " to " + newShape);
    }
    return new Tensor(newShape, data);
  }

  /** Reshape with {@code -1} for one inferred extent. */
  public Tensor reshape(int... dims) {
    return reshape(shape.reshape(dims, true));
  }

  /** Applies a function to every element. */
  public Tensor map(FloatUnaryOperator f) {
    float[] d = new float[data.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = f.apply(data[i]);
    }
    return new Tensor(shape, d);
  }

  /** Combines two tensors element by element, broadcasting them to a common shape. */
  public Tensor zip(Tensor other, FloatBinaryOperator f) {
    if (shape.equals(other.shape)) {
      float[] d = new float[data.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = f.apply(data[i], other.data[i]);
      }
      return new Tensor(shape, d);
    }
    Shape out = Broadcast.shape(shape, other.shape);
    int[] ia = Broadcast.sourceIndex(shape, out);
    int[] ib = Broadcast.sourceIndex(other.shape, out);
    float[] d = new float[out.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = f.apply(data[ia[i]], other.data[ib[i]]);
    }
    return new Tensor(out, d);
  }

  /** Element-wise sum, broadcasting. */
  public Tensor add(Tensor other) {
    return zip(other, Float::sum);
  }

  /** Element-wise difference, broadcasting. */
  public Tensor sub(Tensor other) {
    return zip(other, (a, b) -> a - b);
  }

  /** Element-wise product, broadcasting. */
  public Tensor mul(Tensor other) {
    return zip(other, (a, b) -> a * b);
  }

  /** Element-wise quotient, broadcasting. */
  public Tensor div(Tensor other) {
    return zip(other, (a, b) -> a / b);
  }

  /** Adds a constant to every element. */
  public Tensor add(float c) {
    return map(x -> x + c);
  }

  /** Multiplies every element by a constant. */
  public Tensor mul(float c) {
    return map(x -> x * c);
  }

  /** Sum of all elements, accumulated in double. */
  public double sum() {
    double s = 0;
    for (float v : data) {
      s += v;
    }
    return s;
  }

  /** Mean of all elements. */
  public double mean() {
    return sum() / data.length;
  }

  /** Largest element. */
  public float max() {
    float m = Float.NEGATIVE_INFINITY;
    for (float v : data) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Smallest element. */
  public float min() {
    float m = Float.POSITIVE_INFINITY;
    for (float v : data) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Largest absolute value. */
  public float maxAbs() {
    float m = 0;
    for (float v : data) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** Sum along one axis; the axis is kept with extent 1 when {@code keepDims}. */
  public Tensor sum(int axis, boolean keepDims) {
    return reduce(axis, AxisReduction.SUM, keepDims);
  }

  /**
   * Reduces one axis (negative counts from the end), for example the channel axis of
   * {@code [N, C, H, W]} ({@code reduce(1, SUM, false)} gives {@code [N, H, W]}) or its spatial
   * extent after a reshape to {@code [N, C, H * W]} ({@code reduce(2, MEAN, true)} gives
   * {@code [N, C, 1]}); the axis is kept with extent 1 when {@code keepDims}.
   *
   * @throws IllegalArgumentException if the axis does not exist or is empty
   */
  public Tensor reduce(int axis, AxisReduction how, boolean keepDims) {
    int a = shape.axis(axis);
    int outer = shape.product(0, a);
    int n = shape.dim(a);
    int inner = shape.product(a + 1, shape.rank());
    if (n == 0) {
      throw new IllegalArgumentException("cannot reduce the empty axis " + a + " of shape " + shape);
    }
    float[] d = new float[outer * inner];
    for (int o = 0; o < outer; o++) {
      int to = o * inner;
      int from = o * n * inner;
      for (int i = 0; i < inner; i++) {
        d[to + i] = how == AxisReduction.ABS_SUM ? Math.abs(data[from + i]) : data[from + i];
      }
      for (int k = 1; k < n; k++) {
        int base = from + k * inner;
        switch (how) {
          case SUM, MEAN -> {
            for (int i = 0; i < inner; i++) {
              d[to + i] += data[base + i];
            }
          }
          case ABS_SUM -> {
            for (int i = 0; i < inner; i++) {
              d[to + i] += Math.abs(data[base + i]);
            }
          }
          case MAX -> {
            for (int i = 0; i < inner; i++) {
              d[to + i] = Math.max(d[to + i], data[base + i]);
            }
          }
        }
      }
    }
    if (how == AxisReduction.MEAN) {
      for (int i = 0; i < d.length; i++) {
        d[i] /= n;
      }
    }
    return new Tensor(reducedShape(a, keepDims), d);
  }

  /** Index of the largest element along the last axis of each row, for a {@code [N, K]} tensor. */
  public int[] argmaxRows() {
    if (shape.rank() != 2) {
      throw new IllegalArgumentException("argmaxRows needs a [N, K] tensor, got shape " + shape);
    }
    int rows = shape.dim(0);
    int k = shape.dim(1);
    int[] idx = new int[rows];
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (data[r * k + j] > data[r * k + best]) {
          best = j;
        }
      }
      idx[r] = best;
    }
    return idx;
  }

  private Shape reducedShape(int axis, boolean keepDims) {
    if (keepDims) {
      return shape.withDim(axis, 1);
    }
    int[] dims = new int[shape.rank() - 1];
    for (int i = 0, j = 0; i < shape.rank(); i++) {
      if (i != axis) {
        dims[j++] = shape.dim(i);
      }
    }
    return Shape.of(dims);
  }

  /** Entries {@code [start, end)} along the first axis (for example a sub-batch). */
  public Tensor slice0(int start, int end) {
    int n = shape.dim(0);
    if (start < 0 || end > n || start > end) {
      throw new IndexOutOfBoundsException(
          "slice [" + start + ", " + end + ") is outside axis 0 of shape " + shape);
    }
    int inner = shape.product(1, shape.rank());
    return new Tensor(shape.withDim(0, end - start),
        Arrays.copyOfRange(data, start * inner, end * inner));
  }

  /** Concatenates tensors along the first axis; all other extents must agree. */
  public static Tensor concat0(List<Tensor> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat0 needs at least one tensor");
    }
    Shape first = parts.get(0).shape;
    int n = 0;
    int total = 0;
    for (Tensor t : parts) {
      if (t.rank() != first.rank() || t.shape.product(1, t.rank()) != first.product(1, first.rank())
          || !t.shape.withDim(0, 1).equals(first.withDim(0, 1))) {
        throw new IllegalArgumentException(
            "cannot concatenate shapes " + first + " and " + t.shape + " along axis 0");
      }
      n += t.shape.dim(0);
      total += t.size();
    }
    float[] d = new float[total];
    int pos = 0;
    for (Tensor t : parts) {
      System.arraycopy(t.data, 0, d, pos, t.size());
      pos += t.size();
    }
    return new Tensor(first.withDim(0, n), d);
  }

  /** Largest absolute element-wise difference to a tensor of the same shape. */
  public float maxAbsDifference(Tensor other) {
    requireSameShape(other, "maxAbsDifference");
    float m = 0;
    for (int i = 0; i < data.length; i++) {
      m = Math.max(m, Math.abs(data[i] - other.data[i]));
    }
    return m;
  }

  /**
   * Fails with a message naming both shapes and the operation unless {@code other} has this
   * tensor's shape.
   */
  public void requireSameShape(Tensor other, String what) {
    if (!shape.equals(other.shape)) {
      throw new IllegalArgumentException(
          what + ": shapes " + shape + " and " + other.shape + " differ");
    }
  }

  /** A short description: shape and, for small tensors, the values. */
  @Override
  public String toString() {
    if (data.length <= 16) {
      return "Tensor" + shape + Arrays.toString(data);
    }
    return "Tensor" + shape + "[min=" + min() + ", max=" + max() + ", mean=" + (float) mean() + "]";
  }

  /** A function from float to float. */
  @FunctionalInterface
  public interface FloatUnaryOperator {
    /** Applies the function. */
    float apply(float x);
  }

  /** A function of two floats. */
  @FunctionalInterface
  public interface FloatBinaryOperator {
    /** Applies the function. */
    float apply(float a, float b);
  }

  float[] data() {
    return data;
  }

  <V> V derived(Object key, Class<V> type, Function<Tensor, ? extends V> compute) {
    ConcurrentHashMap<Object, Object> map = derived;
    if (map == null) {
      synchronized (this) {
        map = derived;
        if (map == null) {
          map = new ConcurrentHashMap<>();
          derived = map;
        }
      }
    }
    return type.cast(map.computeIfAbsent(key, k -> compute.apply(this)));
  }
}
