package org.xai4j.visualize.blocks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.graph.Node;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The building blocks of interpretability (Olah et al. 2018) for one image at one or more layers:
 * spatial and channel attribution ({@link HiddenAttribution}: activation x gradient, Integrated
 * Gradients at the layer, LRP), the semantic dictionary with feature-visualization icons, and the
 * neuron groups with their direction icons and attributions. Example:
 *
 * <pre>{@code
 * BuildingBlocks blocks = new BuildingBlocks(graph, BlocksSettings.defaults(BlocksSettings.defaultCache()));
 * LayerBlocks relu2 = blocks.layer(image, "relu2", Target.classes(7));
 * double[] perChannel = relu2.attributions().get(0).channels();
 * }</pre>
 */
public final class BuildingBlocks {
  private static final double NANOS_PER_SECOND = 1e9;
  private final Graph graph;
  private final BlocksSettings settings;
  private final FeatureIcons icons;

  /** The blocks of {@code graph}, icons cached as the settings say. */
  public BuildingBlocks(Graph graph, BlocksSettings settings) {
    this.graph = graph;
    this.settings = settings;
    this.icons = new FeatureIcons(graph, settings.iconCache(), settings.icons());
  }

  /** The settings. */
  public BlocksSettings settings() {
    return settings;
  }

  /** The icon renderer and cache (for example to ask how many icons were rendered rather than read). */
  public FeatureIcons icons() {
    return icons;
  }

  /**
   * The layers a report shows by default: every ReLU node whose output is {@code [N, C, H, W]}, in
   * graph order (the factorization into neuron groups needs non-negative activations).
   */
  public static List<String> defaultLayers(Graph graph) {
    Map<String, Shape> shapes = graph.inferShapes(Map.of(only(graph).name(), only(graph).shapeForBatch(1)));
    List<String> layers = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (n.op().type().equals("Relu") && shapes.get(n.name()).rank() == 4) {
        layers.add(n.name());
      }
    }
    return layers;
  }

  /**
   * The blocks of one layer.
   *
   * @throws IllegalArgumentException if the image is not one sample {@code [1, C, H, W]}, the layer is
   *     not {@code [1, C, H, W]} or has negative activations, or has fewer channels than the top-k
   */
  public LayerBlocks layer(Tensor image, String layer, Target target) {
    long start = System.nanoTime();
    LayerGradient g = HiddenAttribution.gradient(graph, image, layer, target);
    List<LayerAttribution> attributions = new ArrayList<>();
    LayerAttribution axg = g.activationTimesGradient();
    attributions.add(axg);
    if (settings.integratedGradientsSteps() > 0) {
      attributions.add(HiddenAttribution.integratedGradients(graph, image, layer, target,
          settings.integratedGradientsSteps()));
    }
    attributions.add(HiddenAttribution.lrp(settings.lrp(), graph, image, layer, target));
    int channels = g.activation().shape().dim(0);
    SemanticDictionary dictionary = SemanticDictionary.of(layer, g.activation(), Math.min(settings.topK(), channels));
    NeuronGroups groups = NeuronGroups.of(g, settings.nmf());
    double[] perChannel = axg.channels();
    List<Integer> table = IntStream.range(0, channels).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> -Math.abs(perChannel[c])).thenComparingInt(c -> c))
        .limit(settings.tableChannels()).toList();
    Set<Integer> iconChannels = new LinkedHashSet<>(dictionary.channels());
    iconChannels.addAll(table);
    var channelIcons = icons.channels(layer, iconChannels);
    var groupIcons = icons.directions(layer, groups.groups().stream().map(NeuronGroups.Group::direction).toList());
    return new LayerBlocks(g, attributions, dictionary, groups, table, channelIcons, groupIcons,
        (System.nanoTime() - start) / NANOS_PER_SECOND);
  }

  private static GraphInput only(Graph graph) {
    if (graph.inputs().size() != 1) {
      throw new IllegalArgumentException("the building blocks need a model with one input, got " + graph.inputs());
    }
    return graph.inputs().get(0);
  }
}
