package org.xai4j.report.blocks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.NonFinite;
import org.xai4j.graph.NonFiniteException;
import org.xai4j.io.AtomicFiles;
import org.xai4j.report.html.OutputFolder;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.report.image.Scaling;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.blocks.BuildingBlocks;
import org.xai4j.visualize.blocks.HiddenAttribution;
import org.xai4j.visualize.blocks.LayerAttribution;
import org.xai4j.visualize.blocks.LayerBlocks;
import org.xai4j.visualize.blocks.NeuronGroups;

/**
 * The interactive building-blocks page of one image (Olah et al. 2018): {@code DIR/index.html}
 * with its images, icons, style sheet, script and data in {@code DIR}, linked by relative paths, so
 * the folder opens from disk in any browser with no server and no network. It shows the input with
 * the heatmaps of several methods side by side, the predicted class and its probability, and per
 * layer (a selector switches between them): spatial attribution by activation x gradient,
 * Integrated Gradients at the layer and LRP; the semantic dictionary (hovering over a position of
 * the input shows the top channels there with their feature visualizations); the neuron groups
 * with their masks, direction icons and attribution bars; the channel-attribution table.
 *
 * <pre>{@code
 * ReportRequest r = new ReportRequest("mnist-cnn", "digit.npy", List.of(), List.of(), null, null,
 *     Map.of("gradient", Gradient.plain()), BlocksSettings.defaults(BlocksSettings.defaultCache()));
 * Path index = BlocksReport.write(graph, image, r, Path.of("report"), AtomicFiles.Existing.REFUSE).index();
 * }</pre>
 *
 * <p>The folder is written whole: everything goes into a temporary sibling that is moved into place once the page
 * is complete ({@link AtomicFiles#folder}), so a failed or interrupted report leaves the old folder intact or
 * nothing. A model output or a map that holds NaN or infinities fails the report with a
 * {@link NonFiniteException} naming it, rather than showing a blank heatmap.
 */
public final class BlocksReport {
  /** The page's file name. */
  public static final String INDEX = "index.html";
  /** The script holding the per-layer data. */
  static final String DATA = "data.js";
  /** The colour map of every heatmap: blue negative, white zero, red positive. */
  static final String COLOR_MAP = "bwr";
  private static final List<String> ASSETS = List.of("report.css", "report.js");
  private static final double NANOS_PER_SECOND = 1e9;

  private BlocksReport() {}

  /**
   * A written report.
   *
   * @param index the page
   * @param predicted the predicted class
   * @param probability its softmax probability
   * @param layers the blocks of every layer shown
   * @param seconds the wall time
   * @param iconsRendered how many icons were rendered rather than read from the cache
   */
  public record Result(Path index, int predicted, double probability, List<LayerBlocks> layers, double seconds,
      int iconsRendered) {
    /** Copies the list. */
    public Result {
      layers = List.copyOf(layers);
    }
  }

  /**
   * Computes the blocks of {@code image} {@code [1, C, H, W]} and writes the page into the folder {@code out},
   * whole and atomically (its parent folder must exist).
   *
   * @param existing what to do when {@code out} exists: replace it or fail
   * @return the page ({@code out/index.html}) and what it shows
   * @throws IllegalArgumentException if the image is not one sample, a layer does not exist or is not
   *     a convolutional ReLU layer, or a class is out of range
   * @throws NonFiniteException if the model output or a map holds NaN or infinities
   * @throws UncheckedIOException if the folder cannot be written ({@link java.nio.file.FileAlreadyExistsException}
   *     as the cause when {@code out} exists and {@code existing} refuses it); {@code out} is then unchanged
   */
  public static Result write(Graph graph, Tensor image, ReportRequest request, Path out,
      AtomicFiles.Existing existing) {
    try (AtomicFiles.Folder folder = AtomicFiles.folder(out, existing)) {
      Result r = write(graph, image, request, new OutputFolder(folder));
      folder.commit();
      return new Result(out.resolve(INDEX), r.predicted(), r.probability(), r.layers(), r.seconds(),
          r.iconsRendered());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report folder " + out + ": " + e.getMessage(), e);
    }
  }

  private static Result write(Graph graph, Tensor image, ReportRequest request, OutputFolder folder) {
    long start = System.nanoTime();
    Tensor output = graph.forward(image).output();
    if (!NonFinite.count(output).finite()) {
      throw new NonFiniteException("the model output " + output.shape() + " holds " + NonFinite.count(output)
          + NonFinite.firstInForward(graph, Map.of(graph.inputs().get(0).name(), image))
              .map(w -> "; first in the forward pass: " + w).orElse(""));
    }
    if (output.rank() != 2 || output.shape().dim(0) != 1) {
      throw new IllegalArgumentException("the report needs a classifier with one output [1, K], got "
          + output.shape());
    }
    int classes = output.shape().dim(1);
    int predicted = Target.Argmax.argmaxPerSample(output)[0];
    int target = request.targetClass() == null ? predicted : checkClass(request.targetClass(), classes, "--target");
    Target t = request.versus() == null ? Target.classes(target)
        : HiddenAttribution.logitDifference(classes, target, checkClass(request.versus(), classes, "--versus"));
    String description = request.versus() == null ? "the logit of class " + request.className(target)
        : "the logit difference of class " + request.className(target) + " minus class "
            + request.className(request.versus());
    List<String> layers = request.layers().isEmpty() ? BuildingBlocks.defaultLayers(graph) : request.layers();
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("the model has no ReLU layer [N, C, H, W]; name one with --layer NODE");
    }
    Path out = folder.dir();
    createDirectories(out.resolve("img"), out.resolve("icons"), out.resolve("assets"));
    String input = folder.png("img/input.png", Heatmaps.image(image.reshape(dims(image, 1))));
    List<String> inputHeatmaps = new ArrayList<>();
    ColorMap cmap = ColorMap.named(COLOR_MAP);
    int m = 0;
    for (Map.Entry<String, Attributor> e : request.inputMethods().entrySet()) {
      Attribution a = e.getValue().prepare(graph).explain(image, t);
      Tensor map = Heatmaps.map(a, 0);
      NonFinite.requireFinite("the heatmap of " + e.getKey(), map);
      inputHeatmaps.add(folder.png("img/input-method-" + m++ + ".png",
          Heatmaps.render(map, cmap, Scaling.SYMMETRIC, Heatmaps.DEFAULT_LEVEL)));
    }
    BuildingBlocks blocks = new BuildingBlocks(graph, request.settings());
    List<ReportModel.LayerView> views = new ArrayList<>();
    Set<Path> icons = new HashSet<>();
    for (int l = 0; l < layers.size(); l++) {
      LayerBlocks b = blocks.layer(image, layers.get(l), t);
      views.add(view(folder, l, b, cmap));
      icons.addAll(b.channelIcons().values());
      icons.addAll(b.groupIcons());
    }
    double[] probabilities = softmax(output.toArray());
    ReportModel model = new ReportModel(request, List.of(image.shape().dim(1), image.shape().dim(2),
        image.shape().dim(3)), predicted, probabilities, target, description, input, inputHeatmaps, views,
        (System.nanoTime() - start) / NANOS_PER_SECOND, blocks.icons().rendered(), icons.size());
    for (String asset : ASSETS) {
      copyResource(asset, out.resolve("assets").resolve(asset));
    }
    folder.text(DATA, BlocksData.script(model));
    folder.text(INDEX, BlocksPage.html(model));
    return new Result(out.resolve(INDEX), predicted, probabilities[predicted],
        views.stream().map(ReportModel.LayerView::blocks).toList(), model.seconds(), model.iconsRendered());
  }

  private static ReportModel.LayerView view(OutputFolder folder, int l, LayerBlocks b, ColorMap cmap) {
    String prefix = "img/layer" + l + "-";
    List<String> spatial = new ArrayList<>();
    for (int i = 0; i < b.attributions().size(); i++) {
      LayerAttribution a = b.attributions().get(i);
      NonFinite.requireFinite(a.method() + " at layer " + b.layer(), a.values());
      spatial.add(folder.png(prefix + "spatial-" + i + ".png",
          Heatmaps.render(a.spatial(), cmap, Scaling.SYMMETRIC, Heatmaps.DEFAULT_LEVEL)));
    }
    NeuronGroups groups = b.groups();
    List<String> masks = new ArrayList<>();
    List<String> groupIcons = new ArrayList<>();
    for (int g = 0; g < groups.groups().size(); g++) {
      masks.add(folder.png(prefix + "group-" + g + ".png",
          MaskImages.render(groups.groups().get(g).mask(), groups.height(), groups.width(), g)));
      groupIcons.add(copy(folder, b.groupIcons().get(g), "icons/layer" + l + "-group-" + g + ".png"));
    }
    Map<Integer, String> channelIcons = new LinkedHashMap<>();
    b.channelIcons().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        channelIcons.put(e.getKey(), copy(folder, e.getValue(), "icons/layer" + l + "-c" + e.getKey() + ".png")));
    return new ReportModel.LayerView(b, spatial, masks, groupIcons, channelIcons);
  }

  private static String copy(OutputFolder folder, Path from, String name) {
    try {
      byte[] bytes = Files.readAllBytes(from);
      AtomicFiles.write(folder.dir().resolve(name), o -> o.write(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy icon " + from + " to " + folder.dir().resolve(name) + ": "
          + e.getMessage(), e);
    }
    return name;
  }

  private static void copyResource(String name, Path to) {
    try (InputStream in = BlocksReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " missing from the xai4j-report jar");
      }
      byte[] bytes = in.readAllBytes();
      AtomicFiles.write(to, o -> o.write(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + to + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path... dirs) {
    for (Path d : dirs) {
      try {
        Files.createDirectories(d);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + d + ": " + e.getMessage(), e);
      }
    }
  }

  private static int checkClass(int k, int classes, String what) {
    if (k < 0 || k >= classes) {
      throw new IllegalArgumentException(what + " " + k + " is not a class of the model (0.." + (classes - 1) + ")");
    }
    return k;
  }

  private static Shape dims(Tensor image, int from) {
    Shape s = image.shape();
    return Shape.of(s.dim(from), s.dim(from + 1), s.dim(from + 2));
  }

  /** The softmax of logits, computed stably in double. */
  static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
