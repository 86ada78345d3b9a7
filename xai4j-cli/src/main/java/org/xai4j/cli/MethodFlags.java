package org.xai4j.cli;

import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.Methods;
import org.xai4j.explain.lrp.composite.Composites;
import picocli.CommandLine.Option;

/**
 * The options of the attribution methods ({@link MethodOptions}) as command-line flags, shared by
 * every command that takes methods ({@code explain}, {@code evaluate}; {@code spark-explain} takes
 * {@code --gradient-where-uncovered}). A flag left out keeps the
 * method's default; a flag given to a method it does not apply to is an error
 * ({@link Methods#attributor}). Public so that {@code xai4j spark-explain} declares the same flags.
 */
public final class MethodFlags {
  @Option(names = "--integration-steps", paramLabel = "N", description = "integrated-gradients: steps (default: "
      + org.xai4j.explain.attribution.IntegratedGradients.DEFAULT_STEPS + ").")
  Integer integrationSteps;

  @Option(names = "--noise-samples", paramLabel = "N", description = "smoothgrad: noisy copies (default: "
      + org.xai4j.explain.attribution.SmoothGrad.DEFAULT_SAMPLES + ").")
  Integer noiseSamples;

  @Option(names = "--noise-level", description = "smoothgrad: noise std / input range (default: "
      + org.xai4j.explain.attribution.SmoothGrad.DEFAULT_NOISE_LEVEL + ").")
  Double noiseLevel;

  @Option(names = "--noise-seed", description = "smoothgrad: noise seed (default: "
      + org.xai4j.explain.attribution.SmoothGrad.DEFAULT_SEED + ").")
  Long noiseSeed;

  @Option(names = "--window", split = ",", description = "occlusion: window per non-batch axis "
      + "(default: all channels x " + Methods.OCCLUSION_PATCH + " x " + Methods.OCCLUSION_PATCH + " for images).")
  int[] window;

  @Option(names = "--stride", split = ",", description = "occlusion: strides (default: the window).")
  int[] stride;

  @Option(names = "--layer", description = "grad-cam: the node (or grad-cam:NODE).")
  String layer;

  @Option(names = "--relu", description = "grad-cam: clip negative values (pytorch-grad-cam).")
  Boolean relu;

  @Option(names = "--upsample", description = "grad-cam: resize the map bilinearly to the input size.")
  Boolean upsample;

  @Option(names = "--composite", paramLabel = "NAME", description = "LRP composite: the rules of lrp (or lrp:NAME; "
      + "default " + Methods.DEFAULT_COMPOSITE + "), or the overrides of any other gradient method (SmoothGrad over "
      + "LRP); one of ${COMPLETION-CANDIDATES}.", completionCandidates = CompositeNames.class)
  String composite;

  @Option(names = "--canonize", negatable = true, description = "with a composite: merge batch norms into the "
      + "layers before them, residual additions as sums (default; --no-canonize explains the graph as it is).")
  Boolean canonize;

  @Option(names = "--attention", paramLabel = "RULE", description = "with a composite: softmax attention by attn-lrp "
      + "(AttnLRP, default) or cp-lrp (attention weights held constant).")
  String attention;

  @Option(names = "--zennit-merged-bias", description = "with a canonized composite: a bias that merging a batch norm gave a "
      + "bias-free layer enters every rule term unmodified, as in Zennit master 6b0bbdf (reproduces its results).")
  Boolean zennitMergedBias;

  @Option(names = "--low", description = "with a composite: lowest input value (zB rule; with --high).")
  Float low;

  @Option(names = "--high", description = "with a composite: highest input value (zB rule; with --low).")
  Float high;

  @Option(names = "--seed-times-output", negatable = true, description = "gradient methods: multiply the target's "
      + "seed by the target value (Zennit's output * one-hot; default: on for lrp, off otherwise).")
  Boolean seedTimesOutput;

  @Option(names = "--gradient-where-uncovered", description = "with a composite: nodes with parameters or constant "
      + "operands that no rule covers keep the plain gradient (default: such a node is an error listing them all).")
  Boolean gradientWhereUncovered;

  @Option(names = "--internal-batch", paramLabel = "N", description = "integrated-gradients, smoothgrad, occlusion: "
      + "points per pass through the model (default: chosen from the memory one point needs).")
  Integer internalBatch;

  /** The composite names, for help and completion. */
  static final class CompositeNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    CompositeNames() {
      super(Composites.NAMES);
    }
  }

  /** The method names, for help and completion. */
  static final class MethodNames extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    MethodNames() {
      super(Methods.NAMES);
    }
  }

  /** The flags given, as method options. */
  public MethodOptions options() {
    return new MethodOptions(integrationSteps, noiseSamples, noiseLevel, noiseSeed, window, stride, layer, relu,
        upsample, composite, canonize, attention, zennitMergedBias, low, high, seedTimesOutput,
        gradientWhereUncovered, internalBatch);
  }
}
