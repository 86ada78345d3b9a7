package org.xai4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.xai4j.data.LabeledImages;
import org.xai4j.data.Mnist;
import org.xai4j.data.Samples;
import org.xai4j.data.Shapes;
import org.xai4j.data.ShapesData;
import org.xai4j.graph.Graph;
import org.xai4j.models.bundled.BundledModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j demo [--out DIR] [--samples N] [--seed S]}: runs the bundled models and data through
 * everything xai4j can do so far and writes a static HTML report {@code DIR/index.html} with its
 * PNGs. Steps: provenance; every bundled model's committed and re-measured held-out metric
 * ({@link DemoModels}); held-out MNIST digits explained by mnist-cnn and Shapes images by
 * shapes-cnn with every gradient-family method and every LRP composite ({@link DemoExplanations});
 * the report ({@link DemoReport}). Every table is printed to the console as well.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bundled models and data through everything xai4j can do so far; "
        + "writes DIR/index.html.")
final class DemoCommand implements Callable<Integer> {
  /** Default number of inputs explained per data set. */
  static final int DEFAULT_SAMPLES = 4;
  /** Default seed choosing the inputs. */
  static final long DEFAULT_SEED = 1L;
  /** The report's file name inside the output folder. */
  static final String INDEX = "index.html";
  private static final String MNIST_MODEL = "mnist-cnn";
  private static final String MNIST_CAM_LAYER = "relu2";
  private static final String SHAPES_MODEL = "shapes-cnn";
  private static final String SHAPES_CAM_LAYER = "relu4";
  /** Bundled MNIST and Shapes pixels lie in [0, 1]: the zB bounds of the first layer. */
  private static final float PIXEL_LOW = 0f;
  private static final float PIXEL_HIGH = 1f;

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("demo-out");

  @Option(names = "--samples", paramLabel = "N", description = "Inputs explained per data set (default: ${DEFAULT-VALUE}).")
  int samples = DEFAULT_SAMPLES;

  @Option(names = "--seed", paramLabel = "S", description = "Seed choosing the inputs (default: ${DEFAULT-VALUE}).")
  long seed = DEFAULT_SEED;

  @Override
  public Integer call() {
    if (samples < 1) {
      throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
    }
    long start = System.nanoTime();
    PrintWriter console = spec.commandLine().getOut();
    DemoFiles files = new DemoFiles(out);
    DemoReport report = new DemoReport("xai4j demo");

    List<String> provenance = List.of(new VersionProvider().getVersion());
    provenance.forEach(console::println);
    report.heading("Provenance").lines(provenance);

    DemoTable models = DemoModels.table(DemoModels.run());
    print(console, models);
    report.heading("Bundled models").table(models);

    DemoExplanations.Result digits = explainDigits(files);
    print(console, digits.table());
    report.heading("MNIST digits explained by " + MNIST_MODEL)
        .note(gridNote()).grid(digits).table(digits.table());

    DemoExplanations.Result shapes = explainShapes(files);
    print(console, shapes.table());
    report.heading("Shapes explained by " + SHAPES_MODEL).note(gridNote()).grid(shapes).table(shapes.table());

    files.text(INDEX, report.html());
    console.printf("wrote %s (%.1f s)%n", out.resolve(INDEX), (System.nanoTime() - start) / 1e9);
    console.flush();
    return 0;
  }

  private DemoExplanations.Result explainDigits(DemoFiles files) {
    LabeledImages test = Mnist.load().test();
    LabeledImages chosen = test.subset(Arrays.copyOf(Samples.permutation(test.size(), new Random(seed)), samples));
    Graph g = BundledModelFiles.load(MNIST_MODEL);
    return DemoExplanations.run(samples + " held-out MNIST digits, " + MNIST_MODEL, "mnist", g, chosen.images(),
        chosen.labels(), DemoMethods.all(chosen.images(), MNIST_CAM_LAYER, PIXEL_LOW, PIXEL_HIGH), files);
  }

  private DemoExplanations.Result explainShapes(DemoFiles files) {
    ShapesData data = Shapes.generate(samples, seed);
    Graph g = BundledModelFiles.load(SHAPES_MODEL);
    LabeledImages images = data.images();
    return DemoExplanations.run(samples + " Shapes images (seed " + seed + "), " + SHAPES_MODEL, "shapes", g,
        images.images(), images.labels(),
        DemoMethods.all(images.images(), SHAPES_CAM_LAYER, PIXEL_LOW, PIXEL_HIGH), files);
  }

  private static String gridNote() {
    return "Rows are inputs, columns the input then one heatmap per method for the model's predicted class "
        + "(colour map " + DemoExplanations.COLOR_MAP + ": red positive, blue negative relevance, white zero; "
        + "symmetric scaling per heatmap). LRP runs on the canonized graph; conservation is the input "
        + "relevance sum divided by the seed (the target logit).";
  }

  private static void print(PrintWriter console, DemoTable t) {
    console.println();
    console.print(t.toText());
    console.flush();
  }
}
