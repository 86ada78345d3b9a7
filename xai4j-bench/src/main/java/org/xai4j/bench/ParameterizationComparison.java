package org.xai4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xai4j.explain.image.Png;
import org.xai4j.graph.Graph;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.tensor.Shape;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.objective.Objectives;
import org.xai4j.visualize.param.FourierBasis;
import org.xai4j.visualize.param.ImageParam;
import org.xai4j.visualize.render.AscentConfig;
import org.xai4j.visualize.render.FeatureVisualization;
import org.xai4j.visualize.render.ImageGrid;
import org.xai4j.visualize.render.RenderConfig;
import org.xai4j.visualize.render.RenderResult;
import org.xai4j.visualize.render.RenderSnapshot;
import org.xai4j.visualize.transform.Transform;
import org.xai4j.visualize.transform.Transforms;

/**
 * The measured comparison of {@code docs/feature-visualization.md} (Olah et al. 2017 report that the
 * decorrelated Fourier space optimizes faster and yields fewer high frequencies): on the bundled
 * {@code textures-cnn}, channels {@code 0..K-1} of a layer, each one image of a batch, rendered with
 * pixel, Fourier and Fourier + decorrelated parameterizations, with and without Lucid's standard
 * transforms, all else at Lucid's defaults. Prints a Markdown table of the mean objective (evaluated
 * without transforms) at a quarter of the steps and at the end, and the mean high-frequency share,
 * and writes one image grid per setting.
 *
 * <pre>{@code
 * java --add-modules=jdk.incubator.vector -cp xai4j-bench/target/benchmarks.jar \
 *     org.xai4j.bench.ParameterizationComparison docs/images 256 relu4 6 96
 * }</pre>
 *
 * Arguments: output folder, steps, layer, channels K, image side.
 */
public final class ParameterizationComparison {
  private static final long SEED = 1;

  private ParameterizationComparison() {}

  /** One row; {@code unscaled} drops Lucid's / 4, rendered as its equivalent: a 4x start and learning rate. */
  private record Setting(String name, boolean fft, boolean decorrelate, boolean transforms, boolean unscaled) {}

  /** Pixel values this close to 0 or 1 count as saturated. */
  private static final double SATURATION = 0.02;

  /** Runs the comparison; see the class documentation for the arguments. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int steps = Integer.parseInt(args[1]);
    String layer = args[2];
    int channels = Integer.parseInt(args[3]);
    int size = Integer.parseInt(args[4]);
    Files.createDirectories(out);
    Graph g = BundledModelFiles.load("textures-cnn");
    List<Objective> terms = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      terms.add(Objectives.channel(layer, c).forItem(c));
    }
    Objective objective = Objective.sum(terms);
    List<Setting> settings = new ArrayList<>();
    for (boolean t : new boolean[] {false, true}) {
      settings.add(new Setting("pixel", false, false, t, false));
      settings.add(new Setting("fft", true, false, t, false));
      settings.add(new Setting("fft-decorrelated", true, true, t, false));
    }
    settings.add(new Setting("fft-decorrelated-without-div4", true, true, true, true));
    int quarter = Math.max(1, steps / 4);
    System.out.printf(Locale.ROOT, "| parameterization | transforms | objective after %d steps | after %d steps "
        + "| high-frequency share | saturated pixels | image |%n|---|---|---|---|---|---|---|%n", quarter, steps);
    for (Setting s : settings) {
      double factor = s.unscaled() ? 1 / FourierBasis.LUCID_OUTPUT_SCALE : 1;
      Shape shape = Shape.of(channels, 3, size, size);
      ImageParam p = s.fft()
          ? new ImageParam(new FourierBasis(shape, FourierBasis.DEFAULT_SD * factor, FourierBasis.DEFAULT_DECAY), s.decorrelate())
          : ImageParam.pixel(channels, 3, size, size, s.decorrelate());
      Transform t = s.transforms() ? Transforms.standard() : Transforms.none();
      RenderConfig c = RenderConfig.builder(objective).param(p).transforms(t).steps(steps).seed(SEED)
          .snapshots(List.of(quarter)).learningRate(AscentConfig.DEFAULT_LEARNING_RATE * factor).build();
      FeatureVisualization fv = FeatureVisualization.of(g, c);
      long start = System.nanoTime();
      RenderResult r = fv.render();
      double seconds = (System.nanoTime() - start) / 1e9;
      RenderSnapshot early = r.snapshots().get(0);
      String png = String.format(Locale.ROOT, "fv-%s-%s-%s.png", layer, s.name(), s.transforms() ? "transforms" : "plain");
      Png.write(ImageGrid.of(r.images()), out.resolve(png));
      System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %s |%n", s.name(),
          s.transforms() ? "standard" : "none", mean(fv.evaluate(early.images()).perItem()),
          mean(fv.evaluate(r.images()).perItem()), mean(r.highFrequencyShare()), saturated(r.images()), png);
      System.err.printf(Locale.ROOT, "%s %s: %.1f s%n", s.name(), s.transforms() ? "transforms" : "plain", seconds);
    }
  }

  private static double saturated(org.xai4j.tensor.Tensor images) {
    int n = 0;
    for (int i = 0; i < images.size(); i++) {
      float v = images.getFlat(i);
      n += v < SATURATION || v > 1 - SATURATION ? 1 : 0;
    }
    return n / (double) images.size();
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }
}
