package org.xai4j.explain.attribution;

import java.util.SplittableRandom;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * SmoothGrad (Smilkov et al. 2017) and its variants SmoothGrad-squared and VarGrad (Adebayo et
 * al. 2018): statistics of the gradient over noisy copies {@code x + eps}, {@code eps ~ N(0,
 * sigma^2)}. The relevance has the input's shape.
 *
 * <p>Noise follows Zennit's {@code SmoothGrad}: {@code sigma = noiseLevel * (max(x_n) - min(x_n))}
 * per sample {@code n}, and of the {@code samples} copies the last one is noise-free (so one
 * sample, or zero noise, gives the gradient). The aggregations follow Captum's
 * {@code NoiseTunnel}: {@link Aggregation#SMOOTHGRAD} the mean, {@link
 * Aggregation#SMOOTHGRAD_SQUARED} the mean of squares, {@link Aggregation#VARGRAD} the variance
 * {@code E[g^2] - E[g]^2}. Noise copy {@code c} of every sample is the same standard normal draw
 * (from a {@link SplittableRandom} whose seed is the {@code c}-th value drawn from one seeded with
 * {@code seed}) times that sample's sigma, so a sample's result depends only on the seed and its
 * own values, not on the batch around it: explaining a batch equals explaining each sample alone.
 * Defaults (Zennit's): noise level {@value #DEFAULT_NOISE_LEVEL}, {@value #DEFAULT_SAMPLES} samples. Example: {@code SmoothGrad.defaults().withSeed(7).prepare(graph)
 * .explain(x, Target.argmax())}; {@code .withOverrides(LrpRules.of(composite))} smooths LRP as
 * Zennit's {@code SmoothGrad} with a composite does. At a hidden value {@code at(v)} is the same
 * statistic of the signals at {@code v}; it repeats the noisy passes, once per value asked for.
 *
 * @param aggregation which statistic of the noisy gradients
 * @param noiseLevel {@code sigma / (max - min)} of each sample's values
 * @param samples number of copies per sample (the last one noise-free)
 * @param seed seed of the noise
 * @param internalBatch how many copies go through the graph per forward/backward pass (all copies
 *     of all samples are stacked and cut into passes of equal size, {@link InternalBatch}; by
 *     default chosen from the memory one copy needs)
 * @param pass the reverse pass of every copy (an LRP composite gives SmoothGrad over LRP)
 */
public record SmoothGrad(Aggregation aggregation, double noiseLevel, int samples, long seed,
    InternalBatch internalBatch, ReversePass pass) implements GradientMethod<SmoothGrad> {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Default relative noise level (Zennit's {@code noise_level}). */
  public static final double DEFAULT_NOISE_LEVEL = 0.1;
  /** Default number of samples (Zennit's {@code n_iter}). */
  public static final int DEFAULT_SAMPLES = 20;
  /** Default noise seed. */
  public static final long DEFAULT_SEED = 0L;

  /** What is computed from the gradients of the noisy copies. */
  public enum Aggregation {
    /** Mean gradient. */
    SMOOTHGRAD,
    /** Mean squared gradient. */
    SMOOTHGRAD_SQUARED,
    /** Variance of the gradient. */
    VARGRAD
  }

  /** Validates the options. */
  public SmoothGrad {
    if (!(noiseLevel >= 0) || Double.isInfinite(noiseLevel)) {
      throw new IllegalArgumentException("SmoothGrad noiseLevel must be finite and >= 0, got " + noiseLevel);
    }
    PointBatches.requirePositive(samples, "SmoothGrad samples");
    if (internalBatch == null) {
      throw new IllegalArgumentException("SmoothGrad needs an internal batch (InternalBatch.automatic())");
    }
  }

  /** SmoothGrad with Zennit's defaults. */
  public static SmoothGrad defaults() {
    return new SmoothGrad(Aggregation.SMOOTHGRAD, DEFAULT_NOISE_LEVEL, DEFAULT_SAMPLES, DEFAULT_SEED,
        InternalBatch.automatic(), ReversePass.gradient());
  }

  /** This configuration with another aggregation. */
  public SmoothGrad withAggregation(Aggregation a) {
    return new SmoothGrad(a, noiseLevel, samples, seed, internalBatch, pass);
  }

  /** This configuration with another relative noise level. */
  public SmoothGrad withNoiseLevel(double level) {
    return new SmoothGrad(aggregation, level, samples, seed, internalBatch, pass);
  }

  /** This configuration with another number of samples. */
  public SmoothGrad withSamples(int n) {
    return new SmoothGrad(aggregation, noiseLevel, n, seed, internalBatch, pass);
  }

  /** This configuration with another noise seed. */
  public SmoothGrad withSeed(long s) {
    return new SmoothGrad(aggregation, noiseLevel, samples, s, internalBatch, pass);
  }

  /** This configuration with another number of copies per pass. */
  public SmoothGrad withInternalBatch(InternalBatch b) {
    return new SmoothGrad(aggregation, noiseLevel, samples, seed, b, pass);
  }

  @Override
  public SmoothGrad withPass(ReversePass p) {
    return new SmoothGrad(aggregation, noiseLevel, samples, seed, internalBatch, p);
  }

  @Override
  public Explainer prepare(Graph graph) {
    ReversePass.Bound bound = pass.bind(graph);
    return Explainer.of(graph, this, (x, t) -> {
      Trace trace = bound.graph().forward(x);
      String in = bound.graph().inputs().get(0).name();
      Tensor relevance = aggregate(bound, trace, x, t, in);
      return new Attribution(bound.graph(), relevance, trace.output(),
          v -> v.equals(in) ? relevance : aggregate(bound, trace, x, t, v));
    });
  }

  /** The aggregated signals of the noisy copies at value {@code at}, or null if none reaches it. */
  private Tensor aggregate(ReversePass.Bound bound, Trace trace, Tensor input, Target target, String at) {
    int n = input.shape().dim(0);
    int per = input.size() / n;
    float[] x = INTERNALS.array(input);
    float[] sigma = new float[n];
    for (int s = 0; s < n; s++) {
      Tensor sample = input.slice0(s, s + 1);
      sigma[s] = (float) (noiseLevel * (sample.max() - sample.min()));
    }
    long[] copySeeds = new SplittableRandom(seed).longs(samples - 1).toArray();
    int noisy = (samples - 1) * n;
    PointBatches.Points points = (from, to) -> {
      float[] rows = new float[(to - from) * per];
      for (int r = from; r < to; r++) {
        int src = (r % n) * per;
        int dst = (r - from) * per;
        SplittableRandom copyNoise = r < noisy ? new SplittableRandom(copySeeds[r / n]) : null;
        for (int j = 0; j < per; j++) {
          float eps = copyNoise == null ? 0f : (float) (copyNoise.nextGaussian() * sigma[r % n]);
          rows[dst + j] = x[src + j] + eps;
        }
      }
      return INTERNALS.adopt(input.shape().withDim(0, to - from), rows);
    };
    Tensor atInput = trace.get(at);
    int atPer = atInput.size() / n;
    double[] sum = new double[atInput.size()];
    double[] sumSquares = new double[atInput.size()];
    boolean reached = PointBatches.signals(bound, samples * n, points, target.value(bound.graph()),
        target.seed(trace), internalBatch.passes(samples * n, trace, true), at, (from, chunk) -> {
          float[] g = INTERNALS.array(chunk);
          for (int r = from; r < from + chunk.shape().dim(0); r++) {
            int dst = (r % n) * atPer;
            int src = (r - from) * atPer;
            for (int j = 0; j < atPer; j++) {
              sum[dst + j] += g[src + j];
              sumSquares[dst + j] += (double) g[src + j] * g[src + j];
            }
          }
        });
    if (!reached) {
      return null;
    }
    float[] out = new float[sum.length];
    for (int i = 0; i < out.length; i++) {
      double mean = sum[i] / samples;
      double meanSquare = sumSquares[i] / samples;
      out[i] = (float) switch (aggregation) {
        case SMOOTHGRAD -> mean;
        case SMOOTHGRAD_SQUARED -> meanSquare;
        case VARGRAD -> meanSquare - mean * mean;
      };
    }
    return INTERNALS.adopt(atInput.shape(), out);
  }
}
