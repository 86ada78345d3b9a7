package org.xai4j.visualize.render;

import java.util.List;
import org.xai4j.tensor.Tensor;

/**
 * What {@link FeatureVisualization#render} produced.
 *
 * @param images the final images {@code [N, C, H, W]} in {@code (0, 1)}
 * @param parameter the final parameter (spectrum or pixels) they were rendered from
 * @param ascent the optimization's record: steps done, cancellation, the value at every step
 * @param snapshots the images at the configured snapshot steps
 * @param highFrequencyShare per image, the {@link HighFrequencyShare} of the final images
 */
public record RenderResult(Tensor images, Tensor parameter, AscentResult ascent, List<RenderSnapshot> snapshots,
    double[] highFrequencyShare) {
  /** Copies the list and the array. */
  public RenderResult {
    snapshots = List.copyOf(snapshots);
    highFrequencyShare = highFrequencyShare.clone();
  }

  @Override
  public double[] highFrequencyShare() {
    return highFrequencyShare.clone();
  }
}
