package org.xai4j.visualize.prototype;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.density.DensityKind;
import org.xai4j.visualize.density.FittedDensity;

/**
 * Runs several prototype methods for the same classes on the same classifier and measures them:
 * the one place the command line, the demo and the benchmark share. For each method in order it
 * fits the method's expert unless one was given (on the first {@link PrototypeRecipe#fitSamples}
 * training images, held-out log-likelihood on the held-out images), fits the code prior for the
 * decoder, runs activation maximization for all classes as one batch and measures the prototypes
 * ({@link QualityMeasures} against all training images).
 */
public final class PrototypeRunner {
  private PrototypeRunner() {}

  /**
   * The models and data of a run.
   *
   * @param classifier a graph with one input and its logits as only output
   * @param decoder the decoder for {@link PrototypeMethod#DECODER}
   * @param training training images {@code [N, ...]} in the classifier's input shape: the data mean
   *     (L2 anchor and start), expert fitting, code prior and data distance
   * @param heldOut images for the experts' held-out log-likelihood
   * @param dataName names the data in the fit records
   * @param experts experts given instead of fitted (for example loaded from density files)
   */
  public record Inputs(Graph classifier, Optional<Graph> decoder, Tensor training, Tensor heldOut, String dataName,
      Map<DensityKind, FittedDensity> experts) {
    /** Copies the map. */
    public Inputs {
      experts = Map.copyOf(experts);
    }
  }

  /**
   * Runs the methods.
   *
   * @throws IllegalArgumentException if the decoder method is asked for without a decoder, or the
   *     models, data and experts do not fit together (naming the shapes)
   */
  public static List<MethodResult> run(Inputs in, List<PrototypeMethod> methods, int[] classes, PrototypeRecipe recipe,
      PrototypeProgress progress) {
    if (methods.contains(PrototypeMethod.DECODER) && in.decoder().isEmpty()) {
      throw new IllegalArgumentException("the decoder method needs a decoder (--decoder D.onnx or mnist-decoder)");
    }
    Tensor training = in.training();
    int n = training.shape().dim(0);
    Tensor mean = training.sum(0, false).mul(1f / n);
    QualityMeasures measures = new QualityMeasures(in.classifier(), training);
    PrototypeSettings settings = recipe.settings();
    long seed = settings.ascent().seed();
    SigmoidPixels pixels = settings.pixels();
    Tensor start = recipe.start().image(mean, classes.length, pixels.low(), pixels.high(), seed);
    Map<DensityKind, FittedDensity> experts = new EnumMap<>(DensityKind.class);
    experts.putAll(in.experts());
    List<MethodResult> results = new ArrayList<>();
    int steps = settings.ascent().steps();
    for (PrototypeMethod method : methods) {
      long t0 = System.nanoTime();
      boolean fitted = false;
      Prototypes prototypes;
      String description;
      FittedDensity expert = null;
      if (method.expert().isPresent()) {
        DensityKind kind = method.expert().get();
        if (!experts.containsKey(kind)) {
          FittedDensity f = recipe.fitter().fit(kind, training.slice0(0, Math.min(n, recipe.fitSamples())),
              in.heldOut(), in.dataName(), progress.fitting("fit " + kind.id()));
          experts.put(kind, f);
          fitted = true;
        }
        expert = experts.get(kind);
        Regularizer r = new ExpertRegularizer(expert.density(), recipe.expertWeight());
        description = settings.score().id() + " + " + r.describe();
        prototypes = ActivationMaximization.inPixelSpace(in.classifier(), classes, r, start, settings,
            progress.ascent(method.id(), steps), () -> false);
      } else if (method == PrototypeMethod.L2) {
        Regularizer r = new L2Regularizer(recipe.l2Weight(), mean);
        description = settings.score().id() + " " + r.describe() + " (x0: data mean)";
        prototypes = ActivationMaximization.inPixelSpace(in.classifier(), classes, r, start, settings,
            progress.ascent(method.id(), steps), () -> false);
      } else {
        Graph decoder = in.decoder().get();
        CodePrior prior = recipe.codePriorFromData()
            ? CodePrior.ofData(decoder, training.slice0(0, Math.min(n, recipe.priorSamples())), seed)
            : CodePrior.standardNormal(CodePrior.codeSize(decoder));
        description = String.format(java.util.Locale.ROOT, "%s(g(z)) - %g |(z - mean) / std|^2, code prior %s",
            settings.score().id(), recipe.codePenalty(), recipe.codePriorFromData()
                ? "fitted to the codes of " + Math.min(n, recipe.priorSamples()) + " training images" : "N(0, I)");
        prototypes = ActivationMaximization.inCodeSpace(decoder, in.classifier(), classes, prior, recipe.codePenalty(),
            prior.start(recipe.start(), classes.length, seed), settings, progress.ascent(method.id(), steps),
            () -> false);
      }
      List<PrototypeQuality> quality = measures.measure(prototypes, expert == null ? null : expert.density());
      results.add(new MethodResult(method, description, prototypes, quality, Optional.ofNullable(expert), fitted,
          (System.nanoTime() - t0) / 1e9));
    }
    return results;
  }
}
