package org.xai4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Methods;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradientMethod;
import org.xai4j.explain.image.ColorMap;
import org.xai4j.explain.image.Heatmaps;
import org.xai4j.explain.image.Scaling;
import org.xai4j.explain.lrp.ConservationReport;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j explain}: explains one model decision with a method of the registry ({@link Methods}:
 * {@code --method lrp:NAME [--no-canonize] [--attention cp-lrp] [--low L --high H]},
 * {@code --method grad-cam:NODE}, ...; method options from {@link MethodFlags}) and writes the relevance
 * as {@code .npy} (float32) or a heatmap {@code .png}; {@code --per-layer S.json} writes the relevance
 * sums of every layer.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain a model decision: xai4j explain --model M --input X|--data SET --method NAME --out OUT.",
    footerHeading = "%nExamples:%n",
    footer = {"  xai4j explain --model mnist-cnn --data mnist --index 3 \\",
        "      --method integrated-gradients --out ig.png",
        "  xai4j explain --model mnist-cnn --data mnist --index 3 \\",
        "      --method lrp:epsilon-plus-flat --out lrp.png"})
final class ExplainCommand implements Callable<Integer> {
  private static final String NPY = ".npy";
  private static final String PNG = ".png";
  private static final int IMAGE_RANK = 4;

  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin InputOptions input;

  @Mixin ThreadsOption threads;

  @Mixin OutputOptions outputs;

  @Mixin NumericOptions numerics;

  @Option(names = "--method", required = true, description = "One of: ${COMPLETION-CANDIDATES} "
      + "(lrp:COMPOSITE, grad-cam:LAYER).", completionCandidates = MethodFlags.MethodNames.class)
  String method;

  @Option(names = "--target", split = ",", paramLabel = "K",
      description = "Output index to explain, one for all samples or one per sample (default: each sample's argmax).")
  int[] target;

  @Option(names = "--out", required = true, description = "Output: .npy (relevance) or .png (heatmap).")
  Path out;

  @Option(names = "--cmap", description = "PNG colour map (default: ${DEFAULT-VALUE}).")
  String cmap = "bwr";

  @Option(names = "--min-max", description = "PNG: min-max scaling instead of symmetric.")
  boolean minMax;

  @Option(names = "--overlay", paramLabel = "ALPHA",
      description = "PNG: blend the heatmap over the (preprocessed) image input with this weight in [0, 1].")
  Double overlay;

  @Option(names = "--per-layer", paramLabel = "S.json",
      description = "Write the relevance sums per layer (value reached) and their ratio to the seed as JSON.")
  Path perLayer;

  @Option(names = "--rules", description = "With an LRP composite: print the rule every node gets.")
  boolean rules;

  @Mixin MethodFlags methodFlags = new MethodFlags();

  @Override
  public Integer call() throws IOException {
    String name = out.toString();
    if (!name.endsWith(NPY) && !name.endsWith(PNG)) {
      throw new IllegalArgumentException("--out must end with .npy or .png, got " + out);
    }
    model.check();
    input.check();
    outputs.checkFile("--out", out, OutputOptions.inputs("--model", model.file(), "--input", input.file()));
    if (perLayer != null) {
      outputs.checkFile("--per-layer", perLayer, OutputOptions.inputs("--model", model.file(), "--input",
          input.file(), "--out", out));
    }
    ColorMap colors = ColorMap.named(cmap);
    Graph graph = model.load();
    InputOptions.Loaded loaded = input.read(graph, spec.commandLine().getOut());
    Tensor x = loaded.tensor();
    PrintWriter err = spec.commandLine().getErr();
    numerics.checkInput(input.describe(), x, err);
    Attributor attributor = Methods.attributor(method, methodFlags.options(), x.shape());
    Target t = target == null ? Target.argmax() : Target.classes(target);
    PrintWriter pw = spec.commandLine().getOut();
    if (rules) {
      pw.print(lrpRules(attributor).table(graph));
    }
    Attribution a = attributor.prepare(graph).explain(x, t);
    numerics.checkResult("the relevance of " + method, a.relevance(), graph, Map.of(graph.inputs().get(0).name(), x),
        err);
    byte[] perLayerJson = perLayer == null ? null : explainLayers(a, t);
    pw.printf("model:  %s%ninput:  %s %s%nmethod: %s%n", model.name(), loaded.source(), x.shape(), method);
    printTargets(pw, a, attributor);
    byte[] main = encode(a, x, colors);
    try (AtomicFiles.Group files = AtomicFiles.group(outputs.existing())) {
      files.add(out, o -> o.write(main));
      if (perLayerJson != null) {
        files.add(perLayer, o -> o.write(perLayerJson));
      }
      files.commit();
    }
    pw.printf("wrote:  %s %s%n", out, a.relevance().shape());
    pw.flush();
    return Failures.OK;
  }

  /** The per-layer relevance sums of {@code a} as the JSON of {@code --per-layer} (written with {@code --out}). */
  private byte[] explainLayers(Attribution a, Target t) throws IOException {
    return ConservationJson.bytes(ConservationReport.of(a, t), targets(a.output()));
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

  /** The LRP rules of the method, for {@code --rules}. */
  private LrpRules lrpRules(Attributor a) {
    if (a instanceof GradientMethod<?> g && g.pass().overrides() instanceof LrpRules r) {
      return r;
    }
    throw new IllegalArgumentException("--rules needs an LRP composite (lrp:NAME or --composite), got " + method);
  }

  /**
   * One line per sample: its target and logit, and for a method with LRP rules the conservation,
   * the relevance sum over the seed (the target logit, or 1 with {@code --no-seed-times-output}).
   */
  private void printTargets(PrintWriter pw, Attribution a, Attributor method) {
    int[] chosen = targets(a.output());
    int classes = a.output().shape().dim(1);
    boolean isLrp = method instanceof GradientMethod<?> g && g.pass().overrides() instanceof LrpRules;
    boolean timesOutput = method instanceof GradientMethod<?> g && g.pass().seedTimesOutput();
    for (int n = 0; n < chosen.length; n++) {
      float logit = a.output().getFlat(n * classes + chosen[n]);
      String sample = chosen.length == 1 ? "" : "[" + n + "]";
      pw.printf("target%s: %d (logit %.6g)", sample, chosen[n], logit);
      if (isLrp) {
        double sum = a.relevance().slice0(n, n + 1).sum();
        pw.printf(", relevance sum %.6g, conservation %.4f", sum, sum / (timesOutput ? logit : 1));
      }
      pw.println();
    }
  }

  /** The bytes of {@code --out}: the relevance as {@code .npy} or its heatmap as PNG. */
  private byte[] encode(Attribution a, Tensor x, ColorMap colors) {
    if (out.toString().endsWith(NPY)) {
      return Npy.encode(a.relevance());
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
    return Heatmaps.png(heat);
  }
}
