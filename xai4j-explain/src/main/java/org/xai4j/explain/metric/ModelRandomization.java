package org.xai4j.explain.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.lrp.composite.OpGroup;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Tensor;

/**
 * The cascading model-parameter randomization test of Adebayo, Gilmer, Muelly, Goodfellow, Hardt
 * and Kim, "Sanity checks for saliency maps" (NeurIPS 2018). The weight layers (the convolutions and
 * dense layers of {@link OpGroup#LINEAR}: Conv, ConvTranspose, Gemm, which includes the dense layers
 * imported from {@code MatMul} by a weight) are randomized one by one from the output towards the input, each
 * stage keeping the layers randomized before it, and every stage's explanation is compared with
 * the original one. An explanation that depends on the model should become dissimilar quickly.
 *
 * <p>Randomizing a layer replaces each parameter tensor with Gaussian values of mean 0 and the
 * tensor's own standard deviation (a tensor of constant value, such as a zero bias, is left
 * alone); the paper re-initializes with the training initializer, which the graph does not record.
 * Similarity is measured on the channel-summed maps, absolute values first when {@code absolute}
 * (the paper reports both; Quantus defaults to absolute), by Spearman rank correlation and, for
 * images of at least {@link Similarity#SSIM_WINDOW} pixels a side, by SSIM on maps scaled to
 * {@code [0, 1]} by their min and max ({@code L = 1}; NaN otherwise).
 *
 * @param absolute whether to compare absolute values
 * @param seed seeds the random parameters
 */
public record ModelRandomization(boolean absolute, long seed) implements Metric<ModelRandomization.Result> {
  /** Default: compare absolute values (Quantus). */
  public static final boolean DEFAULT_ABSOLUTE = true;
  /** Default seed. */
  public static final long DEFAULT_SEED = 0L;

  /** Absolute values, default seed. */
  public static ModelRandomization defaults() {
    return new ModelRandomization(DEFAULT_ABSOLUTE, DEFAULT_SEED);
  }

  @Override
  public Result evaluate(Explainer method, Tensor input, int[] classes) {
    Graph graph = method.graph();
    ImageGrid grid = ImageGrid.of(input.shape(), 1);
    Classes.require(classes, grid.n());
    double[][] original = maps(grid, Scores.relevance(method, input, classes));
    List<Node> layers = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (OpGroup.LINEAR.contains(node.op()) && !node.op().parameters().isEmpty()) {
        layers.add(0, node);
      }
    }
    Random random = new Random(seed);
    Graph current = graph;
    List<Stage> stages = new ArrayList<>();
    for (Node layer : layers) {
      current = current.withOp(layer.name(), randomized(layer.op(), random));
      double[][] maps = maps(grid, Scores.relevance(method.method().prepare(current), input, classes));
      double[] rho = new double[grid.n()];
      double[] ssim = new double[grid.n()];
      for (int b = 0; b < grid.n(); b++) {
        rho[b] = Similarity.spearman(original[b], maps[b]);
        ssim[b] = grid.h() >= Similarity.SSIM_WINDOW && grid.w() >= Similarity.SSIM_WINDOW
            ? Similarity.ssim(unitRange(original[b]), unitRange(maps[b]), grid.h(), grid.w(), 1) : Double.NaN;
      }
      stages.add(new Stage(layer.name(), rho, ssim, Vectors.mean(rho), Vectors.mean(ssim)));
    }
    return new Result(stages);
  }

  private double[][] maps(ImageGrid grid, Tensor relevance) {
    double[][] m = grid.pixelRelevance(relevance);
    if (absolute) {
      for (double[] row : m) {
        for (int i = 0; i < row.length; i++) {
          row[i] = Math.abs(row[i]);
        }
      }
    }
    return m;
  }

  private static Op randomized(Op op, Random random) {
    Parameters p = op.parameters();
    for (String name : p.names()) {
      Tensor t = p.get(name);
      double mean = t.mean();
      double var = 0;
      for (float v : t.toArray()) {
        var += (v - mean) * (v - mean) / t.size();
      }
      if (var > 0) {
        p = p.with(name, Tensor.randomNormal(t.shape(), (float) Math.sqrt(var), random));
      }
    }
    return op.withParameters(p);
  }

  private static double[] unitRange(double[] m) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : m) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = hi > lo ? (m[i] - lo) / (hi - lo) : 0;
    }
    return out;
  }

  /**
   * One stage of the cascade.
   *
   * @param layer the layer randomized at this stage (all layers above it are randomized too)
   * @param spearman Spearman correlation with the original explanation, per sample
   * @param ssim SSIM with the original explanation, per sample (NaN for non-images)
   * @param meanSpearman mean Spearman correlation
   * @param meanSsim mean SSIM
   */
  public record Stage(String layer, double[] spearman, double[] ssim, double meanSpearman, double meanSsim) {}

  /**
   * The cascade, top layer first.
   *
   * @param stages one per randomized layer
   */
  public record Result(List<Stage> stages) {
    /** Copies the list. */
    public Result {
      stages = List.copyOf(stages);
    }
  }
}
