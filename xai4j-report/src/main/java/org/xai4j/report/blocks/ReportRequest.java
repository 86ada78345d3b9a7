package org.xai4j.report.blocks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.explain.Attributor;
import org.xai4j.visualize.blocks.BlocksSettings;

/**
 * What a building-blocks report shows.
 *
 * @param modelName how the page names the model
 * @param inputName how the page names the input
 * @param classNames the model's class names, by index, or empty to show indices only
 * @param layers the layers, in the order of the selector; empty for every ReLU convolutional layer
 *     ({@link org.xai4j.visualize.blocks.BuildingBlocks#defaultLayers})
 * @param targetClass the class explained, or {@code null} for the predicted class
 * @param versus a second class: the target is then the logit difference {@code target - versus};
 *     {@code null} for the target's logit alone
 * @param inputMethods the input-level methods whose heatmaps are shown side by side, by name
 * @param settings what is computed per layer
 */
public record ReportRequest(String modelName, String inputName, List<String> classNames, List<String> layers,
    Integer targetClass, Integer versus, Map<String, Attributor> inputMethods, BlocksSettings settings) {
  /** Copies the collections. */
  public ReportRequest {
    classNames = List.copyOf(classNames);
    layers = List.copyOf(layers);
    inputMethods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputMethods));
  }

  /** Class {@code k} with its name when there is one, for example {@code 2 (triangle)}. */
  public String className(int k) {
    return k < classNames.size() ? k + " (" + classNames.get(k) + ")" : Integer.toString(k);
  }
}
