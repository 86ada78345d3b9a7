package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.data.Samples;
import org.xai4j.data.Shapes;
import org.xai4j.data.ShapesData;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.models.BundledData;
import org.xai4j.models.ShapesHeldOut;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.report.html.HtmlPage;
import org.xai4j.report.html.OutputFolder;
import org.xai4j.report.html.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j demo [--out DIR] [--samples N] [--seed S]}: runs the bundled models and data through
 * everything xai4j can do so far and writes a static HTML report {@code DIR/index.html} with its
 * PNGs. Steps: provenance; every bundled model's committed and re-measured held-out metric
 * ({@link DemoModels}); held-out MNIST digits explained by mnist-cnn and Shapes images by
 * shapes-cnn with every gradient-family method and every LRP composite ({@link DemoExplanations});
 * localization against the Shapes masks ({@link DemoLocalization}); the max2d continuity experiment
 * ({@link DemoContinuity}); pixel flipping with AOPC and the random baseline on 8 held-out digits
 * per explained sample ({@link DemoSelectivity}); class prototypes of every activation-maximization
 * method for the ten digits ({@link DemoPrototypes}); feature visualization of textures-cnn's channels and
 * classes ({@link DemoFeatureVisualization}); the building blocks of one image on an interactive page of its
 * own ({@link DemoBuildingBlocks}); a model-zoo architecture explained by LRP next to Zennit ({@link DemoZoo});
 * the report ({@link HtmlPage}). Every capability section states what its paper claims, what this run measured
 * of it (computed from the run's own results) and the command that reproduces its figure. Every table is
 * printed to the console as well. With the defaults it takes about 51 s on 2 cores (quiet machine,
 * 2026-12-04): 20 s the prototypes, 17 s the feature visualizations.
 * The report is written into a temporary folder that replaces {@code DIR} only when complete (and only
 * with {@code --force} if {@code DIR} exists), so an interrupted run leaves the old report intact.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bundled models and data through everything xai4j can do so far; "
        + "writes DIR/index.html.",
    footerHeading = "%nExample:%n",
    footer = "  xai4j demo --out demo-out --samples 4")
final class DemoCommand implements Callable<Integer> {
  /** Default number of inputs explained per data set. */
  static final int DEFAULT_SAMPLES = 4;
  /**
   * Default seed of the held-out digit choice and of the generated Shapes images: the seed of
   * shapes-cnn's test images (its training images have seed 1).
   */
  static final long DEFAULT_SEED = ShapesHeldOut.SEED;
  /** The report's file name inside the output folder. */
  static final String INDEX = "index.html";
  private static final String MNIST_MODEL = "mnist-cnn";
  private static final String MNIST_CAM_LAYER = "relu2";
  private static final String SHAPES_MODEL = "shapes-cnn";
  private static final String SHAPES_CAM_LAYER = "relu4";
  /** Bundled MNIST and Shapes pixels lie in [0, 1]: the zB bounds of the first layer. */
  private static final float PIXEL_LOW = 0f;
  private static final float PIXEL_HIGH = 1f;
  /** Pixel flipping runs on this many held-out digits per explained sample (32 by default). */
  private static final int FLIPPED_DIGITS_PER_SAMPLE = 8;
  private static final double NANOS_PER_SECOND = 1e9;
  private static final String GRID_NOTE = "Rows are inputs, columns the input then one heatmap per method for the "
      + "model's predicted class (colour map " + DemoExplanations.COLOR_MAP + ": red positive, blue negative "
      + "relevance, white zero; symmetric scaling per heatmap; grad-cam upsampled bilinearly). LRP runs on the "
      + "canonized graph; conservation is the input relevance sum divided by the seed (the target logit).";
  private static final String FLIPPING_CLAIM = "Samek et al. (2017): a good explanation ranks the regions the "
      + "decision depends on first: removing them in that order makes the class score fall fastest, so the area "
      + "over the perturbation curve (AOPC, the mean drop of the class logit over the steps) is highest, and above "
      + "a random order.";
  private static final String FLIPPING_NOTE = "The ranking can differ from the README's table (200 digits, 16 steps "
      + "of 49 single pixels set to 0): here 16 regions of 7 x 7 pixels are set to 0 on fewer digits, so one coarse "
      + "region decides much of the curve and close methods can swap places.";
  private static final String MNIST_CLAIM = "Every method answers which input pixels the predicted class depends "
      + "on; LRP (Bach et al. 2015, Montavon et al. 2019) claims its relevance is conserved (it sums to the logit) "
      + "and, under EpsilonPlusFlat, is positive on the strokes that support the class. Gradient-type maps are "
      + "noisier; grad-cam is coarse (the resolution of its layer).";
  private static final String SHAPES_CLAIM = "The same methods on a second model: Grad-CAM (Selvaraju et al. 2017) "
      + "claims a class-discriminative map at the resolution of its layer, the pixel-level methods finer maps. The "
      + "object of each image is known here, so the localization section below measures where the relevance falls.";
  private static final String SCALE_NOTE = "Each heatmap has its own symmetric scale: m, the largest |relevance| of "
      + "that heatmap, is printed under it (blue -m, white 0, red +m). Click any image to enlarge it.";
  private static final String CONSERVATION_CLAIM = "LRP's conservation (Bach et al. 2015): the input relevance sums "
      + "to the explained logit, so the ratio relevance sum / logit is 1 for rules without a stabilizer or bias "
      + "sink and slightly below 1 where epsilon absorbs relevance and biases receive it.";
  private static final String CONSERVATION_NOTE = "Per digit, LRP composites only (the conservation column of the "
      + "table above); the relevance sums of gradient-type methods are not conserved by design. xai4j explain "
      + "--per-layer shows the sums layer by layer.";

  @Spec CommandSpec spec;

  @Mixin ThreadsOption threads;

  @Mixin OutputOptions outputs;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("demo-out");

  @Option(names = "--samples", paramLabel = "N",
      description = "Inputs explained per data set (default: ${DEFAULT-VALUE}).")
  int samples = DEFAULT_SAMPLES;

  @Option(names = "--seed", paramLabel = "S", description = "Seed choosing the held-out digits and generating the "
      + "Shapes images (default: ${DEFAULT-VALUE}, shapes-cnn's test images).")
  long seed = DEFAULT_SEED;

  @Override
  public Integer call() throws IOException {
    OptionChecks.requirePositive(spec, "--samples", samples);
    outputs.checkFolder("--out", out, Map.of());
    try (AtomicFiles.Folder folder = AtomicFiles.folder(out, outputs.existing())) {
      run(new OutputFolder(folder));
      folder.commit();
    }
    return Failures.OK;
  }

  /** Every step, then the report; {@code files} is the temporary folder. */
  private void run(OutputFolder files) {
    long start = System.nanoTime();
    PrintWriter console = spec.commandLine().getOut();
    HtmlPage report = new HtmlPage("xai4j demo");
    provenance(console, report);
    LabeledImages digits = heldOutDigits(samples * FLIPPED_DIGITS_PER_SAMPLE);
    Graph mnistCnn = BundledModelFiles.load(MNIST_MODEL);
    List<DemoMethods.Method> mnistMethods = DemoMethods.all(digits.images(), MNIST_CAM_LAYER, PIXEL_LOW, PIXEL_HIGH);
    // the sections in report order, each with the label its progress bar shows
    List<Map.Entry<String, Runnable>> sections = List.of(
        Map.entry("bundled models", () -> models(console, report)),
        Map.entry("MNIST explanations", () -> digits(console, report, files, mnistCnn, digits.head(samples),
            mnistMethods)),
        Map.entry("Shapes explanations", () -> shapes(console, report, files)),
        Map.entry("continuity", () -> continuity(console, report, files)),
        Map.entry("pixel flipping", () -> pixelFlipping(console, report, files, mnistCnn, digits, mnistMethods)),
        Map.entry("class prototypes", () -> prototypes(console, report, files, mnistCnn)),
        Map.entry("feature visualization", () -> featureVisualization(console, report, files)),
        Map.entry("building blocks", () -> buildingBlocks(console, report, files)),
        Map.entry("model zoo", () -> zoo(console, report)));
    try (ProgressBar bar = ProgressBars.start("demo", sections.size(), System.err)) {
      for (Map.Entry<String, Runnable> section : sections) {
        bar.setExtraMessage(section.getKey());
        section.getValue().run();
        bar.step();
      }
    }
    double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
    report.note(String.format(Locale.ROOT, "Generated by xai4j demo --samples %d --seed %d in %.1f s.", samples, seed,
        seconds));
    files.text(INDEX, report.html());
    console.printf(Locale.ROOT, "%nwrote %s (%.1f s)%n", out.resolve(INDEX), seconds);
    console.flush();
  }

  private static void provenance(PrintWriter console, HtmlPage report) {
    List<String> lines = List.of(new VersionProvider().getVersion());
    lines.forEach(console::println);
    report.heading("Provenance").lines(lines);
  }

  private static void models(PrintWriter console, HtmlPage report) {
    Table models = DemoModels.table(DemoModels.run());
    print(console, models);
    report.heading("Bundled models").table(models);
  }

  private void digits(PrintWriter console, HtmlPage report, OutputFolder files, Graph mnistCnn,
      LabeledImages digits, List<DemoMethods.Method> methods) {
    DemoExplanations.Result mnist = DemoExplanations.run(digits.size() + " held-out MNIST digits, " + MNIST_MODEL,
        "mnist", mnistCnn, digits.images(), digits.labels(), BundledData.MNIST.classNames(), methods, files);
    print(console, mnist.table());
    report.heading("MNIST digits explained by " + MNIST_MODEL).claim(MNIST_CLAIM)
        .measured(mnist.classified(MNIST_MODEL, "digits") + String.format(Locale.ROOT, ". Ink (non-zero) pixels are "
            + "%s of the pixels and hold %s of lrp:epsilon-plus-flat's positive relevance, %s of the gradient's.",
            Table.fraction(mnist.inkShare()), Table.fraction(mnist.positiveShareOnInk("lrp:epsilon-plus-flat")),
            Table.fraction(mnist.positiveShareOnInk("gradient"))))
        .note(GRID_NOTE).colorScale(mnist.colorBar(), "-m", "+m", SCALE_NOTE)
        .tileGrid(mnist.gridColumns(), mnist.gridRows())
        .command(explainCommand(MNIST_MODEL, "mnist", heldOutIndices(samples), MNIST_CAM_LAYER))
        .table(mnist.table()).heading("Conservation").claim(CONSERVATION_CLAIM)
        .measured(mnist.conservationMeasured()).note(CONSERVATION_NOTE).table(mnist.conservation())
        .command("./xai4j explain --model " + MNIST_MODEL + " --data mnist --index " + heldOutIndices(1)[0]
            + " --method lrp:epsilon-plus-flat --per-layer layers.json --out r.npy");
    print(console, mnist.conservation());
  }

  private void shapes(PrintWriter console, HtmlPage report, OutputFolder files) {
    ShapesData data = Shapes.generate(samples, seed);
    LabeledImages images = data.images();
    DemoExplanations.Result shapes = DemoExplanations.run(samples + " Shapes images (seed " + seed + "), "
        + SHAPES_MODEL, "shapes", BundledModelFiles.load(SHAPES_MODEL), images.images(), images.labels(),
        BundledData.SHAPES.classNames(), DemoMethods.all(images.images(), SHAPES_CAM_LAYER, PIXEL_LOW, PIXEL_HIGH),
        files);
    DemoLocalization.Result localization = DemoLocalization.run(shapes, data.masks());
    print(console, shapes.table());
    print(console, localization.table());
    report.heading("Shapes explained by " + SHAPES_MODEL).claim(SHAPES_CLAIM)
        .measured(shapes.classified(SHAPES_MODEL, "images") + "; " + shapes.timeRange() + ".").note(GRID_NOTE)
        .colorScale(shapes.colorBar(), "-m", "+m", SCALE_NOTE).tileGrid(shapes.gridColumns(), shapes.gridRows());
    if (seed == ShapesHeldOut.SEED) {
      // the bundled Shapes set is generated with this seed, image by image, so its first images are these
      report.command(explainCommand(SHAPES_MODEL, "shapes", IntStream.range(0, samples).toArray(), SHAPES_CAM_LAYER));
    } else {
      report.note("No command reproduces this grid: --seed " + seed + " generates other images than the bundled "
          + "Shapes set (seed " + ShapesHeldOut.SEED + ") that --data shapes reads.");
    }
    report.table(shapes.table()).heading("Localization on Shapes").claim(DemoLocalization.CLAIM)
        .measured(localization.measured()).table(localization.table())
        .command("./xai4j evaluate --model " + SHAPES_MODEL + " --data shapes --samples " + samples
            + " --methods gradient,grad-cam:" + SHAPES_CAM_LAYER + ",lrp:epsilon-plus-flat --upsample "
            + "--metric localization --out shapes-eval");
  }

  private static void continuity(PrintWriter console, HtmlPage report, OutputFolder files) {
    DemoContinuity.Result continuity = DemoContinuity.run(files);
    print(console, continuity.table());
    report.heading("Continuity on " + DemoContinuity.MODEL).claim(DemoContinuity.CLAIM)
        .measured(continuity.measured()).table(continuity.table())
        .plot(continuity.plot(), "L1 change of each method's explanation between neighbouring points of the path")
        .command(DemoContinuity.command()).links("Data", List.of(DemoContinuity.PATH));
  }

  private static void pixelFlipping(PrintWriter console, HtmlPage report, OutputFolder files, Graph mnistCnn,
      LabeledImages digits, List<DemoMethods.Method> methods) {
    DemoSelectivity.Result flipping = DemoSelectivity.run(mnistCnn, digits.images(), methods, files);
    print(console, flipping.table());
    report.heading("Pixel flipping on " + MNIST_MODEL).claim(FLIPPING_CLAIM).measured(flipping.measured())
        .note(FLIPPING_NOTE).table(flipping.table())
        .plot(flipping.plot(), "Mean logit of the predicted class while regions are set to 0, most relevant first")
        .command("./xai4j evaluate --model " + MNIST_MODEL + " --data mnist --samples " + digits.size()
            + " --methods gradient,integrated-gradients,lrp:epsilon-plus-flat --metric pixel-flipping --patch "
            + DemoSelectivity.PATCH + " --flip-steps " + DemoSelectivity.STEPS + " --replace zero --out eval "
            + "(on the first " + digits.size() + " held-out digits; the demo draws its digits with --seed)")
        .links("Data", flipping.data());
  }

  private static void prototypes(PrintWriter console, HtmlPage report, OutputFolder files, Graph mnistCnn) {
    DemoPrototypes.Result prototypes = DemoPrototypes.run(MNIST_MODEL, mnistCnn, files);
    print(console, prototypes.table());
    report.heading("Class prototypes of " + MNIST_MODEL).claim(DemoPrototypes.CLAIM).measured(prototypes.measured())
        .note(DemoPrototypes.NOTE)
        .plot(prototypes.grid(), "Rows are digits, columns methods; p: target probability, d: data distance")
        .table(prototypes.table()).command(DemoPrototypes.COMMAND).links("Data", List.of(prototypes.json()));
  }

  private static void featureVisualization(PrintWriter console, HtmlPage report, OutputFolder files) {
    DemoFeatureVisualization.Result fv = DemoFeatureVisualization.run(files);
    print(console, fv.table());
    print(console, fv.comparison());
    report.heading("Feature visualization of " + DemoFeatureVisualization.MODEL)
        .claim(DemoFeatureVisualization.CLAIM).measured(fv.measured()).note(DemoFeatureVisualization.NOTE)
        .table(fv.table()).table(fv.comparison());
    fv.figures().forEach(f -> report.plot(f.png(), f.caption()));
    for (DemoFeatureVisualization.Parameterization p : DemoFeatureVisualization.Parameterization.values()) {
      report.command(DemoFeatureVisualization.command(p) + " (" + p.label() + ")");
    }
  }

  private static void buildingBlocks(PrintWriter console, HtmlPage report, OutputFolder files) {
    DemoBuildingBlocks.Result blocks = DemoBuildingBlocks.run(files);
    print(console, blocks.table());
    report.heading("Building blocks of " + blocks.model()).claim(DemoBuildingBlocks.CLAIM).measured(blocks.measured())
        .note(DemoBuildingBlocks.NOTE).table(blocks.table()).links("Interactive page", List.of(blocks.page()))
        .command(blocks.command());
  }

  private static void zoo(PrintWriter console, HtmlPage report) {
    report.heading("A model-zoo architecture explained by LRP: " + DemoZoo.ARCHITECTURE);
    Optional<Path> zoo = DemoZoo.locate();
    if (zoo.isEmpty()) {
      String skipped = "skipped: no zoo/ folder in the working directory or a parent (run the demo from the repository)";
      console.println();
      console.println(DemoZoo.ARCHITECTURE + ": " + skipped);
      report.note(skipped);
      return;
    }
    DemoZoo.Result r = DemoZoo.run(zoo.get());
    print(console, r.table());
    report.claim(DemoZoo.CLAIM).measured(r.measured()).note(DemoZoo.NOTE).table(r.table()).command(r.command());
  }

  /** The first {@code n} held-out digits in the order of a permutation seeded with {@code --seed}. */
  private LabeledImages heldOutDigits(int n) {
    return Mnist.load().test().subset(heldOutIndices(n));
  }

  /** The held-out indices of {@link #heldOutDigits} ({@code --data mnist --index} takes them). */
  private int[] heldOutIndices(int n) {
    int size = Mnist.load().test().size();
    return Arrays.copyOf(Samples.permutation(size, new Random(seed)), Math.min(n, size));
  }

  /** The {@code xai4j explain} command that reproduces one column of a heatmap grid. */
  private static String explainCommand(String model, String data, int[] indices, String camLayer) {
    StringBuilder index = new StringBuilder();
    for (int i : indices) {
      index.append(index.length() == 0 ? "" : ",").append(i);
    }
    return "./xai4j explain --model " + model + " --data " + data + " --index " + index + " --method METHOD "
        + "--out heat.png (METHOD: a column, grad-cam as grad-cam:" + camLayer + " --upsample; lrp:NAME adds "
        + "--low 0 --high 1; one heat-I.png per row)";
  }

  private static void print(PrintWriter console, Table t) {
    console.println();
    console.print(t.toText());
    console.flush();
  }
}
