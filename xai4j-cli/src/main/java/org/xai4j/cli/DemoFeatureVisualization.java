package org.xai4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xai4j.data.TextureKind;
import org.xai4j.graph.Graph;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.report.html.OutputFolder;
import org.xai4j.report.html.Table;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.objective.Objectives;
import org.xai4j.visualize.param.ImageParam;
import org.xai4j.visualize.render.FeatureVisualization;
import org.xai4j.visualize.render.ImageGrid;
import org.xai4j.visualize.render.RenderConfig;
import org.xai4j.visualize.render.RenderResult;

/**
 * The feature-visualization step of {@code xai4j demo}: on the bundled {@code textures-cnn}, the
 * first {@value #CHANNELS} channels of every ReLU block and the logit of every class, each the
 * objective of one image of a batch, rendered with Lucid's defaults (Fourier image with decorrelated
 * colour, standard transforms, Adam at 0.05) except for the length and the size: {@value #STEPS}
 * steps instead of 512 at {@value #SIZE} x {@value #SIZE} pixels instead of 128, so that the step
 * takes seconds. The table gives each objective's mean before and after (evaluated on the images
 * without transforms) and the images' high-frequency share.
 */
final class DemoFeatureVisualization {
  /** The model visualized. */
  static final String MODEL = "textures-cnn";
  /** Optimization steps per render (Lucid: 512). */
  static final int STEPS = 128;
  /** Image side in pixels (Lucid: 128; the model's training images are 64). */
  static final int SIZE = 64;
  /** Channels shown per layer. */
  static final int CHANNELS = 6;
  private static final List<String> LAYERS = List.of("relu1", "relu2", "relu3", "relu4");
  private static final String LOGITS = "fc";
  private static final long SEED = 1;
  private static final int RGB = 3;
  private static final double NANOS_PER_SECOND = 1e9;

  private DemoFeatureVisualization() {}

  /**
   * What the step produced.
   *
   * @param table one row per rendered batch
   * @param figures the image grids, one per row of the table, with their captions
   */
  record Result(Table table, List<Figure> figures) {}

  /**
   * One image grid.
   *
   * @param png its file name in the demo folder
   * @param caption what it shows
   */
  record Figure(String png, String caption) {}

  /** One rendered batch: an objective per image. */
  private record Batch(String node, String objectiveText, Objective objective, int images, String caption) {}

  /** Renders every layer's channels and the class logits and writes the grids. */
  static Result run(OutputFolder files) {
    Graph g = BundledModelFiles.load(MODEL);
    List<Batch> batches = new ArrayList<>();
    for (String layer : LAYERS) {
      List<Objective> terms = new ArrayList<>();
      for (int c = 0; c < CHANNELS; c++) {
        terms.add(Objectives.channel(layer, c).forItem(c));
      }
      batches.add(new Batch(layer, "channel:" + layer + ":c@c", Objective.sum(terms),
          CHANNELS, layer + ", channels 0 to " + (CHANNELS - 1) + " (channel mean), left to right"));
    }
    List<Objective> classes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (TextureKind k : TextureKind.values()) {
      classes.add(Objectives.classLogit(LOGITS, k.ordinal()).forItem(k.ordinal()));
      names.add(k.name().toLowerCase(Locale.ROOT));
    }
    batches.add(new Batch(LOGITS, "logit:" + LOGITS + ":k@k", Objective.sum(classes),
        classes.size(), "class logits, left to right: " + String.join(", ", names)));
    List<List<String>> rows = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    for (Batch b : batches) {
      RenderConfig config = RenderConfig.builder(b.objective()).param(ImageParam.lucid(b.images(), RGB, SIZE, SIZE))
          .steps(STEPS).seed(SEED).build();
      FeatureVisualization fv = FeatureVisualization.of(g, config);
      long start = System.nanoTime();
      double before = mean(fv.evaluate(fv.images(fv.initialParameter())).perItem());
      RenderResult r = fv.render();
      double after = mean(fv.evaluate(r.images()).perItem());
      double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
      String png = files.png("fv-" + MODEL + "-" + b.node() + ".png", ImageGrid.of(r.images()));
      rows.add(List.of(b.node(), b.objectiveText(), Integer.toString(b.images()), Table.number(before),
          Table.number(after), Table.fraction(mean(r.highFrequencyShare())),
          String.format(Locale.ROOT, "%.1f", seconds)));
      figures.add(new Figure(png, MODEL + " " + b.caption()));
    }
    return new Result(new Table("Feature visualization of " + MODEL + " (" + STEPS + " steps, " + SIZE + " px, "
        + "Fourier + decorrelated colour, standard transforms): image c maximizes channel (or class) c; objective mean over the "
        + "batch before and after, on the images without transforms", List.of("node", "objective", "images", "before", "after",
        "high-frequency share", "s"), rows), figures);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }
}
