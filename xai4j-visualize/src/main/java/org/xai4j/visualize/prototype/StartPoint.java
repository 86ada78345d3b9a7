package org.xai4j.visualize.prototype;

import java.util.Random;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Where gradient ascent starts. In pixel space the start is an image; in code space (through a
 * decoder) a code of the {@link CodePrior}.
 */
public enum StartPoint {
  /** Pixel space: the data mean (the default); code space: the prior mean. */
  MEAN("mean"),
  /** Pixel space: the lowest valid input everywhere (black); code space: the zero code. */
  ZEROS("zeros"),
  /** Pixel space: uniform noise over the valid range; code space: the prior mean plus std times standard normal noise. Seeded. */
  NOISE("noise");

  private final String id;

  StartPoint(String id) {
    this.id = id;
  }

  /** The command-line name. */
  public String id() {
    return id;
  }

  /**
   * The start images of a batch.
   *
   * @param mean the data mean, one sample's shape
   * @param batch number of prototypes
   * @param low the lowest valid input value
   * @param high the highest valid input value
   */
  public Tensor image(Tensor mean, int batch, double low, double high, long seed) {
    int[] sample = mean.shape().toArray();
    int[] dims = new int[sample.length + 1];
    dims[0] = batch;
    System.arraycopy(sample, 0, dims, 1, sample.length);
    Shape shape = Shape.of(dims);
    return switch (this) {
      case MEAN -> {
        float[] m = mean.toArray();
        float[] x = new float[shape.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = m[i % m.length];
        }
        yield Tensor.of(shape, x);
      }
      case ZEROS -> Tensor.full(shape, (float) low);
      case NOISE -> Tensor.randomUniform(shape, (float) low, (float) high, new Random(seed));
    };
  }

}
