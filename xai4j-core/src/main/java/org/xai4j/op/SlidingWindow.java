package org.xai4j.op;

import java.util.ArrayList;
import java.util.List;
import org.xai4j.tensor.Shape;

/**
 * The two spatial axes of a convolution or pooling window over NCHW data. A 1-D operation over
 * {@code [N, C, L]} runs as 2-D with {@link WindowAxis#SINGLETON} as its height axis, so every
 * kernel is written once, for two dimensions.
 *
 * @param h the height axis (the singleton axis for 1-D)
 * @param w the width axis
 */
record SlidingWindow(WindowAxis h, WindowAxis w) {
  /** Operations accept one or two spatial axes. */
  static final int MAX_SPATIAL_RANK = 2;

  /** The ONNX default of {@code strides} and {@code dilations}, also their least value. */
  private static final int UNIT_STEP = 1;

  /** The ONNX default of {@code pads}, also their least value. */
  private static final int NO_PADDING = 0;

  /** The least extent of a kernel axis. */
  private static final int MIN_KERNEL = 1;

  /** Input positions per channel plane. */
  int inArea() {
    return h.in() * w.in();
  }

  /** Window positions (output positions) per channel plane. */
  int outArea() {
    return h.out() * w.out();
  }

  /** Taps per window. */
  int kernelArea() {
    return h.kernel() * w.kernel();
  }

  /**
   * The windows of an op over {@code input} ({@code [N, C, spatial...]}), with ONNX attributes of
   * length {@code spatialRank} ({@code pads}: {@code 2 * spatialRank}, all begins then all ends).
   *
   * @throws IllegalArgumentException naming the op and the shapes if the input rank does not fit
   *     or the dilated kernel is larger than the padded input
   */
  static SlidingWindow over(String type, Shape input, List<Integer> kernel, List<Integer> strides,
      List<Integer> pads, List<Integer> dilations, boolean ceil) {
    int rank = kernel.size();
    OpChecks.require(input.rank() == rank + 2, type, "input " + input + " must have rank "
        + (rank + 2) + " ([N, C" + ", spatial".repeat(rank) + "]) for kernel shape " + kernel);
    WindowAxis[] axes = new WindowAxis[rank];
    for (int i = 0; i < rank; i++) {
      int axis = i;
      axes[i] = OpChecks.named(type, () -> WindowAxis.sliding(input.dim(2 + axis), kernel.get(axis),
          strides.get(axis), pads.get(axis), pads.get(rank + axis), dilations.get(axis), ceil));
      OpChecks.require(axes[i] != null, type, "kernel " + kernel + " with dilations " + dilations
          + " is larger than input " + input + " padded by " + pads);
    }
    return of(axes);
  }

  /** The window of one or two axes (a single axis is the width, lifted to 2-D). */
  static SlidingWindow of(WindowAxis... axes) {
    return axes.length == 1 ? new SlidingWindow(WindowAxis.SINGLETON, axes[0])
        : new SlidingWindow(axes[0], axes[1]);
  }

  /** The output shape {@code [batch, channels, spatial...]} of the given spatial rank. */
  Shape outputShape(int batch, int channels, int spatialRank) {
    return spatialRank == 1 ? Shape.of(batch, channels, w.out())
        : Shape.of(batch, channels, h.out(), w.out());
  }

  /**
   * The output shape of a pooling over {@code input}: batch and channels are kept, the spatial
   * axes become the window counts.
   */
  Shape pooledShape(Shape input) {
    return outputShape(input.dim(0), input.dim(1), input.rank() - 2);
  }

  /** The input-side shape {@code [batch, channels, spatial...]} of the given spatial rank. */
  Shape inputShape(int batch, int channels, int spatialRank) {
    return spatialRank == 1 ? Shape.of(batch, channels, w.in())
        : Shape.of(batch, channels, h.in(), w.in());
  }

  /**
   * An ONNX integer-list attribute with defaults: {@code null} or empty gives {@code length}
   * copies of {@code fallback}; otherwise the list must have {@code length} entries, each at
   * least {@code min}.
   *
   * @throws IllegalArgumentException naming the op, the attribute and the values otherwise
   */
  static List<Integer> attribute(String type, String name, List<Integer> given, int length,
      int fallback, int min) {
    if (given == null || given.isEmpty()) {
      List<Integer> d = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        d.add(fallback);
      }
      return List.copyOf(d);
    }
    OpChecks.require(given.size() == length, type, name + " " + given + " must have " + length
        + " entries");
    for (int v : given) {
      OpChecks.require(v >= min, type, name + " " + given + " must all be at least " + min);
    }
    return List.copyOf(given);
  }

  /**
   * The ONNX attribute {@code kernel_shape} of a pooling op, which also fixes its spatial rank.
   *
   * @throws IllegalArgumentException naming the op and the values unless it has one or two
   *     entries, each at least 1
   */
  static List<Integer> kernelShape(String type, List<Integer> given) {
    int rank = given == null ? 0 : given.size();
    requireSpatialRank(type, "kernel_shape " + given, rank);
    return attribute(type, "kernel_shape", given, rank, MIN_KERNEL, MIN_KERNEL);
  }

  /** The ONNX attribute {@code strides} (default all 1) for {@code rank} spatial axes. */
  static List<Integer> strides(String type, List<Integer> given, int rank) {
    return attribute(type, "strides", given, rank, UNIT_STEP, UNIT_STEP);
  }

  /** The ONNX attribute {@code dilations} (default all 1) for {@code rank} spatial axes. */
  static List<Integer> dilations(String type, List<Integer> given, int rank) {
    return attribute(type, "dilations", given, rank, UNIT_STEP, UNIT_STEP);
  }

  /**
   * The ONNX attribute {@code pads} (default all 0) for {@code rank} spatial axes: all begins,
   * then all ends.
   */
  static List<Integer> pads(String type, List<Integer> given, int rank) {
    return attribute(type, "pads", given, 2 * rank, NO_PADDING, NO_PADDING);
  }

  /**
   * The {@code pads} of a pooling op with kernel extents {@code kernel}: as {@link #pads}, and each
   * pad smaller than its axis' kernel extent (as ONNX Runtime requires), so that no window lies
   * wholly in the padding (where max pooling would output its {@code -inf} padding).
   *
   * @throws IllegalArgumentException naming the op, the pads and the kernel otherwise
   */
  static List<Integer> poolingPads(String type, List<Integer> given, List<Integer> kernel) {
    int rank = kernel.size();
    List<Integer> pads = pads(type, given, rank);
    for (int i = 0; i < 2 * rank; i++) {
      OpChecks.require(pads.get(i) < kernel.get(i % rank), type, "pads " + pads
          + " must each be smaller than the kernel extent of their axis, kernel_shape " + kernel);
    }
    return pads;
  }

  /**
   * The ONNX attribute {@code output_padding} of a transposed convolution (default all 0) for
   * {@code rank} spatial axes.
   */
  static List<Integer> outputPadding(String type, List<Integer> given, int rank) {
    return attribute(type, "output_padding", given, rank, NO_PADDING, NO_PADDING);
  }

  /** Checks that the spatial rank is one or two. */
  static void requireSpatialRank(String type, String what, int rank) {
    OpChecks.require(rank >= 1 && rank <= MAX_SPATIAL_RANK, type, what + " gives " + rank
        + " spatial axes; only 1-D and 2-D are supported");
  }
}
