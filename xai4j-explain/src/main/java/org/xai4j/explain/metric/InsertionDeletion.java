package org.xai4j.explain.metric;

import java.util.Random;
import org.xai4j.explain.Explainer;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * The deletion and insertion metrics of Petsiuk, Das and Saenko, "RISE: Randomized input sampling
 * for explanation of black-box models" (BMVC 2018). Deletion starts from the image and replaces the
 * most relevant pixels by the substrate (default zero), a good explanation makes the class
 * probability fall fast (low AUC is better). Insertion starts from the substrate (default the
 * blurred image) and copies the most relevant pixels of the image back in (high AUC is better).
 * Each step moves {@code ceil(H * W / steps)} pixels; the curve is the softmax probability of the
 * class against the moved fraction in {@code [0, 1]}, and the AUC is its trapezoid area.
 *
 * @param mode insertion or deletion
 * @param steps number of steps the pixels are spread over, at least 1
 * @param substrate what deleted pixels become, or what insertion starts from
 * @param score followed output number (the paper: the softmax probability)
 * @param seed seeds a noise substrate
 */
public record InsertionDeletion(Mode mode, int steps, Replacement substrate, OutputScore score, long seed)
    implements Metric<InsertionDeletion.Result> {
  /** Default steps: 224 (the paper moves 224 pixels per step on 224 x 224 images). */
  public static final int DEFAULT_STEPS = 224;
  /** Default deletion substrate (the paper: zero). */
  public static final Replacement DEFAULT_DELETION_SUBSTRATE = Replacement.ZERO;
  /** Default insertion substrate (the paper: the blurred image). */
  public static final Replacement DEFAULT_INSERTION_SUBSTRATE = Replacement.BLUR;

  /** Which of the two metrics. */
  public enum Mode {
    /** Remove the most relevant pixels first. */
    DELETION,
    /** Insert the most relevant pixels first. */
    INSERTION
  }

  /** Rejects fewer than one step and null choices. */
  public InsertionDeletion {
    if (steps < 1 || mode == null || substrate == null || score == null) {
      throw new IllegalArgumentException("insertion/deletion needs a mode, a substrate, a score and steps >= 1, got "
          + steps);
    }
  }

  /** Deletion with the paper's defaults. */
  public static InsertionDeletion deletion() {
    return new InsertionDeletion(Mode.DELETION, DEFAULT_STEPS, DEFAULT_DELETION_SUBSTRATE, OutputScore.SOFTMAX,
        PixelFlipping.DEFAULT_SEED);
  }

  /** Insertion with the paper's defaults. */
  public static InsertionDeletion insertion() {
    return new InsertionDeletion(Mode.INSERTION, DEFAULT_STEPS, DEFAULT_INSERTION_SUBSTRATE, OutputScore.SOFTMAX,
        PixelFlipping.DEFAULT_SEED);
  }

  @Override
  public Result evaluate(Explainer method, Tensor input, int[] classes) {
    return evaluate(method.graph(), input, classes, Scores.relevance(method, input, classes));
  }

  /** The metric for a precomputed relevance. */
  public Result evaluate(Graph graph, Tensor input, int[] classes, Tensor relevance) {
    return evaluateOrdered(graph, input, classes, relevance, RegionOrder.MOST_RELEVANT_FIRST);
  }

  /** The same curve with pixels in random order: the baseline. */
  public Result randomBaseline(Graph graph, Tensor input, int[] classes) {
    return evaluateOrdered(graph, input, classes, input, RegionOrder.RANDOM);
  }

  private Result evaluateOrdered(Graph graph, Tensor input, int[] classes, Tensor relevance, RegionOrder order) {
    ImageGrid grid = ImageGrid.of(input.shape(), 1);
    Classes.require(classes, grid.n());
    Random random = new Random(seed);
    int[][] pixels = order.order(grid.regionRelevance(relevance), random);
    Tensor other = substrate.values(input, grid, random);
    int perStep = (grid.pixels() + steps - 1) / steps;
    int used = (grid.pixels() + perStep - 1) / perStep;
    double[][] curves = mode == Mode.DELETION
        ? PerturbationCurves.run(graph, input, other, grid, pixels, perStep, used, classes, score)
        : PerturbationCurves.run(graph, other, input, grid, pixels, perStep, used, classes, score);
    double[] fraction = new double[used + 1];
    for (int k = 0; k <= used; k++) {
      fraction[k] = Math.min(grid.pixels(), k * perStep) / (double) grid.pixels();
    }
    double[] auc = new double[curves.length];
    for (int b = 0; b < curves.length; b++) {
      auc[b] = trapezoid(fraction, curves[b]);
    }
    return new Result(fraction, curves, PerturbationCurves.mean(curves), auc, Vectors.mean(auc));
  }

  /** The trapezoid area under {@code y(x)}. */
  static double trapezoid(double[] x, double[] y) {
    double a = 0;
    for (int k = 1; k < x.length; k++) {
      a += (x[k] - x[k - 1]) * (y[k] + y[k - 1]) / 2;
    }
    return a;
  }

  /**
   * Insertion or deletion curves.
   *
   * @param fraction the moved share of pixels at each point
   * @param curves the score per sample and point
   * @param meanCurve the mean curve
   * @param aucPerSample the area under each sample's curve
   * @param auc the mean area
   */
  public record Result(double[] fraction, double[][] curves, double[] meanCurve, double[] aucPerSample, double auc) {}
}
