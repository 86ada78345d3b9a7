package org.xai4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Methods;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradientMethod;
import org.xai4j.explain.image.Png;
import org.xai4j.explain.lrp.ConservationReport;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.io.Npy;
import org.xai4j.report.image.ColorMap;
import org.xai4j.report.image.Heatmaps;
import org.xai4j.report.image.Scaling;
import org.xai4j.tensor.Shape;
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
 * sums of every layer. Each sample's target, logit and relevance sum (for LRP also the conservation) and the
 * time taken are printed. A batch is explained in one pass: {@code .npy} holds the whole batch
 * {@code [N, ...]}, a {@code .png} of a batch becomes one heatmap per sample, {@code heat-0.png},
 * {@code heat-1.png}, ... (numbered by position in the batch); every file is written atomically, and existing
 * ones are replaced only with {@code --force}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain a model decision: xai4j explain --model M --input X|--data SET --method NAME --out OUT.",
    footerHeading = "%nExamples:%n",
    footer = {"  xai4j explain --model mnist-cnn --data mnist --index 3 \\",
        "      --method integrated-gradients --out ig.png",
        "  xai4j explain --model mnist-cnn --data mnist --index 3 \\",
        "      --method lrp:epsilon-plus-flat --out lrp.png",
        "  xai4j explain --model mnist-cnn --data mnist --index 3,4,5 \\",
        "      --method gradient --out heat.png",
        "      (a batch: one heatmap per sample, heat-0.png, heat-1.png, heat-2.png)"})
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

  @Option(names = "--out", required = true, description = "Output: .npy (relevance of the batch) or .png (heatmap; "
      + "for a batch one per sample: NAME-0.png, NAME-1.png, ...).")
  Path out;

  @Option(names = "--scale", paramLabel = "K", description = "PNG: draw each heatmap pixel as K x K pixels (default: "
      + "the smallest K that makes the longer side at least " + HeatmapFiles.MIN_SIDE + " px; 1 keeps the size).")
  Integer scale;

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
    if (scale != null && scale < 1) {
      throw new IllegalArgumentException("--scale must be at least 1, got " + scale);
    }
    if (!name.endsWith(PNG)) {
      for (String option : List.of("--scale", "--cmap", "--min-max", "--overlay")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new IllegalArgumentException(option + " applies to a .png --out only, got " + out);
        }
      }
    }
    model.check();
    input.check();
    ColorMap colors = ColorMap.named(cmap);
    Graph graph = model.load();
    InputOptions.Loaded loaded = input.read(graph, spec.commandLine().getOut());
    Tensor x = loaded.tensor();
    if (overlay != null && x.rank() != IMAGE_RANK) {
      throw new IllegalArgumentException("--overlay needs an image input [N, C, H, W], got " + x.shape());
    }
    List<Path> files = name.endsWith(PNG) ? HeatmapFiles.perSample(out, x.shape().dim(0)) : List.of(out);
    Map<String, Path> inputs = OutputOptions.inputs("--model", model.file(), "--input", input.file());
    for (Path f : files) {
      outputs.checkFile("--out", f, inputs);
    }
    if (perLayer != null) {
      Map<String, Path> others = new LinkedHashMap<>(inputs);
      files.forEach(f -> others.put("--out", f));
      outputs.checkFile("--per-layer", perLayer, others);
    }
    PrintWriter err = spec.commandLine().getErr();
    numerics.checkInput(input.describe(), x, err);
    Attributor attributor = Methods.attributor(method, methodFlags.options(), x.shape());
    if (overlay != null) {
      LayerResolution.smallerMap(attributor, graph, x).ifPresent(m -> requireTiles(m, x.shape(), attributor));
    }
    Target t = target == null ? Target.argmax() : Target.classes(target);
    PrintWriter pw = spec.commandLine().getOut();
    if (rules) {
      pw.print(lrpRules(attributor).table(graph));
    }
    long start = System.nanoTime();
    Explainer explainer = attributor.prepare(graph);
    long prepared = System.nanoTime();
    Attribution a = explainer.explain(x, t);
    long explained = System.nanoTime();
    numerics.checkResult("the relevance of " + method, a.relevance(), graph, Map.of(graph.inputs().get(0).name(), x),
        err);
    byte[] perLayerJson = perLayer == null ? null : explainLayers(a, t);
    pw.printf("model:  %s%ninput:  %s %s%nmethod: %s%n", model.name(), loaded.source(), x.shape(), method);
    printTargets(pw, a, attributor);
    int n = x.shape().dim(0);
    pw.printf("time:   %.3f s to explain %s%s, %.3f s to prepare the method%n", (explained - prepared) / 1e9,
        n == 1 ? "the sample" : n + " samples in one batch", n == 1 ? ""
            : String.format(" (%.3f s per sample)", (explained - prepared) / 1e9 / n), (prepared - start) / 1e9);
    try (AtomicFiles.Group group = AtomicFiles.group(outputs.existing())) {
      for (int i = 0; i < files.size(); i++) {
        byte[] bytes = encode(a, x, colors, i);
        group.add(files.get(i), o -> o.write(bytes));
      }
      if (perLayerJson != null) {
        group.add(perLayer, o -> o.write(perLayerJson));
      }
      group.commit();
    }
    if (name.endsWith(NPY)) {
      pw.printf("wrote:  %s %s%n", out, a.relevance().shape());
    } else {
      Shape map = Heatmaps.map(a, 0).shape();
      int[] picture = picture(map, x);
      int k = scale(picture);
      pw.printf("wrote:  %s (%dx%d px, %dx%d relevance map%s)%n", files.size() == 1 ? out
          : files.get(0) + " ... " + files.get(files.size() - 1), picture[1] * k, picture[0] * k,
          map.dim(map.rank() - 1), map.dim(map.rank() - 2), files.size() == 1 ? "" : ", one file per sample");
    }
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
   * One line per sample: its target, logit and relevance sum, and for a method with LRP rules the conservation,
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
      double sum = a.relevance().slice0(n, n + 1).sum();
      pw.printf("target%s: %d (logit %.6g), relevance sum %.6g", sample, chosen[n], logit, sum);
      if (isLrp) {
        pw.printf(", conservation %.4f", sum / (timesOutput ? logit : 1));
      }
      pw.println();
    }
  }

  /** The bytes of output file {@code i}: the relevance of the batch as {@code .npy}, or sample i's heatmap PNG. */
  private byte[] encode(Attribution a, Tensor x, ColorMap colors, int i) {
    if (out.toString().endsWith(NPY)) {
      return Npy.encode(a.relevance());
    }
    Tensor map = Heatmaps.map(a, i);
    BufferedImage heat = Heatmaps.render(map, colors, minMax ? Scaling.MIN_MAX : Scaling.SYMMETRIC,
        Heatmaps.DEFAULT_LEVEL);
    if (overlay != null) {
      Tensor one = x.slice0(i, i + 1);
      BufferedImage base = Heatmaps.image(one.reshape(one.shape().dim(1), one.shape().dim(2), one.shape().dim(3)));
      // a map at a layer's resolution tiles the input (checked before the explanation): drawn in whole blocks
      heat = Heatmaps.overlay(Heatmaps.enlarge(heat, base.getWidth() / heat.getWidth()), base, overlay);
    }
    return Png.encode(Heatmaps.enlarge(heat, scale(picture(map.shape(), x))));
  }

  /** The unscaled picture's {@code [height, width]}: the input's with {@code --overlay}, else the map's. */
  private int[] picture(Shape map, Tensor x) {
    return overlay != null ? new int[] {x.shape().dim(2), x.shape().dim(3)}
        : new int[] {map.dim(map.rank() - 2), map.dim(map.rank() - 1)};
  }

  /** The block size of a picture {@code [height, width]}: {@code --scale}, else {@link HeatmapFiles#defaultScale}. */
  private int scale(int[] picture) {
    return scale != null ? scale : HeatmapFiles.defaultScale(picture[0], picture[1]);
  }

  /**
   * Checks that a Grad-CAM map of {@code size} at its layer's resolution tiles the input by whole blocks, so that
   * {@code --overlay} can draw it over the input.
   */
  private void requireTiles(int[] size, Shape input, Attributor a) {
    int h = input.dim(2);
    int w = input.dim(3);
    if (h % size[0] != 0 || w % size[1] != 0 || h / size[0] != w / size[1]) {
      throw new IllegalArgumentException("--overlay: " + LayerResolution.describe(method, a, size) + ", which does "
          + "not tile the " + h + "x" + w + " input by whole blocks; add --upsample to resize it to the input");
    }
  }
}
