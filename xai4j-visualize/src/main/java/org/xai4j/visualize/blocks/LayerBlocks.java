package org.xai4j.visualize.blocks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The building blocks of one layer for one image.
 *
 * @param gradient the activation and the target's gradient
 * @param attributions activation x gradient, then Integrated Gradients at the layer (if computed), then LRP
 * @param dictionary the top channels per position
 * @param groups the neuron groups
 * @param tableChannels the channels of largest |activation x gradient|, in decreasing order
 * @param channelIcons the icon of every channel of the dictionary and the table
 * @param groupIcons the icon of each group's direction, in the groups' order
 * @param seconds the time taken, icons included
 */
public record LayerBlocks(LayerGradient gradient, List<LayerAttribution> attributions, SemanticDictionary dictionary,
    NeuronGroups groups, List<Integer> tableChannels, Map<Integer, Path> channelIcons, List<Path> groupIcons,
    double seconds) {
  /** Copies the collections. */
  public LayerBlocks {
    attributions = List.copyOf(attributions);
    tableChannels = List.copyOf(tableChannels);
    channelIcons = Map.copyOf(channelIcons);
    groupIcons = List.copyOf(groupIcons);
  }

  /** The layer. */
  public String layer() {
    return gradient.layer();
  }
}
