package org.xai4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Occlusion;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.image.ColorMap;
import org.xai4j.explain.image.Heatmaps;
import org.xai4j.explain.image.Scaling;
import org.xai4j.explain.lrp.BoxBound;
import org.xai4j.explain.lrp.LrpAttributor;
import org.xai4j.explain.lrp.LrpResult;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.explain.lrp.composite.StructuralRules;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j explain}: explains one model decision with a gradient-family, occlusion or LRP
 * method ({@code --method lrp --composite NAME [--no-canonize] [--attention cp-lrp] [--low L --high H]
 * [--per-layer S.json]}) and writes the
 * relevance as {@code .npy} (float32) or a heatmap {@code .png}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain a model decision: xai4j explain --model M --input X|--data SET --method NAME --out OUT.",
    footerHeading = "%nExamples:%n",
    footer = {"  xai4j explain --model mnist-cnn --data mnist --index 3 \\",
        "      --method integrated-gradients --out ig.png",
        "  xai4j explain --model mnist-cnn --data mnist --index 3 \\",
        "      --method lrp --composite epsilon-plus-flat --out lrp.png"})
final class ExplainCommand implements Callable<Integer> {
  private static final String NPY = ".npy";
  private static final String PNG = ".png";
  private static final int IMAGE_RANK = 4;
  private static final int OCCLUSION_PATCH = 8;
  static final String LRP_PREFIX = "lrp:";

  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin InputOptions input;

  @Mixin ThreadsOption threads;

  @Option(names = "--method", required = true, description = "One of: ${COMPLETION-CANDIDATES}.",
      completionCandidates = MethodNames.class)
  String method;

  @Option(names = "--target", split = ",", paramLabel = "K",
      description = "Output index to explain, one for all samples or one per sample (default: each sample's argmax).")
  int[] target;

  @Option(names = "--layer", description = "Node for grad-cam.")
  String layer;

  @Option(names = "--out", required = true, description = "Output: .npy (relevance) or .png (heatmap).")
  Path out;

  @Option(names = "--steps", description = "integrated-gradients: steps (default: ${DEFAULT-VALUE}).")
  int steps = IntegratedGradients.DEFAULT_STEPS;

  @Option(names = "--samples", description = "smoothgrad: samples (default: ${DEFAULT-VALUE}).")
  int samples = SmoothGrad.DEFAULT_SAMPLES;

  @Option(names = "--noise-level", description = "smoothgrad: noise std / input range (default: ${DEFAULT-VALUE}).")
  double noiseLevel = SmoothGrad.DEFAULT_NOISE_LEVEL;

  @Option(names = "--seed", description = "smoothgrad: noise seed (default: ${DEFAULT-VALUE}).")
  long seed = SmoothGrad.DEFAULT_SEED;

  @Option(names = "--window", split = ",", description = "occlusion: window per non-batch axis "
      + "(default: all channels x 8 x 8 for images).")
  int[] window;

  @Option(names = "--stride", split = ",", description = "occlusion: strides (default: the window).")
  int[] stride;

  @Option(names = "--cmap", description = "PNG colour map (default: ${DEFAULT-VALUE}).")
  String cmap = "bwr";

  @Option(names = "--min-max", description = "PNG: min-max scaling instead of symmetric.")
  boolean minMax;

  @Option(names = "--overlay", paramLabel = "ALPHA",
      description = "PNG: blend the heatmap over the (preprocessed) image input with this weight in [0, 1].")
  Double overlay;

  @Option(names = "--relu", description = "grad-cam: clip negative values (pytorch-grad-cam).")
  boolean relu;

  @Option(names = "--upsample", description = "grad-cam: resize the map bilinearly to the input size.")
  boolean upsample;

  @Option(names = "--composite", paramLabel = "NAME",
      description = "lrp: one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = CompositeNames.class)
  String composite = "epsilon-plus-flat";

  @Option(names = "--canonize", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "lrp: merge batch norms into the layers before them, residual additions as sums (default; "
          + "--no-canonize explains the graph as it is).")
  boolean canonize = true;

  @Option(names = "--attention", paramLabel = "RULE", description = "lrp: softmax attention by attn-lrp (AttnLRP, "
      + "default) or cp-lrp (attention weights held constant).")
  String attention = "attn-lrp";

  @Option(names = "--zennit-merged-bias", description = "lrp (canonized): a bias that merging a batch norm gave a "
      + "bias-free layer enters every rule term unmodified, as in Zennit master 6b0bbdf (reproduces its results).")
  boolean zennitMergedBias;

  @Option(names = "--low", description = "lrp: lowest input value (zB rule; with --high).")
  Float low;

  @Option(names = "--high", description = "lrp: highest input value (zB rule; with --low).")
  Float high;

  @Option(names = "--per-layer", paramLabel = "S.json", description = "lrp: write relevance sums per layer as JSON.")
  Path perLayer;

  @Option(names = "--one-hot", description = "lrp: start from 1 at the target instead of the target logit.")
  boolean oneHot;

  @Option(names = "--rules", description = "lrp: print the rule every node gets.")
  boolean rules;

  /** The composite names, for help and completion. */
  static final class CompositeNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    CompositeNames() {
      super(Composites.NAMES);
    }
  }

  /** CLI method names to their attributors, configured from the command's options and the input. */
  private static final Map<String, BiFunction<ExplainCommand, Tensor, Attributor>> METHODS = methods();

  private static Map<String, BiFunction<ExplainCommand, Tensor, Attributor>> methods() {
    Map<String, BiFunction<ExplainCommand, Tensor, Attributor>> m = new LinkedHashMap<>();
    m.put("gradient", (c, x) -> Gradient.plain());
    m.put("sensitivity", (c, x) -> new Sensitivity());
    m.put("gradient-x-input", (c, x) -> GradientTimesInput.plain());
    m.put("integrated-gradients", (c, x) -> IntegratedGradients.defaults().withSteps(c.steps));
    m.put("smoothgrad", (c, x) -> SmoothGrad.defaults().withSamples(c.samples).withNoiseLevel(c.noiseLevel)
        .withSeed(c.seed));
    m.put("deconvnet", (c, x) -> Gradient.deconvnet());
    m.put("guided-backprop", (c, x) -> Gradient.guidedBackprop());
    m.put("grad-cam", (c, x) -> GradCam.of(c.requireLayer()).withRelu(c.relu).withUpsampling(c.upsample));
    m.put("occlusion", ExplainCommand::occlusion);
    m.put("lrp", (c, x) -> c.lrp());
    return Collections.unmodifiableMap(m);
  }

  /** The method names, for help and completion. */
  static final class MethodNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    MethodNames() {
      super(METHODS.keySet());
    }
  }

  /**
   * The attributor a method name of {@code xai4j explain} stands for, configured with the
   * command's defaults; {@code xai4j evaluate} uses it, so both commands share one registry.
   * {@code lrp:NAME} is the method {@code lrp} with {@code --composite NAME}.
   *
   * @throws IllegalArgumentException listing the names if {@code name} is unknown
   */
  static Attributor attributor(String name, Tensor input) {
    return attributor(name, input, null, false, null, null);
  }

  /**
   * Like {@link #attributor(String, Tensor)}, with {@code --layer} and {@code --upsample} (grad-cam) and
   * {@code --low}/{@code --high} (the LRP input bounds of the zB rule); {@code null} keeps the command's default.
   *
   * @throws IllegalArgumentException listing the names if {@code name} is unknown
   */
  static Attributor attributor(String name, Tensor input, String layer, boolean upsample, Float low, Float high) {
    ExplainCommand defaults = new ExplainCommand();
    defaults.layer = layer;
    defaults.upsample = upsample;
    defaults.low = low;
    defaults.high = high;
    String base = name;
    if (name.startsWith(LRP_PREFIX)) {
      base = "lrp";
      defaults.composite = name.substring(LRP_PREFIX.length());
    }
    BiFunction<ExplainCommand, Tensor, Attributor> factory = METHODS.get(base);
    if (factory == null) {
      throw new IllegalArgumentException("unknown method '" + name + "'; choose one of " + METHODS.keySet()
          + " (lrp:COMPOSITE for an LRP composite)");
    }
    return factory.apply(defaults, input);
  }

  private String requireLayer() {
    if (layer == null) {
      throw new IllegalArgumentException("grad-cam needs --layer NODE");
    }
    return layer;
  }

  /** LRP with the per-layer sums written to {@code --per-layer}. */
  private Attribution explainLayers(Graph graph, Tensor x, Target t) throws IOException {
    if (!method.equals("lrp")) {
      throw new IllegalArgumentException("--per-layer needs --method lrp, got " + method);
    }
    LrpResult r = lrp(graph).explainLayers(graph, x, t);
    ConservationJson.write(perLayer, r.conservation(), targets(r.output()));
    return new Attribution(r.relevance(), r.output());
  }

  /** The explained output index of each sample: {@code --target}, else each sample's argmax. */
  private int[] targets(Tensor output) {
    int[] targets = Target.Argmax.argmaxPerSample(output);
    if (target != null) {
      for (int n = 0; n < targets.length; n++) {
        targets[n] = target[target.length == 1 ? 0 : n];
      }
    }
    return targets;
  }

  private LrpAttributor lrp() {
    return lrp(null);
  }

  /** The LRP attributor of the options; with {@code --attention cp-lrp} for {@code graph}'s attention. */
  private LrpAttributor lrp(Graph graph) {
    Composite c = Composites.byName(composite,
        low == null ? null : BoxBound.scalar(low), high == null ? null : BoxBound.scalar(high));
    switch (attention) {
      case "attn-lrp" -> { }
      case "cp-lrp" -> c = graph == null ? c : c.prepend(StructuralRules.cpLrp(graph));
      default -> throw new IllegalArgumentException("unknown --attention '" + attention + "'; choose attn-lrp or cp-lrp");
    }
    LrpAttributor a = LrpAttributor.of(c);
    a = oneHot ? a.withOneHot() : a;
    if (zennitMergedBias && !canonize) {
      throw new IllegalArgumentException("--zennit-merged-bias needs the canonized graph (drop --no-canonize)");
    }
    a = zennitMergedBias ? a.withUnmodifiedMergedBias() : a;
    return canonize ? a.withCanonizer(Canonizers.standard()) : a;
  }

  private static Attributor occlusion(ExplainCommand c, Tensor x) {
    int[] w = c.window;
    if (w == null) {
      Shape s = x.shape();
      if (s.rank() != IMAGE_RANK) {
        throw new IllegalArgumentException("occlusion on input " + s + " needs --window");
      }
      w = new int[] {s.dim(1), Math.min(OCCLUSION_PATCH, s.dim(2)), Math.min(OCCLUSION_PATCH, s.dim(3))};
    }
    return Occlusion.of(w).withStrides(c.stride == null ? w : c.stride);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      BiFunction<ExplainCommand, Tensor, Attributor> factory = METHODS.get(method);
      if (factory == null) {
        throw new IllegalArgumentException("unknown method '" + method + "'; choose one of " + METHODS.keySet());
      }
      String name = out.toString();
      if (!name.endsWith(NPY) && !name.endsWith(PNG)) {
        throw new IllegalArgumentException("--out must end with .npy or .png, got " + out);
      }
      model.check();
      input.check();
      ColorMap colors = ColorMap.named(cmap);
      Graph graph = model.load();
      InputOptions.Loaded loaded = input.read(graph, spec.commandLine().getOut());
      Tensor x = loaded.tensor();
      Target t = target == null ? Target.argmax() : Target.classes(target);
      boolean isLrp = method.equals("lrp");
      Attribution a = perLayer != null ? explainLayers(graph, x, t)
          : isLrp ? lrp(graph).explain(graph, x, t) : factory.apply(this, x).explain(graph, x, t);
      PrintWriter pw = spec.commandLine().getOut();
      if (rules) {
        if (!isLrp) {
          throw new IllegalArgumentException("--rules needs --method lrp, got " + method);
        }
        pw.print(lrp(graph).rules(graph));
      }
      pw.printf("model:  %s%ninput:  %s %s%nmethod: %s%n", model.name(), loaded.source(), x.shape(), method);
      printTargets(pw, a, isLrp);
      write(a, x, colors);
      pw.printf("wrote:  %s %s%n", out, a.relevance().shape());
      pw.flush();
      return 0;
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      err.println(e.getMessage());
      err.flush();
      return 1;
    }
  }

  /**
   * One line per sample: its target and logit, and for LRP the conservation, the relevance sum
   * over the seed (the target logit, or 1 with {@code --one-hot}).
   */
  private void printTargets(PrintWriter pw, Attribution a, boolean isLrp) {
    int[] chosen = targets(a.output());
    int classes = a.output().shape().dim(1);
    for (int n = 0; n < chosen.length; n++) {
      float logit = a.output().getFlat(n * classes + chosen[n]);
      String sample = chosen.length == 1 ? "" : "[" + n + "]";
      pw.printf("target%s: %d (logit %.6g)", sample, chosen[n], logit);
      if (isLrp) {
        double sum = a.relevance().slice0(n, n + 1).sum();
        pw.printf(", relevance sum %.6g, conservation %.4f", sum, sum / (oneHot ? 1 : logit));
      }
      pw.println();
    }
  }

  private void write(Attribution a, Tensor x, ColorMap colors) throws IOException {
    if (out.toString().endsWith(NPY)) {
      Npy.write(out, a.relevance());
      return;
    }
    BufferedImage heat = Heatmaps.render(Heatmaps.map(a, 0), colors, minMax ? Scaling.MIN_MAX
        : Scaling.SYMMETRIC, Heatmaps.DEFAULT_LEVEL);
    if (overlay != null) {
      if (x.rank() != IMAGE_RANK) {
        throw new IllegalArgumentException("--overlay needs an image input [N, C, H, W], got " + x.shape());
      }
      Tensor first = x.slice0(0, 1);
      heat = Heatmaps.overlay(heat, Heatmaps.image(first.reshape(first.shape().dim(1), first.shape().dim(2),
          first.shape().dim(3))), overlay);
    }
    Heatmaps.writePng(heat, out);
  }
}
