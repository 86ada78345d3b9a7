package org.xai4j.models;

import org.xai4j.graph.GraphBuilder;

/** The convolution, BatchNorm and ReLU block of the bundled CNN recipes, named {@code convI}, {@code bnI}, {@code reluI}. */
final class ConvBnRelu {
  private ConvBnRelu() {}

  /** Adds the block with index {@code index} after {@code source}; returns the ReLU's output. */
  static String add(GraphBuilder b, String index, String source, int in, int out, int kernel, int stride,
      int padding) {
    String c = b.conv2d("conv" + index, source, in, out, kernel, stride, padding);
    return b.relu("relu" + index, b.batchNorm("bn" + index, c, out));
  }
}
