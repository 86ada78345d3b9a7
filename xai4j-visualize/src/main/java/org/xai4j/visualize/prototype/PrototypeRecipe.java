package org.xai4j.visualize.prototype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.visualize.density.DensityFitter;

/**
 * Everything {@link PrototypeRunner} needs besides the models and the data: the shared ascent
 * settings and each method's weight. The defaults are the settings the tests, the demo and the
 * benchmark use (docs/activation-maximization.md gives the measurements behind them).
 *
 * @param settings score, input range, optimizer, steps and seed
 * @param start where pixel-space and code-space ascent starts
 * @param l2Weight lambda of the L2 method (default {@link #DEFAULT_L2_WEIGHT})
 * @param expertWeight weight of the expert's log-density (default {@link #DEFAULT_EXPERT_WEIGHT})
 * @param codePenalty lambda of the code-space penalty (default {@link #DEFAULT_CODE_PENALTY})
 * @param codePriorFromData whether the code prior is fitted to the codes of training images
 *     ({@link CodePrior#ofData}, the default, right for a plain autoencoder's decoder) or is N(0, I)
 *     (right for a GAN generator or a VAE decoder)
 * @param fitter how experts are fitted
 * @param fitSamples how many training images experts are fitted on (default {@link #DEFAULT_FIT_SAMPLES})
 * @param priorSamples how many training images the code prior is fitted on (default {@link #DEFAULT_PRIOR_SAMPLES})
 */
public record PrototypeRecipe(PrototypeSettings settings, StartPoint start, double l2Weight, double expertWeight,
    double codePenalty, boolean codePriorFromData, DensityFitter fitter, int fitSamples, int priorSamples) {
  /** Default lambda of plain AM. */
  public static final double DEFAULT_L2_WEIGHT = 0.01;
  /** Default weight of the expert's log-density. */
  public static final double DEFAULT_EXPERT_WEIGHT = 0.01;
  /** Default lambda of the code penalty (with the data-fitted prior). */
  public static final double DEFAULT_CODE_PENALTY = 0.05;
  /** Default number of training images experts are fitted on: enough for a 784-d mixture in seconds. */
  public static final int DEFAULT_FIT_SAMPLES = 2000;
  /** Default number of training images the code prior is fitted on. */
  public static final int DEFAULT_PRIOR_SAMPLES = 500;

  /** Validates the weights and counts. */
  public PrototypeRecipe {
    if (settings == null || start == null || fitter == null) {
      throw new IllegalArgumentException("settings, start point and fitter are required");
    }
    if (!(l2Weight >= 0) || !(expertWeight > 0) || !(codePenalty >= 0)
        || Double.isInfinite(l2Weight + expertWeight + codePenalty)) {
      throw new IllegalArgumentException("weights must be finite, the L2 weight and code penalty >= 0 and the expert "
          + "weight > 0, got " + l2Weight + ", " + expertWeight + ", " + codePenalty);
    }
    if (fitSamples < 2 || priorSamples < 1) {
      throw new IllegalArgumentException("experts need at least 2 fitting samples and the code prior 1, got "
          + fitSamples + " and " + priorSamples);
    }
  }

  /** Every default. */
  public static PrototypeRecipe defaults() {
    return new PrototypeRecipe(PrototypeSettings.defaults(), StartPoint.MEAN, DEFAULT_L2_WEIGHT, DEFAULT_EXPERT_WEIGHT,
        DEFAULT_CODE_PENALTY, true, DensityFitter.defaults(), DEFAULT_FIT_SAMPLES, DEFAULT_PRIOR_SAMPLES);
  }

  /** The settings as a JSON-ready map (for {@code GRID.json}), seeds included. */
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("score", settings.score().id());
    m.put("range", List.of(settings.pixels().low(), settings.pixels().high()));
    m.put("parameterization", "sigmoid");
    m.put("optimizer", settings.ascent().optimizer().toString());
    m.put("steps", settings.ascent().steps());
    m.put("seed", settings.ascent().seed());
    m.put("start", start.id());
    m.put("l2Weight", l2Weight);
    m.put("expertWeight", expertWeight);
    m.put("codePenalty", codePenalty);
    m.put("codePrior", codePriorFromData ? "data" : "standard-normal");
    m.put("fitSamples", fitSamples);
    m.put("priorSamples", priorSamples);
    m.put("mixture", fitter.mixture().toString());
    m.put("rbm", fitter.rbm().toString());
    m.put("ais", fitter.ais().toString());
    return m;
  }

  /** This recipe with other ascent settings. */
  public PrototypeRecipe withSettings(PrototypeSettings s) {
    return new PrototypeRecipe(s, start, l2Weight, expertWeight, codePenalty, codePriorFromData, fitter, fitSamples,
        priorSamples);
  }

  /** This recipe with another start point. */
  public PrototypeRecipe withStart(StartPoint s) {
    return new PrototypeRecipe(settings, s, l2Weight, expertWeight, codePenalty, codePriorFromData, fitter, fitSamples,
        priorSamples);
  }

  /** This recipe with other weights. */
  public PrototypeRecipe withWeights(double l2, double expert, double code) {
    return new PrototypeRecipe(settings, start, l2, expert, code, codePriorFromData, fitter, fitSamples, priorSamples);
  }

  /** This recipe with the code prior fitted on data or N(0, I). */
  public PrototypeRecipe withCodePriorFromData(boolean fromData) {
    return new PrototypeRecipe(settings, start, l2Weight, expertWeight, codePenalty, fromData, fitter, fitSamples,
        priorSamples);
  }

  /** This recipe with another expert fitter. */
  public PrototypeRecipe withFitter(DensityFitter f) {
    return new PrototypeRecipe(settings, start, l2Weight, expertWeight, codePenalty, codePriorFromData, f, fitSamples,
        priorSamples);
  }

  /** This recipe fitting experts and the code prior on other numbers of training images. */
  public PrototypeRecipe withSamples(int fit, int prior) {
    return new PrototypeRecipe(settings, start, l2Weight, expertWeight, codePenalty, codePriorFromData, fitter, fit,
        prior);
  }
}
