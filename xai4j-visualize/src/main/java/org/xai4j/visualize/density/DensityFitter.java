package org.xai4j.visualize.density;

import java.util.Arrays;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.Progress;
import org.xai4j.train.TrainingListener;

/**
 * Fits any {@link DensityKind} to a batch of images and measures it: the one entry point of the
 * command line and the benchmarks. The images may have any shape {@code [N, ...]}; the density is
 * over one sample's values. After fitting, the mean log-density of the training and held-out
 * samples is measured (for the RBM with the partition function estimated by
 * {@link AnnealedImportanceSampling}, whose standard error the record gives).
 *
 * @param mixture settings of {@link ExpectationMaximization}
 * @param rbm settings of {@link ContrastiveDivergence}
 * @param ais settings of the RBM's partition-function estimate
 * @param arithmetic the precision of the large products (default {@link Arithmetic#FLOAT32})
 */
public record DensityFitter(MixtureSettings mixture, RbmSettings rbm, AisSettings ais, Arithmetic arithmetic) {
  /** Validates that every setting is given. */
  public DensityFitter {
    if (mixture == null || rbm == null || ais == null || arithmetic == null) {
      throw new IllegalArgumentException("every density-fitting setting is required");
    }
  }

  /** Every default. */
  public static DensityFitter defaults() {
    return new DensityFitter(MixtureSettings.defaults(), RbmSettings.defaults(), AisSettings.defaults(),
        Arithmetic.FLOAT32);
  }

  /** These settings with another mixture setting. */
  public DensityFitter withMixture(MixtureSettings m) {
    return new DensityFitter(m, rbm, ais, arithmetic);
  }

  /** These settings with another RBM setting. */
  public DensityFitter withRbm(RbmSettings r) {
    return new DensityFitter(mixture, r, ais, arithmetic);
  }

  /** These settings with another AIS setting. */
  public DensityFitter withAis(AisSettings a) {
    return new DensityFitter(mixture, rbm, a, arithmetic);
  }

  /**
   * Fits a density of this kind.
   *
   * @param train the samples {@code [N, ...]} to fit on
   * @param heldOut samples of the same shape to measure the held-out log-likelihood on, or null
   * @param data names the data for the record
   * @param listener told about the fit's progress (for EM and CD; the Gaussian is one step)
   * @throws IllegalArgumentException if the held-out samples have another shape, or the fit fails
   *     (naming why)
   */
  public FittedDensity fit(DensityKind kind, Tensor train, Tensor heldOut, String data, TrainingListener listener) {
    Shape sampleShape = sampleShape(train);
    if (heldOut != null && !sampleShape(heldOut).equals(sampleShape)) {
      throw new IllegalArgumentException("held-out samples of shape " + heldOut.shape() + " do not match the "
          + "training samples of shape " + train.shape());
    }
    long start = System.nanoTime();
    int n = train.shape().dim(0);
    double[] x = Rows.of(train);
    Result r = switch (kind) {
      case GAUSSIAN -> gaussian(sampleShape, x, n, listener);
      case MIXTURE -> mixture(sampleShape, x, n, listener);
      case RBM -> rbm(sampleShape, x, n, listener);
    };
    Density density = r.density;
    double trainLl = mean(density.logDensity(x, n, null, arithmetic));
    double heldOutLl = heldOut == null ? Double.NaN
        : mean(density.logDensity(Rows.of(heldOut), heldOut.shape().dim(0), null, arithmetic));
    double seconds = (System.nanoTime() - start) / 1e9;
    return new FittedDensity(density, new FitRecord(data, n, heldOut == null ? 0 : heldOut.shape().dim(0), trainLl,
        heldOutLl, r.standardError, seconds, r.settings));
  }

  private record Result(Density density, String settings, double standardError) {}

  private Result gaussian(Shape sampleShape, double[] x, int n, TrainingListener listener) {
    listener.started(1, 1);
    try {
      LedoitWolf.Fit fit = LedoitWolf.fit(sampleShape, x, n, arithmetic);
      listener.stepped(new Progress(1, 1, 1, 1, Double.NaN, Double.NaN));
      return new Result(fit.gaussian(), "LedoitWolf[shrinkage=" + fit.shrinkage() + "]", 0);
    } finally {
      listener.finished();
    }
  }

  private Result mixture(Shape sampleShape, double[] x, int n, TrainingListener listener) {
    ExpectationMaximization.Fit fit = ExpectationMaximization.fit(sampleShape, x, n, mixture, arithmetic, listener);
    return new Result(fit.mixture(), mixture + ", iterations " + fit.iterations()
        + (fit.converged() ? " (converged)" : ""), 0);
  }

  private Result rbm(Shape sampleShape, double[] x, int n, TrainingListener listener) {
    ContrastiveDivergence.Fit fit = ContrastiveDivergence.fit(sampleShape, x, n, rbm, arithmetic, listener);
    AnnealedImportanceSampling.Estimate logZ = AnnealedImportanceSampling.logPartition(fit.rbm(), ais, arithmetic);
    double[] errors = fit.reconstructionErrors();
    return new Result(fit.rbm().withLogPartition(logZ.logPartition()), rbm + ", " + ais + ", reconstruction error "
        + errors[0] + " -> " + errors[errors.length - 1], logZ.standardError());
  }

  private static Shape sampleShape(Tensor batch) {
    if (batch.rank() < 2 || batch.shape().dim(0) < 1) {
      throw new IllegalArgumentException("a density is fitted on a batch [N, ...] of at least one sample, got shape "
          + batch.shape());
    }
    int[] dims = batch.shape().toArray();
    return Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).sum() / v.length;
  }
}
