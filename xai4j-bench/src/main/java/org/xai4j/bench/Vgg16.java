package org.xai4j.bench;

import java.util.List;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphBuilder;
import org.xai4j.graph.Init;
import org.xai4j.op.Conv;
import org.xai4j.op.Flatten;
import org.xai4j.op.MaxPool;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * VGG-16 (configuration D of Simonyan and Zisserman, 2015) for 3 x 224 x 224 images, built with
 * {@link GraphBuilder} from seeded Kaiming-uniform weights: thirteen 3x3 convolutions (padding 1)
 * with ReLU, five 2x2 max-pools, then 25088-4096-4096-1000 fully connected layers (no dropout:
 * inference). About 138 million parameters and 15.5 billion multiply-adds per image.
 *
 * @param graph the model
 * @param multiplyAddsPerImage multiply-adds of one forward pass of one image
 */
record Vgg16(Graph graph, double multiplyAddsPerImage) {
  /** Output channels of the convolutions; 0 marks a max-pool. */
  private static final int[] LAYERS = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};
  private static final int[] HIDDEN = {4096, 4096};
  private static final int CLASSES = 1000;
  /** Input channels (RGB). */
  static final int IMAGE_CHANNELS = 3;
  /** Input side in pixels. */
  static final int SIDE = 224;
  private static final int KERNEL = 3;
  private static final int POOL = 2;

  /** Builds the model with weights drawn from {@code seed}. */
  static Vgg16 build(long seed) {
    GraphBuilder b = Graph.builder().seed(seed);
    String x = b.input("image", -1, IMAGE_CHANNELS, SIDE, SIDE);
    int channels = IMAGE_CHANNELS;
    int side = SIDE;
    double macs = 0;
    int conv = 0;
    int pool = 0;
    for (int out : LAYERS) {
      if (out == 0) {
        x = b.add("pool" + ++pool, MaxPool.square(POOL, POOL, 0), x);
        side /= POOL;
        continue;
      }
      int fanIn = channels * KERNEL * KERNEL;
      Tensor w = Init.kaimingUniform(Shape.of(out, channels, KERNEL, KERNEL), fanIn, b.random());
      x = b.add("conv" + ++conv, new Conv(w, Tensor.zeros(Shape.of(out)), null, List.of(1, 1, 1, 1), null, 1), x);
      x = b.relu("relu" + conv, x);
      macs += (double) out * fanIn * side * side;
      channels = out;
    }
    x = b.add("flatten", new Flatten(), x);
    int features = channels * side * side;
    int fc = 0;
    for (int hidden : HIDDEN) {
      x = b.relu("fc_relu" + ++fc, b.linear("fc" + fc, x, features, hidden));
      macs += (double) features * hidden;
      features = hidden;
    }
    x = b.linear("fc" + ++fc, x, features, CLASSES);
    macs += (double) features * CLASSES;
    return new Vgg16(b.output(x).build(), macs);
  }
}
