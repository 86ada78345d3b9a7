package org.xai4j.report.blocks;

import java.util.List;
import org.xai4j.visualize.blocks.LayerBlocks;

/**
 * Everything a building-blocks page shows, with the relative paths of its images.
 *
 * @param request what was asked
 * @param shape the input's shape
 * @param predicted the predicted class
 * @param probabilities the softmax of the model output
 * @param target the class explained
 * @param targetDescription what the attributions explain, for example {@code logit of class 7}
 * @param input the input image
 * @param inputHeatmaps the input-level heatmaps, one per method in the request's order
 * @param layers per layer, its blocks and images
 * @param seconds wall time of the whole report
 * @param iconsRendered icons rendered (the others were read from the cache)
 * @param iconsUsed icons shown
 */
record ReportModel(ReportRequest request, List<Integer> shape, int predicted, double[] probabilities, int target,
    String targetDescription, String input, List<String> inputHeatmaps, List<LayerView> layers, double seconds,
    int iconsRendered, int iconsUsed) {
  /**
   * One layer's blocks and the relative paths of their images.
   *
   * @param blocks the computed blocks
   * @param spatial one spatial heatmap per attribution of the blocks
   * @param masks one mask overlay per neuron group
   * @param groupIcons one icon per neuron group
   * @param channelIcons the icon of each channel shown, by channel
   */
  record LayerView(LayerBlocks blocks, List<String> spatial, List<String> masks, List<String> groupIcons,
      java.util.Map<Integer, String> channelIcons) {}
}
