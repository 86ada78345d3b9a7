package org.xai4j.models;

import java.util.List;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Init;
import org.xai4j.op.BatchNormalization;
import org.xai4j.op.Conv;
import org.xai4j.op.MaxPool;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Layer helpers of the recipes on top of {@link GraphBuilder} (convolutions, pooling, norms). */
final class Layers {
  /** Side of the square convolution kernels. */
  static final int KERNEL = 3;
  /** Padding that keeps the spatial size of a {@link #KERNEL} convolution. */
  static final int SAME_PADDING = KERNEL / 2;
  /** Window and stride of the halving max pooling. */
  static final int POOL = 2;

  private Layers() {}

  /** A 3x3 convolution with unit stride and "same" padding, Kaiming-uniform weights, zero bias. */
  static String conv3x3(GraphBuilder b, String name, String source, int in, int out) {
    return conv3x3(b, name, source, in, out, 1);
  }

  /**
   * A 3x3 convolution with padding 1 and the given stride (stride 2 halves height and width),
   * Kaiming-uniform weights, zero bias.
   */
  static String conv3x3(GraphBuilder b, String name, String source, int in, int out, int stride) {
    Tensor w = Init.kaimingUniform(Shape.of(out, in, KERNEL, KERNEL), in * KERNEL * KERNEL, b.random());
    List<Integer> pads = List.of(SAME_PADDING, SAME_PADDING, SAME_PADDING, SAME_PADDING);
    return b.add(name, new Conv(w, Tensor.zeros(Shape.of(out)), List.of(stride, stride), pads, List.of(1, 1), 1),
        source);
  }

  /** A 2x2 max pooling with stride 2. */
  static String pool(GraphBuilder b, String name, String source) {
    return b.add(name, MaxPool.square(POOL, POOL, 0), source);
  }

  /** A batch normalization starting as the identity. */
  static String batchNorm(GraphBuilder b, String name, String source, int channels) {
    return b.add(name, BatchNormalization.identity(channels), source);
  }
}
