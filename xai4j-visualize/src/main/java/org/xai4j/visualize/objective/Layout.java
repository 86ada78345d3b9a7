package org.xai4j.visualize.objective;

import org.xai4j.tensor.Tensor;

/**
 * A node's value seen as {@code [N, C, H, W]}: a 4-D value as it is, a 2-D {@code [N, C]} value as
 * {@code H = W = 1}.
 */
record Layout(int batch, int channels, int height, int width) {
  static Layout of(String node, Tensor t, Objective objective) {
    if (t.rank() == 4) {
      return new Layout(t.shape().dim(0), t.shape().dim(1), t.shape().dim(2), t.shape().dim(3));
    }
    if (t.rank() == 2) {
      return new Layout(t.shape().dim(0), t.shape().dim(1), 1, 1);
    }
    throw new IllegalArgumentException(objective.description() + ": node '" + node + "' has shape " + t.shape()
        + "; expected [N, C, H, W] or [N, C]");
  }

  int area() {
    return height * width;
  }

  int perItem() {
    return channels * area();
  }

  void requireChannel(int channel, String node, Objective objective) {
    if (channel < 0 || channel >= channels) {
      throw new IllegalArgumentException(objective.description() + ": channel " + channel + " is outside [0, "
          + channels + ") of node '" + node + "'");
    }
  }
}
