package org.xai4j.visualize.objective;

import java.util.Map;
import java.util.Set;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A penalty on the image itself (Lucid's objectives on {@code "input"}): L1, L2, total variation and
 * blur-each-step. Each is positive and grows with the property it measures, so it is subtracted:
 * {@code channel.minus(Objectives.totalVariation().times(1e-4))}. Values are sums over the batch, as
 * in Lucid; per item the image's own penalty.
 */
abstract class ImagePenalty implements Objective {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Override
  public final Set<String> nodes() {
    return Set.of();
  }

  @Override
  public final boolean readsImage() {
    return true;
  }

  @Override
  public ObjectiveValue evaluate(Activations a) {
    Tensor image = a.requireImage();
    if (image.rank() != 4) {
      throw new IllegalArgumentException(description() + ": the image has shape " + image.shape() + "; expected [N, C, H, W]");
    }
    int batch = a.batch();
    int per = image.size() / batch;
    float[] x = INTERNALS.array(image);
    float[] g = new float[x.length];
    double[] perItem = new double[batch];
    double total = 0;
    for (int n = 0; n < batch; n++) {
      perItem[n] = item(x, g, n * per, image.shape().dim(1), image.shape().dim(2), image.shape().dim(3));
      total += perItem[n];
    }
    return new ObjectiveValue(total, perItem, Map.of(), INTERNALS.adopt(image.shape(), g));
  }

  /**
   * The penalty of one image at {@code offset} ({@code channels x height x width}); writes its
   * gradient into {@code g} at the same offset.
   */
  abstract double item(float[] x, float[] g, int offset, int channels, int height, int width);

  @Override
  public String toString() {
    return description();
  }
}
