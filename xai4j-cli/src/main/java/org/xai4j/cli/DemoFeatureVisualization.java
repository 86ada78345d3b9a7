package org.xai4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
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
 * without transforms) and the images' high-frequency share. The channels of {@value #COMPARED_LAYER} are
 * rendered once more with a pixel and a plain Fourier parameterization, all else equal, to measure the claim
 * of Olah et al. (2017) about the decorrelated Fourier space.
 */
final class DemoFeatureVisualization {
  /** The model visualized. */
  static final String MODEL = "textures-cnn";
  /** Optimization steps per render (Lucid: 512). */
  static final int STEPS = 128;
  /** The step of the early objective value of the parameterization comparison. */
  static final int EARLY_STEP = STEPS / 4;
  /** Image side in pixels (Lucid: 128; the model's training images are 64). */
  static final int SIZE = 64;
  /** Channels shown per layer. */
  static final int CHANNELS = 6;
  /** The layer whose channels are rendered with every parameterization. */
  static final String COMPARED_LAYER = "relu4";
  /** What the paper claims. */
  static final String CLAIM = "Olah, Mordvintsev and Schubert (2017), Feature Visualization: an image optimized "
      + "to maximize a channel or a class shows what the network responds to; optimized directly in pixel space it "
      + "fills with high-frequency patterns, while a Fourier parameterization with decorrelated colour optimizes "
      + "faster and yields fewer high frequencies.";
  /** How the section is rendered. */
  static final String NOTE = "Each image of a batch maximizes one channel's mean activation or one class logit of "
      + MODEL + ". To keep the demo fast this runs " + STEPS + " steps at " + SIZE + " px instead of Lucid's 512 "
      + "steps at 128 px; docs/feature-visualization.md shows full-length renders. Objective values are measured "
      + "on the images without transforms; the high-frequency share is the share of the images' spectral energy "
      + "above half the Nyquist frequency.";
  private static final List<String> LAYERS = List.of("relu1", "relu2", "relu3", COMPARED_LAYER);
  private static final String LOGITS = "fc";
  private static final long SEED = 1;
  private static final int RGB = 3;
  private static final double NANOS_PER_SECOND = 1e9;

  private DemoFeatureVisualization() {}

  /** The image parameterizations compared, with the {@code xai4j visualize} flags that choose them. */
  enum Parameterization {
    /** Pixels, no colour decorrelation. */
    PIXEL("pixel", " --param pixel --no-decorrelate", b -> ImageParam.pixel(b, RGB, SIZE, SIZE, false)),
    /** A Fourier spectrum, no colour decorrelation. */
    FOURIER("fourier", " --no-decorrelate", b -> ImageParam.fourier(b, RGB, SIZE, SIZE, false)),
    /** Lucid's default: a Fourier spectrum in a decorrelated colour space. */
    DECORRELATED("fourier+decorrelated", "", b -> ImageParam.lucid(b, RGB, SIZE, SIZE));

    private final String label;
    private final String flags;
    private final IntFunction<ImageParam> param;

    Parameterization(String label, String flags, IntFunction<ImageParam> param) {
      this.label = label;
      this.flags = flags;
      this.param = param;
    }

    /** Its name in the report (one word, a table's first cell). */
    String label() {
      return label;
    }
  }

  /**
   * What the step produced.
   *
   * @param table one row per rendered batch
   * @param figures the image grids, one per row of the table, with their captions
   * @param comparison one row per parameterization of {@value DemoFeatureVisualization#COMPARED_LAYER}'s channels
   * @param compared the comparison's measurements
   */
  record Result(Table table, List<Figure> figures, Table comparison, Map<Parameterization, Render> compared) {
    /** What this run measured of the claim: early and final objective and high-frequency share per parameterization. */
    String measured() {
      Render pixel = compared.get(Parameterization.PIXEL);
      Render fourier = compared.get(Parameterization.FOURIER);
      Render best = compared.get(Parameterization.DECORRELATED);
      return String.format(Locale.ROOT, "On %s's channels 0 to %d the decorrelated Fourier images reached objective "
          + "%s after %d of %d steps against %s (Fourier, colour not decorrelated) and %s (pixel), and %s at the end against %s and %s; their "
          + "high-frequency share was %s against %s and %s. Optimizes faster than pixels: %s here; fewer high "
          + "frequencies than pixels: %s here.", COMPARED_LAYER, CHANNELS - 1, Table.number(best.early()), EARLY_STEP,
          STEPS, Table.number(fourier.early()), Table.number(pixel.early()), Table.number(best.after()),
          Table.number(fourier.after()), Table.number(pixel.after()), Table.fraction(best.highFrequencyShare()),
          Table.fraction(fourier.highFrequencyShare()), Table.fraction(pixel.highFrequencyShare()),
          best.early() > pixel.early() ? "holds" : "does not hold",
          best.highFrequencyShare() < pixel.highFrequencyShare() ? "holds" : "does not hold");
    }
  }

  /**
   * One image grid.
   *
   * @param png its file name in the demo folder
   * @param caption what it shows
   */
  record Figure(String png, String caption) {}

  /**
   * The measurements of one rendered batch (objective means over the batch, on the images without transforms).
   *
   * @param before at the start
   * @param early after {@link DemoFeatureVisualization#EARLY_STEP} steps
   * @param after at the end
   * @param highFrequencyShare the mean high-frequency share of the final images
   * @param seconds the time taken
   * @param png the grid's file name
   */
  record Render(double before, double early, double after, double highFrequencyShare, double seconds, String png) {}

  /** One batch to render: an objective per image. */
  private record Batch(String node, List<String> terms, Objective objective, String caption) {
    /** The objective in {@code xai4j visualize}'s language. */
    String expression() {
      return String.join(" + ", terms);
    }
  }

  /** Renders every layer's channels, the class logits and the comparison, and writes the grids. */
  static Result run(OutputFolder files) {
    Graph g = BundledModelFiles.load(MODEL);
    List<Batch> batches = new ArrayList<>();
    for (String layer : LAYERS) {
      batches.add(channels(layer));
    }
    List<Objective> classes = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (TextureKind k : TextureKind.values()) {
      classes.add(Objectives.classLogit(LOGITS, k.ordinal()).forItem(k.ordinal()));
      terms.add("logit:" + LOGITS + ":" + k.ordinal() + "@" + k.ordinal());
      names.add(k.name().toLowerCase(Locale.ROOT));
    }
    batches.add(new Batch(LOGITS, terms, Objective.sum(classes), "class logits, left to right: "
        + String.join(", ", names)));
    List<List<String>> rows = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    Map<Parameterization, Render> compared = new LinkedHashMap<>();
    for (Batch b : batches) {
      Render r = render(g, b, Parameterization.DECORRELATED, files, "");
      rows.add(List.of(b.node(), b.node().equals(LOGITS) ? "logit:" + LOGITS + ":k@k" : "channel:" + b.node() + ":c@c",
          Integer.toString(b.terms().size()), Table.number(r.before()),
          Table.number(r.after()), Table.fraction(r.highFrequencyShare()), seconds(r)));
      figures.add(new Figure(r.png(), MODEL + " " + b.caption()));
      if (b.node().equals(COMPARED_LAYER)) {
        compared.put(Parameterization.DECORRELATED, r);
      }
    }
    Batch comparedBatch = channels(COMPARED_LAYER);
    for (Parameterization p : List.of(Parameterization.PIXEL, Parameterization.FOURIER)) {
      Render r = render(g, comparedBatch, p, files, "-" + p.name().toLowerCase(Locale.ROOT));
      compared.put(p, r);
      figures.add(new Figure(r.png(), MODEL + " " + comparedBatch.caption() + ", " + p.label() + " parameterization"));
    }
    List<List<String>> comparison = new ArrayList<>();
    for (Parameterization p : Parameterization.values()) {
      Render r = compared.get(p);
      comparison.add(List.of(p.label(), Table.number(r.early()), Table.number(r.after()),
          Table.fraction(r.highFrequencyShare()), seconds(r)));
    }
    return new Result(new Table("Feature visualization of " + MODEL + " (" + STEPS + " steps, " + SIZE + " px, "
        + "Fourier + decorrelated colour, standard transforms): image c maximizes channel (or class) c; objective mean "
        + "over the batch before and after, on the images without transforms", List.of("node", "objective", "images",
        "before", "after", "high-frequency share", "s"), rows), figures,
        new Table("Parameterizations compared on " + COMPARED_LAYER + ", channels 0 to " + (CHANNELS - 1) + " ("
            + STEPS + " steps, standard transforms, Adam at Lucid's rate): objective mean after " + EARLY_STEP
            + " steps and at the end, high-frequency share", List.of("parameterization", "after " + EARLY_STEP
            + " steps", "after " + STEPS + " steps", "high-frequency share", "s"), comparison), compared);
  }

  /** The {@code xai4j visualize} command that renders {@value #COMPARED_LAYER}'s batch with {@code p}. */
  static String command(Parameterization p) {
    return "./xai4j visualize --model " + MODEL + " --objective \"" + channels(COMPARED_LAYER).expression()
        + "\" --batch " + CHANNELS + " --steps " + STEPS + " --size " + SIZE + " --seed " + SEED + p.flags
        + " --out " + COMPARED_LAYER + ".png";
  }

  /** The first {@value #CHANNELS} channels of {@code layer}, channel c on image c. */
  private static Batch channels(String layer) {
    List<Objective> objectives = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    for (int c = 0; c < CHANNELS; c++) {
      objectives.add(Objectives.channel(layer, c).forItem(c));
      terms.add("channel:" + layer + ":" + c + "@" + c);
    }
    return new Batch(layer, terms, Objective.sum(objectives), layer + ", channels 0 to " + (CHANNELS - 1)
        + " (channel mean), left to right");
  }

  /** Renders one batch with {@code p} and writes its grid as {@code fv-MODEL-NODE SUFFIX.png}. */
  private static Render render(Graph g, Batch b, Parameterization p, OutputFolder files, String suffix) {
    RenderConfig config = RenderConfig.builder(b.objective()).param(p.param.apply(b.terms().size())).steps(STEPS)
        .seed(SEED).snapshots(List.of(EARLY_STEP)).build();
    FeatureVisualization fv = FeatureVisualization.of(g, config);
    long start = System.nanoTime();
    double before = mean(fv.evaluate(fv.images(fv.initialParameter())).perItem());
    RenderResult r = fv.render();
    double early = mean(fv.evaluate(r.snapshots().get(0).images()).perItem());
    double after = mean(fv.evaluate(r.images()).perItem());
    double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
    String png = files.png("fv-" + MODEL + "-" + b.node() + suffix + ".png", ImageGrid.of(r.images()));
    return new Render(before, early, after, mean(r.highFrequencyShare()), seconds, png);
  }

  private static String seconds(Render r) {
    return String.format(Locale.ROOT, "%.1f", r.seconds());
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }
}
