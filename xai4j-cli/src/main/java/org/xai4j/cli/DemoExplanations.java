package org.xai4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.lrp.ConservationReport;
import org.xai4j.graph.Graph;
import org.xai4j.report.html.HtmlPage;
import org.xai4j.report.html.OutputFolder;
import org.xai4j.report.html.Table;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.report.image.Scaling;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Steps 2 and 3 of {@code xai4j demo}: explains a batch of inputs with every method (each sample's
 * argmax class), times each method (preparation included), records the LRP conservation ratio (input
 * relevance sum over the seed's sum; LRP graphs are canonized first, which merges batch norms where there are any) and
 * writes one heatmap PNG per input and method (Zennit's {@code bwr} map, symmetric scaling) next to
 * a PNG of each input.
 */
final class DemoExplanations {
  /** Colour map of the heatmaps: blue negative, white zero, red positive. */
  static final String COLOR_MAP = "bwr";
  private static final double NANOS_PER_MILLI = 1e6;
  private static final int COLOR_BAR_STEPS = 256;

  private DemoExplanations() {}

  /**
   * One method's explanation of the whole batch.
   *
   * @param method the method
   * @param attribution relevance and model output
   * @param conservation per sample, the input relevance sum over the seed sum ({@code NaN} for non-LRP methods)
   * @param millis wall time of the explanation
   * @param heatmaps PNG file names, one per sample
   */
  record Explained(DemoMethods.Method method, Attribution attribution, double[] conservation, double millis,
      List<String> heatmaps) {}

  /**
   * The explanations of one batch.
   *
   * @param title what was explained with which model
   * @param inputs the inputs {@code [N, C, H, W]}
   * @param images PNG file names of the inputs
   * @param labels the true class per input
   * @param classNames the name of each class
   * @param methods one entry per method, in the order run
   * @param colorBar PNG file name of the colour map as a bar
   */
  record Result(String title, Tensor inputs, List<String> images, int[] labels, List<String> classNames,
      List<Explained> methods, String colorBar) {
    /** The class each sample was explained for (its argmax). */
    int[] targets() {
      return Target.Argmax.argmaxPerSample(methods.get(0).attribution().output());
    }

    /** How many inputs the model classified as their true class. */
    int correct() {
      int[] targets = targets();
      int correct = 0;
      for (int i = 0; i < targets.length; i++) {
        correct += targets[i] == labels[i] ? 1 : 0;
      }
      return correct;
    }

    /** "K of N inputs classified correctly", naming the model. */
    String classified(String model, String what) {
      return String.format(Locale.ROOT, "%s classified %d of %d %s correctly%s", model, correct(), labels.length, what,
          correct() < labels.length ? " (the misclassified ones are flagged in red)" : "");
    }

    /** The share of pixels where some input channel is non-zero (ink, for digits). */
    double inkShare() {
      boolean[] ink = ink();
      int n = 0;
      for (boolean b : ink) {
        n += b ? 1 : 0;
      }
      return n / (double) ink.length;
    }

    /**
     * Of the positive relevance of {@code method} (summed over the channels at each pixel), the share on pixels
     * where some input channel is non-zero; {@code NaN} if the method is not in this result or has no positive
     * relevance.
     */
    double positiveShareOnInk(String method) {
      boolean[] ink = ink();
      for (Explained e : methods) {
        if (e.method().name().equals(method)) {
          double inside = 0;
          double total = 0;
          for (int i = 0; i < labels.length; i++) {
            float[] map = Heatmaps.map(e.attribution(), i).toArray();
            for (int p = 0; p < map.length; p++) {
              double v = Math.max(map[p], 0);
              total += v;
              inside += ink[i * map.length + p] ? v : 0;
            }
          }
          return total > 0 ? inside / total : Double.NaN;
        }
      }
      return Double.NaN;
    }

    /** Per input and pixel ({@code [N, H, W]} flattened), whether some channel of the input is non-zero. */
    private boolean[] ink() {
      Shape s = inputs.shape();
      int pixels = s.dim(2) * s.dim(3);
      float[] x = inputs.toArray();
      boolean[] ink = new boolean[s.dim(0) * pixels];
      for (int i = 0; i < s.dim(0); i++) {
        for (int c = 0; c < s.dim(1); c++) {
          for (int p = 0; p < pixels; p++) {
            ink[i * pixels + p] |= x[(i * s.dim(1) + c) * pixels + p] != 0;
          }
        }
      }
      return ink;
    }

    /** The fastest and the slowest method of this batch, with their times. */
    String timeRange() {
      Map<String, Explained> byName = new LinkedHashMap<>();
      methods.forEach(e -> byName.put(e.method().name(), e));
      String fastest = DemoRanking.lowest(byName, Explained::millis);
      String slowest = DemoRanking.highest(byName, Explained::millis);
      return String.format(Locale.ROOT, "explaining the batch took from %.0f ms (%s) to %.0f ms (%s), preparation "
          + "included", byName.get(fastest).millis(), fastest, byName.get(slowest).millis(), slowest);
    }

    /** What this run measured of conservation: the composites whose mean ratio is closest to and farthest from 1. */
    String conservationMeasured() {
      Map<String, Double> means = new LinkedHashMap<>();
      for (Explained e : methods) {
        if (e.method().isLrp()) {
          means.put(e.method().name(), Arrays.stream(e.conservation()).average().orElse(Double.NaN));
        }
      }
      String closest = DemoRanking.lowest(means, v -> Math.abs(v - 1));
      String farthest = DemoRanking.highest(means, v -> Math.abs(v - 1));
      return String.format(Locale.ROOT, "Over %d inputs the mean ratio of %s was closest to 1 (%s) and that of %s "
          + "farthest from it (%s).", labels.length, closest, number(means.get(closest)), farthest,
          number(means.get(farthest)));
    }

    /** The heatmap grid's columns: the input, then the methods. */
    List<String> gridColumns() {
      List<String> c = new ArrayList<>(List.of("input"));
      methods.forEach(e -> c.add(e.method().name()));
      return c;
    }

    /** The heatmap grid's rows: each input (with its label and the explained class), then its heatmaps. */
    List<List<HtmlPage.Tile>> gridRows() {
      int[] targets = targets();
      List<List<HtmlPage.Tile>> rows = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        List<HtmlPage.Tile> row = new ArrayList<>();
        String truth = classNames.get(labels[i]);
        String predicted = classNames.get(targets[i]);
        boolean wrong = labels[i] != targets[i];
        row.add(new HtmlPage.Tile(images.get(i), "input " + i + ": true class " + truth + ", predicted " + predicted,
            wrong ? "true " + truth + ", predicted " + predicted + ": misclassified" : truth, wrong));
        for (Explained e : methods) {
          double range = maxAbs(Heatmaps.map(e.attribution(), i));
          row.add(new HtmlPage.Tile(e.heatmaps().get(i), e.method().name() + ", input " + i + ", explained class "
              + predicted + ", colour scale -" + number(range) + " to +" + number(range), "±" + number(range)));
        }
        rows.add(row);
      }
      return rows;
    }

    /** One row per LRP composite: the conservation ratio's mean, smallest and largest value over the inputs. */
    Table conservation() {
      List<List<String>> rows = new ArrayList<>();
      for (Explained e : methods) {
        if (e.method().isLrp()) {
          double[] c = e.conservation();
          rows.add(List.of(e.method().name(), number(Arrays.stream(c).average().orElse(Double.NaN)),
              number(Arrays.stream(c).min().orElse(Double.NaN)), number(Arrays.stream(c).max().orElse(Double.NaN))));
        }
      }
      return new Table("Conservation of every LRP composite over " + images.size() + " inputs: input relevance sum / "
          + "explained logit", List.of("composite", "mean", "min", "max"), rows);
    }

    /** One row per method: targets, relevance sum per sample, conservation ratio per sample, time. */
    Table table() {
      List<List<String>> rows = new ArrayList<>();
      String targets = join(targets());
      for (Explained e : methods) {
        Tensor r = e.attribution().relevance();
        double[] sums = new double[r.shape().dim(0)];
        for (int i = 0; i < sums.length; i++) {
          sums[i] = r.slice0(i, i + 1).sum();
        }
        rows.add(List.of(e.method().name(), targets, join(sums),
            e.method().isLrp() ? join(e.conservation()) : Table.NOT_AVAILABLE,
            String.format(Locale.ROOT, "%.0f", e.millis())));
      }
      return new Table(title, List.of("method", "target", "relevance sum", "conservation", "ms"), rows);
    }
  }

  /**
   * Explains {@code inputs} with every method and writes the PNGs as {@code PREFIX-input-I.png} and
   * {@code PREFIX-METHOD-I.png}.
   */
  static Result run(String title, String prefix, Graph graph, Tensor inputs, int[] labels, List<String> classNames,
      List<DemoMethods.Method> methods, OutputFolder files) {
    int n = inputs.shape().dim(0);
    List<String> images = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Tensor x = inputs.slice0(i, i + 1);
      images.add(files.png(prefix + "-input-" + i + ".png",
          Heatmaps.image(x.reshape(x.shape().dim(1), x.shape().dim(2), x.shape().dim(3)))));
    }
    ColorMap cmap = ColorMap.named(COLOR_MAP);
    List<Explained> explained = new ArrayList<>();
    for (DemoMethods.Method m : methods) {
      long start = System.nanoTime();
      Attribution a = m.attributor().prepare(graph).explain(inputs, Target.argmax());
      double[] conservation = new double[n];
      Arrays.fill(conservation, Double.NaN);
      if (m.isLrp()) {
        conservation = ConservationReport.of(a, Target.argmax()).row(graph.inputs().get(0).name()).ratios();
      }
      double millis = (System.nanoTime() - start) / NANOS_PER_MILLI;
      List<String> heatmaps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        heatmaps.add(files.png(prefix + "-" + fileName(m.name()) + "-" + i + ".png",
            Heatmaps.render(Heatmaps.map(a, i), cmap, Scaling.SYMMETRIC, Heatmaps.DEFAULT_LEVEL)));
      }
      explained.add(new Explained(m, a, conservation, millis, heatmaps));
    }
    String bar = files.png(prefix + "-colour-scale.png", colorBar(cmap));
    return new Result(title, inputs, images, labels.clone(), List.copyOf(classNames), explained, bar);
  }

  /** The colour map as a 256 x 1 bar, from the most negative value (left) through 0 to the most positive. */
  static java.awt.image.BufferedImage colorBar(ColorMap cmap) {
    float[] ramp = new float[COLOR_BAR_STEPS];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = -1f + 2f * i / (ramp.length - 1);
    }
    return Heatmaps.render(Tensor.of(Shape.of(1, ramp.length), ramp), cmap, Scaling.SYMMETRIC,
        Heatmaps.DEFAULT_LEVEL);
  }

  /** The largest absolute value of a map: the end of its symmetric colour scale. */
  private static double maxAbs(Tensor map) {
    double m = 0;
    for (float v : map.toArray()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** A method name usable in a file name ({@code lrp:deep-taylor} becomes {@code lrp-deep-taylor}). */
  private static String fileName(String method) {
    return method.replace(':', '-');
  }

  private static String join(int[] values) {
    StringJoiner j = new StringJoiner(" ");
    for (int v : values) {
      j.add(Integer.toString(v));
    }
    return j.toString();
  }

  private static String join(double[] values) {
    StringJoiner j = new StringJoiner(" ");
    for (double v : values) {
      j.add(String.format(Locale.ROOT, "%.3g", v));
    }
    return j.toString();
  }
}
