package org.xai4j.visualize.blocks;

import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * One attribution method's signal at a hidden layer of one image: a value per channel and position
 * {@code [C, H, W]}, read as spatial attribution (summed over channels) or channel attribution
 * (summed over space), as in Olah et al. (2018), "The Building Blocks of Interpretability".
 *
 * @param layer the node attributed
 * @param method what computed it, for example {@code activation x gradient}
 * @param values the attribution per channel and position, {@code [C, H, W]}
 */
public record LayerAttribution(String layer, String method, Tensor values) {
  /** Checks the rank. */
  public LayerAttribution {
    if (values.rank() != 3) {
      throw new IllegalArgumentException("a layer attribution is [C, H, W], got " + values.shape() + " for " + layer);
    }
  }

  /** Channels, height and width. */
  public Shape shape() {
    return values.shape();
  }

  /** Spatial attribution: the sum over channels at each position, {@code [H, W]}. */
  public Tensor spatial() {
    Shape s = values.shape();
    return values.sum(0, false).reshape(s.dim(1), s.dim(2));
  }

  /** Channel attribution: the sum over positions of each channel, {@code [C]}. */
  public double[] channels() {
    Shape s = values.shape();
    int positions = s.dim(1) * s.dim(2);
    float[] v = values.toArray();
    double[] out = new double[s.dim(0)];
    for (int c = 0; c < out.length; c++) {
      double sum = 0;
      for (int p = 0; p < positions; p++) {
        sum += v[c * positions + p];
      }
      out[c] = sum;
    }
    return out;
  }

  /** The sum over every channel and position. */
  public double total() {
    return values.sum();
  }
}
