package org.xai4j.visualize.blocks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.explain.image.Png;
import org.xai4j.graph.Graph;
import org.xai4j.graph.GraphInput;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.objective.Objectives;
import org.xai4j.visualize.param.ImageParam;
import org.xai4j.visualize.render.FeatureVisualization;
import org.xai4j.visualize.render.ImageGrid;
import org.xai4j.visualize.render.RenderConfig;

/**
 * Small feature visualizations of channels and directions of a layer, cached on disk: one PNG per
 * icon under {@code cache/<model fingerprint>/<layer>/}, named by the channel (or a hash of the
 * direction) and a hash of the {@link IconSettings}. An icon already on disk is never rendered
 * again, so a second report on the same model is fast. Missing icons are rendered together, one
 * batch item per icon ({@code objective.forItem(i)}), in one optimization.
 */
public final class FeatureIcons {
  private final Graph graph;
  private final Path dir;
  private final IconSettings settings;
  private final int channels;
  private final int height;
  private final int width;
  private int rendered;

  /**
   * Icons of {@code graph} cached under {@code cache}.
   *
   * @throws IllegalArgumentException if the graph does not have one image input {@code [N, C, H, W]}
   */
  public FeatureIcons(Graph graph, Path cache, IconSettings settings) {
    if (graph.inputs().size() != 1 || graph.inputs().get(0).dims().length != 4) {
      throw new IllegalArgumentException("feature icons need a model with one image input [N, C, H, W], got "
          + graph.inputs());
    }
    GraphInput in = graph.inputs().get(0);
    int[] dims = in.dims();
    this.graph = graph;
    this.settings = settings;
    this.channels = dims[1] > 0 ? dims[1] : 3;
    this.height = dims[2] > 0 ? dims[2] : settings.size();
    this.width = dims[3] > 0 ? dims[3] : settings.size();
    this.dir = cache.resolve(ModelFingerprint.of(graph));
  }

  /** How many icons this instance rendered (the others came from the cache). */
  public int rendered() {
    return rendered;
  }

  /** The PNG of each channel's visualization ({@code channel} objective: its spatial mean). */
  public Map<Integer, Path> channels(String layer, Collection<Integer> channelIndices) {
    Map<Integer, Path> out = new LinkedHashMap<>();
    List<Objective> missing = new ArrayList<>();
    List<Path> missingFiles = new ArrayList<>();
    String key = ModelFingerprint.shortHash(settings.key(channels, height, width));
    for (int c : channelIndices) {
      Path file = layerDir(layer).resolve("c" + c + "-" + key + ".png");
      out.put(c, file);
      if (!Files.isRegularFile(file)) {
        missing.add(Objectives.channel(layer, c));
        missingFiles.add(file);
      }
    }
    render(missing, missingFiles);
    return out;
  }

  /** The PNG of each direction's visualization ({@code direction} objective, Lucid's dot product). */
  public List<Path> directions(String layer, List<float[]> directions) {
    List<Path> out = new ArrayList<>();
    List<Objective> missing = new ArrayList<>();
    List<Path> missingFiles = new ArrayList<>();
    String key = ModelFingerprint.shortHash(settings.key(channels, height, width));
    for (float[] v : directions) {
      ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES);
      b.asFloatBuffer().put(v);
      Path file = layerDir(layer).resolve("d" + ModelFingerprint.shortHash(HexFormat.of().formatHex(b.array()))
          + "-" + key + ".png");
      out.add(file);
      if (!Files.isRegularFile(file) && !missingFiles.contains(file)) {
        missing.add(Objectives.direction(layer, v));
        missingFiles.add(file);
      }
    }
    render(missing, missingFiles);
    return out;
  }

  private Path layerDir(String layer) {
    return dir.resolve(layer.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  private void render(List<Objective> objectives, List<Path> files) {
    if (objectives.isEmpty()) {
      return;
    }
    int n = objectives.size();
    List<Objective> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(objectives.get(i).forItem(i));
    }
    RenderConfig config = RenderConfig.builder(Objective.sum(items))
        .param(ImageParam.lucid(n, channels, height, width))
        .transforms(settings.transforms(Math.min(height, width)))
        .steps(settings.steps()).seed(settings.seed()).build();
    Tensor images = FeatureVisualization.of(graph, config).render().images();
    try {
      Files.createDirectories(files.get(0).getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the icon cache " + files.get(0).getParent() + ": "
          + e.getMessage(), e);
    }
    for (int i = 0; i < n; i++) {
      Png.write(ImageGrid.of(images.slice0(i, i + 1)), files.get(i));
    }
    rendered += n;
  }
}
