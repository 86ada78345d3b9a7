package org.xai4j.visualize.prototype;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;
import org.xai4j.visualize.render.AscentConfig;
import org.xai4j.visualize.render.AscentEvaluation;
import org.xai4j.visualize.render.AscentObjective;
import org.xai4j.visualize.render.AscentResult;
import org.xai4j.visualize.render.GradientAscent;
import org.xai4j.visualize.render.ModelReadout;

/**
 * The diagonal Gaussian over codes that code-space activation maximization penalizes departures
 * from: {@code -lambda sum_j ((z_j - mean_j) / std_j)^2}. For a GAN generator or a VAE decoder the
 * codes are drawn from N(0, I) ({@link #standardNormal}), and the penalty is the paper's
 * {@code -lambda |z|^2}. A plain autoencoder's codes follow no fixed prior: {@link #ofData} finds
 * the codes that reconstruct data images (by gradient descent on the reconstruction error through
 * the decoder, since only the decoder is given) and takes their per-dimension mean and standard
 * deviation.
 *
 * @param mean the code mean
 * @param std the per-dimension standard deviation, each positive
 */
public record CodePrior(double[] mean, double[] std) {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Steps of the reconstruction that {@link #ofData} runs. */
  public static final int RECONSTRUCTION_STEPS = 300;
  /** Adam learning rate of that reconstruction. */
  public static final double RECONSTRUCTION_LEARNING_RATE = 0.05;
  /** The smallest standard deviation {@link #ofData} reports for a code dimension. */
  public static final double MIN_STD = 1e-3;

  /** Validates and copies. */
  public CodePrior {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("a code prior needs one mean and one std per code dimension, got "
          + mean.length + " and " + std.length);
    }
    for (int j = 0; j < std.length; j++) {
      if (!(std[j] > 0) || Double.isInfinite(std[j]) || !Double.isFinite(mean[j])) {
        throw new IllegalArgumentException("code dimension " + j + " needs a finite mean and a positive std, got "
            + mean[j] + " and " + std[j]);
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** N(0, I) over codes of this size. */
  public static CodePrior standardNormal(int size) {
    double[] ones = new double[size];
    Arrays.fill(ones, 1);
    return new CodePrior(new double[size], ones);
  }

  /**
   * The mean and standard deviation of the codes that reconstruct these images through the decoder.
   *
   * @param decoder a graph from codes {@code [N, size]} to images
   * @param images images the decoder's output can be compared with (same number of values each)
   * @param seed seeds the reconstruction loop (it uses no randomness, the seed is recorded)
   * @throws IllegalArgumentException if the decoder's input is not {@code [N, size]} or its output
   *     has another number of values than the images
   */
  public static CodePrior ofData(Graph decoder, Tensor images, long seed) {
    int n = images.shape().dim(0);
    int size = codeSize(decoder);
    String out = decoder.outputs().get(0);
    ModelReadout readout = ModelReadout.of(decoder, List.of(out));
    AscentObjective reconstruction = (params, ctx) -> {
      ModelReadout.Reading r = readout.read(params.get(0));
      Tensor decoded = r.activation(out);
      if (decoded.size() != images.size()) {
        throw new IllegalArgumentException("the decoder's output " + decoded.shape() + " cannot be compared with the "
            + "images " + images.shape());
      }
      Tensor diff = decoded.sub(images.reshape(decoded.shape()));
      double value = -diff.mul(diff).sum();
      return new AscentEvaluation(value, new double[0], List.of(r.inputGradient(Map.of(out, diff.mul(-2f)))));
    };
    AscentConfig config = AscentConfig.defaults().withOptimizer(org.xai4j.train.Adam.withLearningRate(
        RECONSTRUCTION_LEARNING_RATE)).withSteps(RECONSTRUCTION_STEPS).withSeed(seed);
    AscentResult r = GradientAscent.run(List.of(Tensor.zeros(Shape.of(n, size))), reconstruction, config);
    float[] z = INTERNALS.array(r.parameters().get(0));
    double[] mean = new double[size];
    double[] std = new double[size];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < size; j++) {
        mean[j] += z[i * size + j] / (double) n;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < size; j++) {
        double c = z[i * size + j] - mean[j];
        std[j] += c * c / n;
      }
    }
    for (int j = 0; j < size; j++) {
      std[j] = Math.max(MIN_STD, Math.sqrt(std[j]));
    }
    return new CodePrior(mean, std);
  }

  /**
   * The code size of a decoder: its only input must be {@code [N, size]}.
   *
   * @throws IllegalArgumentException otherwise
   */
  static int codeSize(Graph decoder) {
    if (decoder.inputs().size() != 1 || decoder.inputs().get(0).dims().length != 2
        || decoder.inputs().get(0).dims()[1] < 1 || decoder.outputs().size() != 1) {
      throw new IllegalArgumentException("a decoder needs one input [N, code size] and one output, got inputs "
          + decoder.inputs() + " and outputs " + decoder.outputs());
    }
    return decoder.inputs().get(0).dims()[1];
  }

  /** The code size. */
  public int size() {
    return mean.length;
  }

  /** The mean (a copy). */
  @Override
  public double[] mean() {
    return mean.clone();
  }

  /** The standard deviations (a copy). */
  @Override
  public double[] std() {
    return std.clone();
  }

  /** The start codes of a batch: the mean ({@link StartPoint#MEAN}, {@link StartPoint#ZEROS} gives the zero code), or mean plus std times standard normal noise. */
  public Tensor start(StartPoint start, int batch, long seed) {
    if (start == StartPoint.ZEROS) {
      return Tensor.zeros(Shape.of(batch, size()));
    }
    Tensor noise = start == StartPoint.NOISE ? Tensor.randomNormal(Shape.of(batch, size()), 1f, new java.util.Random(seed))
        : Tensor.zeros(Shape.of(batch, size()));
    float[] e = INTERNALS.array(noise);
    float[] z = new float[e.length];
    for (int i = 0; i < batch; i++) {
      for (int j = 0; j < size(); j++) {
        z[i * size() + j] = (float) (mean[j] + std[j] * e[i * size() + j]);
      }
    }
    return INTERNALS.adopt(noise.shape(), z);
  }

  /** {@code -lambda sum_j ((z_j - mean_j) / std_j)^2} per code, and the gradient of their sum. */
  Regularizer.Term penalty(Tensor codes, double lambda) {
    int size = size();
    int n = codes.shape().dim(0);
    float[] z = INTERNALS.array(codes);
    float[] g = new float[z.length];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < size; j++) {
        double r = (z[i * size + j] - mean[j]) / std[j];
        values[i] -= lambda * r * r;
        g[i * size + j] = (float) (-2 * lambda * r / std[j]);
      }
    }
    return new Regularizer.Term(values, INTERNALS.adopt(codes.shape(), g));
  }
}
