package org.xai4j.explain.metric;

import java.util.Random;
import org.xai4j.explain.Explainer;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Pixel flipping / region perturbation and the area over the perturbation curve (AOPC), Samek,
 * Binder, Montavon, Lapuschkin and Müller, "Evaluating the visualization of what a deep neural
 * network has learned" (IEEE TNNLS 2017). The image is cut into {@code patch x patch} regions,
 * ranked by their summed relevance; step {@code k} replaces {@code perStep} more regions (all
 * channels) in {@code order}, and the curve records the class score {@code f(x^(k))} for
 * {@code k = 0 ... L} ({@code L = steps}). The paper's measure is
 *
 * <pre>AOPC = 1/(L + 1) * &lt; sum_{k=0..L} f(x^(0)) - f(x^(k)) &gt;_x</pre>
 *
 * <p>for most-relevant-first (higher is better); least-relevant-first curves should stay flat, and
 * {@link RegionOrder#RANDOM} gives the baseline an explanation must beat. Each step is one batched
 * forward pass over all samples.
 *
 * <p>Defaults follow the paper: 9 x 9 regions, one region per step, 100 steps, uniform noise, most
 * relevant first, raw output (logit); the random source is seeded ({@link #DEFAULT_SEED}).
 * {@link #sizedTo} fits the regions and steps to a smaller input.
 *
 * @param steps {@code L}, at least 1
 * @param perStep regions replaced per step, at least 1
 * @param patch region side in pixels, at least 1
 * @param replacement what replaced pixels become
 * @param order the region order
 * @param score which number of the output is followed
 * @param seed seeds the noise replacement and the random order
 */
public record PixelFlipping(int steps, int perStep, int patch, Replacement replacement, RegionOrder order,
    OutputScore score, long seed) implements Metric<PixelFlipping.Result> {
  /** Default number of steps (Samek et al. 2017). */
  public static final int DEFAULT_STEPS = 100;
  /** Default regions per step. */
  public static final int DEFAULT_PER_STEP = 1;
  /** Default region side (Samek et al. 2017: 9 x 9). */
  public static final int DEFAULT_PATCH = 9;
  /** Default replacement (Samek et al. 2017: uniform noise). */
  public static final Replacement DEFAULT_REPLACEMENT = Replacement.NOISE;
  /** Default seed of the noise and the random order. */
  public static final long DEFAULT_SEED = 0L;

  /** Rejects non-positive counts and null choices. */
  public PixelFlipping {
    if (steps < 1 || perStep < 1 || patch < 1) {
      throw new IllegalArgumentException("pixel flipping needs steps, perStep and patch >= 1, got " + steps + ", "
          + perStep + ", " + patch);
    }
    if (replacement == null || order == null || score == null) {
      throw new IllegalArgumentException("pixel flipping needs a replacement, an order and a score");
    }
  }

  /** The paper's defaults, most relevant first. */
  public static PixelFlipping defaults() {
    return new PixelFlipping(DEFAULT_STEPS, DEFAULT_PER_STEP, DEFAULT_PATCH, DEFAULT_REPLACEMENT,
        RegionOrder.MOST_RELEVANT_FIRST, OutputScore.RAW, DEFAULT_SEED);
  }

  /**
   * The paper's defaults sized to an input of this shape, with {@code perStep} regions per step: the smallest
   * region side up to {@link #DEFAULT_PATCH} whose regions {@link #DEFAULT_STEPS} steps replace at most once
   * (3 x 3 for 28 x 28 MNIST digits, 7 x 7 for 64 x 64 images; 9 x 9, the paper's, for 224 x 224 images, of
   * which 100 steps replace a sixth), and steps only until every region is replaced. Larger regions on a small
   * image replace all of it in a few steps, after which the curve is flat and a random order can beat an
   * explanation.
   *
   * @throws IllegalArgumentException if the shape is neither {@code [N, D]} nor {@code [N, C, H, W]}
   */
  public static PixelFlipping sizedTo(Shape inputShape, int perStep) {
    int side = 1;
    while (side < DEFAULT_PATCH && ImageGrid.of(inputShape, side).regions() > DEFAULT_STEPS * perStep) {
      side++;
    }
    PixelFlipping p = new PixelFlipping(DEFAULT_STEPS, perStep, side, DEFAULT_REPLACEMENT,
        RegionOrder.MOST_RELEVANT_FIRST, OutputScore.RAW, DEFAULT_SEED);
    return p.withSteps(Math.min(DEFAULT_STEPS, p.stepsToReplaceAll(inputShape)));
  }

  /**
   * The number of steps after which every region of an input of this shape is replaced, {@code ceil(regions /
   * perStep)}: later steps would only repeat the last value and flatten the curve's tail into the AOPC.
   */
  public int stepsToReplaceAll(Shape inputShape) {
    int regions = ImageGrid.of(inputShape, patch).regions();
    return (regions + perStep - 1) / perStep;
  }

  /** This configuration with another number of steps. */
  public PixelFlipping withSteps(int newSteps) {
    return new PixelFlipping(newSteps, perStep, patch, replacement, order, score, seed);
  }

  /** This configuration with another order (for example the random baseline). */
  public PixelFlipping withOrder(RegionOrder newOrder) {
    return new PixelFlipping(steps, perStep, patch, replacement, newOrder, score, seed);
  }

  @Override
  public Result evaluate(Explainer method, Tensor input, int[] classes) {
    Tensor relevance = order == RegionOrder.RANDOM ? input
        : Scores.relevance(method, input, classes);
    return evaluate(method.graph(), input, classes, relevance);
  }

  /**
   * Pixel flipping with a precomputed relevance ({@code [N, C, H, W]}, one channel, or
   * {@code [N, D]} for vector inputs); ignored for {@link RegionOrder#RANDOM}.
   */
  public Result evaluate(Graph graph, Tensor input, int[] classes, Tensor relevance) {
    ImageGrid grid = ImageGrid.of(input.shape(), patch);
    Classes.require(classes, grid.n());
    Random random = new Random(seed);
    int[][] regions = order.order(grid.regionRelevance(relevance), random);
    Tensor fill = replacement.values(input, grid, random);
    double[][] curves = PerturbationCurves.run(graph, input, fill, grid, regions, perStep, steps, classes, score);
    double[] perSample = new double[curves.length];
    for (int b = 0; b < curves.length; b++) {
      for (double f : curves[b]) {
        perSample[b] += (curves[b][0] - f) / (steps + 1);
      }
    }
    return new Result(curves, PerturbationCurves.mean(curves), perSample, Vectors.mean(perSample));
  }

  /**
   * Pixel-flipping curves and AOPC.
   *
   * @param curves {@code f(x^(k))} per sample, {@code [N][steps + 1]}
   * @param meanCurve the mean curve over the samples
   * @param aopcPerSample {@code 1/(L+1) sum_k f(x^(0)) - f(x^(k))} per sample
   * @param aopc the mean over the samples
   */
  public record Result(double[][] curves, double[] meanCurve, double[] aopcPerSample, double aopc) {}
}
