package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.Methods;
import org.xai4j.explain.Target;
import org.xai4j.explain.metric.Classes;
import org.xai4j.explain.metric.Continuity;
import org.xai4j.explain.metric.Infidelity;
import org.xai4j.explain.metric.InsertionDeletion;
import org.xai4j.explain.metric.LocalLipschitz;
import org.xai4j.explain.metric.Localization;
import org.xai4j.explain.metric.MaxSensitivity;
import org.xai4j.explain.metric.ModelRandomization;
import org.xai4j.explain.metric.OutputScore;
import org.xai4j.explain.metric.PixelFlipping;
import org.xai4j.explain.metric.Positivity;
import org.xai4j.explain.metric.RegionOrder;
import org.xai4j.explain.metric.Replacement;
import org.xai4j.explain.metric.Robustness;
import org.xai4j.explain.metric.SelectivityComparison;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.io.Npy;
import org.xai4j.models.BundledData;
import org.xai4j.report.html.Table;
import org.xai4j.report.metric.CsvTable;
import org.xai4j.report.metric.Curves;
import org.xai4j.report.metric.JsonReport;
import org.xai4j.report.metric.LinePlot;
import org.xai4j.report.metric.SelectivityFiles;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j evaluate}: measures explanation methods on a data set and writes
 * {@code metrics.json}, one CSV per metric and the pixel-flipping / insertion / deletion plots
 * (PNG and SVG). Methods are named as in {@code xai4j explain}; each sample is explained for its
 * predicted class.
 *
 * <p>{@code --data mnist|shapes|textures} takes a bundled held-out set ({@link BundledData}; the Shapes
 * images come with their object masks), {@code --data DIR} reads
 * {@code DIR/inputs.npy} ({@code [N, ...]}) and, for localization, {@code DIR/masks.npy}
 * ({@code [N, H, W]}). {@code --model} is an ONNX file or the name of a bundled model.
 *
 * <p>Pixel flipping is sized to the input by default ({@link PixelFlipping#sizedTo}: regions small enough that
 * the steps replace the image once, no more); steps that go on after every region is replaced are run as asked,
 * with a warning. A progress bar (standard error, one unit per method and metric) runs while the methods are
 * measured, and every metric's table is printed when they are done.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Measure explanation quality: xai4j evaluate --model M --data SET|DIR --methods A,B "
        + "--metric pixel-flipping[,NAME] --out DIR.",
    footerHeading = "%nExample:%n",
    footer = {"  xai4j evaluate --model mnist-cnn --data mnist --samples 50 \\",
        "      --methods gradient,integrated-gradients --metric pixel-flipping \\",
        "      --out eval",
        "  xai4j evaluate --model shapes-cnn --data shapes --samples 20 \\",
        "      --methods gradient,grad-cam:relu4,lrp:epsilon-plus-flat \\",
        "      --metric localization,pixel-flipping --patch 8 --flip-steps 64 \\",
        "      --replace zero --upsample --out shapes-eval"})
final class EvaluateCommand implements Callable<Integer> {
  private static final String INPUTS = "inputs.npy";
  private static final String MASKS = "masks.npy";
  private static final String MORF = "morf";
  private static final Map<String, RegionOrder> ORDERS = Map.of(MORF, RegionOrder.MOST_RELEVANT_FIRST, "lerf",
      RegionOrder.LEAST_RELEVANT_FIRST);
  private static final Map<String, Replacement> REPLACEMENTS = Map.of("zero", Replacement.ZERO, "mean",
      Replacement.MEAN, "blur", Replacement.BLUR, "noise", Replacement.NOISE);
  private static final String PIXEL_FLIPPING = "pixel-flipping";
  /** The metrics that read a relevance at the input's resolution (pixel by pixel). */
  private static final Set<String> PIXEL_MAP_METRICS = Set.of(PIXEL_FLIPPING, "insertion", "deletion",
      "randomization", "localization", "infidelity");
  private static final List<String> METRICS = List.of(PIXEL_FLIPPING, "insertion", "deletion", "continuity",
      "local-lipschitz", "max-sensitivity", "infidelity", "randomization", "localization", "positivity");

  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin OutputOptions outputs;

  @Mixin NumericOptions numerics;

  /** Where the files go: the temporary folder that replaces {@code --out} once every metric is written. */
  private Path dir;

  @Mixin ThreadsOption threads;

  @Option(names = "--data", required = true, paramLabel = "SET|DIR",
      description = "A bundled held-out set (${COMPLETION-CANDIDATES}) or a directory with inputs.npy (and masks.npy).",
      completionCandidates = InputOptions.DataNames.class)
  String data;

  @Option(names = "--methods", required = true, split = ",", description = "Method names as in 'xai4j explain'; "
      + "each method takes the method flags that apply to it.")
  List<String> methods;

  @Option(names = "--metric", required = true, split = ",", description = "Any of: ${COMPLETION-CANDIDATES}.",
      completionCandidates = MetricNames.class)
  List<String> metrics;

  @Option(names = "--samples", description = "Use the first N samples (default: all).")
  Integer samples;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--flip-steps", paramLabel = "N", description = "pixel-flipping: steps (default: until every region is replaced, at most "
      + PixelFlipping.DEFAULT_STEPS + "; more steps than that are run with a warning).")
  Integer steps;

  @Option(names = "--per-step", description = "pixel-flipping: regions per step (default: ${DEFAULT-VALUE}).")
  int perStep = PixelFlipping.DEFAULT_PER_STEP;

  @Option(names = "--patch", description = "pixel-flipping: region side (default: sized to the input, the smallest "
      + "side up to " + PixelFlipping.DEFAULT_PATCH + " whose regions the steps replace at most once: 3 for 28x28, "
      + PixelFlipping.DEFAULT_PATCH + " for 224x224).")
  Integer patch;

  @Option(names = "--replace", description = "pixel-flipping: zero|mean|blur|noise (default: noise).")
  String replace = PixelFlipping.DEFAULT_REPLACEMENT.name().toLowerCase(java.util.Locale.ROOT);

  @Option(names = "--order", description = "pixel-flipping: morf (most relevant first) or lerf (least relevant "
      + "first) (default: ${DEFAULT-VALUE}).")
  String order = MORF;

  @Option(names = "--seed", description = "Seed of every metric's random draws: replacement noise, random orders, "
      + "perturbations, randomized weights (default: ${DEFAULT-VALUE}).")
  long seed = PixelFlipping.DEFAULT_SEED;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Mixin MethodFlags methodFlags = new MethodFlags();

  /** The progress bar over the methods of every metric, {@code null} with {@code --quiet}. */
  private ProgressBar bar;

  /** Metric names, for help and completion. */
  static final class MetricNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    MetricNames() {
      super(METRICS);
    }
  }

  @Override
  public Integer call() throws IOException {
    for (String m : metrics) {
      if (!METRICS.contains(m)) {
        throw new IllegalArgumentException("unknown metric '" + m + "'; choose from " + METRICS);
      }
    }
    if (!metrics.contains(PIXEL_FLIPPING)) {
      for (String option : List.of("--flip-steps", "--per-step", "--patch", "--replace", "--order")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new IllegalArgumentException(option + " applies to --metric " + PIXEL_FLIPPING + " only; the metrics are "
              + metrics);
        }
      }
    }
    OptionChecks.requirePositive(spec, "--samples", samples);
    OptionChecks.requirePositive(spec, "--flip-steps", steps);
    OptionChecks.requirePositive(spec, "--per-step", perStep);
    OptionChecks.requirePositive(spec, "--patch", patch);
    choice("--replace", REPLACEMENTS, replace);
    choice("--order", ORDERS, order);
    model.check();
    Path dataDir = Path.of(data);
    outputs.checkFolder("--out", out, OutputOptions.inputs("--model", model.file(), "--data",
        Files.isDirectory(dataDir) ? dataDir : null));
    Graph graph = model.load();
    Dataset set = dataset();
    Tensor x = set.inputs();
    if (metrics.contains("localization") && set.masks() == null) {
      throw new IllegalArgumentException("localization needs ground-truth masks: --data shapes or DIR/" + MASKS);
    }
    PrintWriter err = spec.commandLine().getErr();
    numerics.checkInput("--data " + data, x, err);
    Map<String, Explainer> attributors = explainers(graph, x);
    numerics.checkResult("the model's output", graph.forward(x).output(), graph, Map.of(graph.inputs().get(0).name(),
        x), err);
    PixelFlipping flipping = metrics.contains(PIXEL_FLIPPING) ? pixelFlippingConfig(x.shape(), err) : null;
    int[] classes = Classes.argmax(graph, x);
    List<Table> tables = new ArrayList<>();
    try (AtomicFiles.Folder folder = AtomicFiles.folder(out, outputs.existing());
        ProgressBar progress = quiet ? null : ProgressBars.start("evaluate", units(), System.err)) {
      bar = progress;
      dir = folder.path();
      Map<String, Object> results = new LinkedHashMap<>();
      for (String m : metrics) {
        Measured r = run(m, graph, set, classes, attributors, flipping);
        results.put(m, r.json());
        tables.add(r.table());
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("model", model.name());
      json.put("data", data);
      json.put("samples", x.shape().dim(0));
      json.put("methods", methods);
      json.put("metrics", results);
      JsonReport.write(dir.resolve("metrics.json"), json);
      folder.commit();
    }
    PrintWriter pw = spec.commandLine().getOut();
    for (Table t : tables) {
      pw.println(t.toText());
    }
    pw.printf("evaluated %d samples, %d methods, metrics %s; wrote %s%n", x.shape().dim(0), methods.size(), metrics,
        out.resolve("metrics.json"));
    pw.flush();
    return Failures.OK;
  }

  /** The progress units: one per method and metric, and one per random baseline. */
  private long units() {
    long baselines = metrics.stream().filter(m -> m.equals(PIXEL_FLIPPING) || m.equals("insertion")
        || m.equals("deletion")).count();
    return (long) metrics.size() * methods.size() + baselines;
  }

  /** One progress unit done. */
  private void step() {
    if (bar != null) {
      bar.step();
    }
  }

  /**
   * The pixel-flipping configuration: the defaults sized to the input, with the flags given; steps that go on after
   * every region is replaced are warned about on {@code err}.
   */
  private PixelFlipping pixelFlippingConfig(Shape input, PrintWriter err) {
    PixelFlipping sized = PixelFlipping.sizedTo(input, perStep);
    PixelFlipping config = new PixelFlipping(sized.steps(), perStep, patch != null ? patch : sized.patch(),
        choice("--replace", REPLACEMENTS, replace), choice("--order", ORDERS, order), OutputScore.RAW, seed);
    int all = config.stepsToReplaceAll(input);
    if (steps != null && steps > all) {
      err.printf("warning: --flip-steps %d goes on after every region is replaced: input %s has %d step(s) of %d "
          + "region(s) of %dx%d; steps %d to %d repeat the fully replaced input and raise every AOPC alike "
          + "(--flip-steps %d covers it once)%n", steps, input, all, perStep, config.patch(), config.patch(), all + 1,
          steps, all);
      err.flush();
    }
    return config.withSteps(steps != null ? steps : Math.min(all, PixelFlipping.DEFAULT_STEPS));
  }

  /**
   * Every method prepared once for the model, each with the method flags that apply to it.
   *
   * @throws IllegalArgumentException if a flag applies to none of the methods
   */
  private Map<String, Explainer> explainers(Graph graph, Tensor x) {
    MethodOptions given = methodFlags.options();
    Methods.requireEachApplies(methods, given);
    List<String> pixelMetrics = metrics.stream().filter(PIXEL_MAP_METRICS::contains).toList();
    Map<String, Explainer> out = new LinkedHashMap<>();
    for (String name : methods) {
      Attributor a = Methods.attributor(name, Methods.optionsFor(name, given), x.shape());
      if (!pixelMetrics.isEmpty()) {
        LayerResolution.smallerMap(a, graph, x).ifPresent(size -> {
          throw new IllegalArgumentException(LayerResolution.describe(name, a, size) + "; --metric "
              + String.join(",", pixelMetrics) + " needs one at the input's " + x.shape().dim(2) + "x"
              + x.shape().dim(3) + ": add --upsample");
        });
      }
      out.put(name, a.prepare(graph));
    }
    return out;
  }

  /** {@code metric} of every method, in the order given, one progress unit each. */
  private <R> Map<String, R> eachMethod(Map<String, Explainer> explainers, Function<Explainer, R> metric) {
    Map<String, R> out = new LinkedHashMap<>();
    explainers.forEach((name, e) -> {
      out.put(name, metric.apply(e));
      step();
    });
    return out;
  }

  /**
   * A metric's results: what goes into {@code metrics.json} and the table printed to the terminal.
   *
   * @param json the metric's entry in {@code metrics.json}
   * @param table its numbers per method
   */
  private record Measured(Object json, Table table) {}

  /** A table with one row per entry of {@code rows}, every number formatted as the demo formats it. */
  private static Table table(String title, List<String> headers, List<List<Object>> rows) {
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> r : rows) {
      cells.add(r.stream().map(v -> v instanceof Double d ? Table.number(d) : String.valueOf(v)).toList());
    }
    return new Table(title, headers, cells);
  }

  private static <T> T choice(String option, Map<String, T> choices, String name) {
    T v = choices.get(name);
    if (v == null) {
      throw new IllegalArgumentException(option + " '" + name + "' is not one of " + new java.util.TreeSet<>(
          choices.keySet()));
    }
    return v;
  }

  /** Inputs and, where the data has them, ground-truth masks. */
  private record Dataset(Tensor inputs, Tensor masks) {}

  private Dataset dataset() throws IOException {
    Dataset full;
    if (BundledData.exists(data)) {
      BundledData set = BundledData.named(data);
      full = new Dataset(set.heldOut().images(), set.masks().orElse(null));
    } else {
      Path dir = Path.of(data);
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--data '" + data + "' is neither a bundled set " + BundledData.names()
            + " nor a directory");
      }
      full = new Dataset(Npy.read(dir.resolve(INPUTS)), Files.exists(dir.resolve(MASKS))
          ? Npy.read(dir.resolve(MASKS)) : null);
    }
    int n = full.inputs().shape().dim(0);
    if (samples == null || samples >= n) {
      return full;
    }
    return new Dataset(full.inputs().slice0(0, samples), full.masks() == null ? null : full.masks().slice0(0, samples));
  }

  private Measured run(String metric, Graph graph, Dataset set, int[] classes, Map<String, Explainer> attributors,
      PixelFlipping flipping) throws IOException {
    Tensor x = set.inputs();
    return switch (metric) {
      case PIXEL_FLIPPING -> pixelFlipping(flipping, graph, x, classes, attributors);
      case "insertion" -> insertionDeletion("insertion", seeded(InsertionDeletion.insertion()), graph, x, classes,
          attributors);
      case "deletion" -> insertionDeletion("deletion", seeded(InsertionDeletion.deletion()), graph, x, classes,
          attributors);
      case "continuity" -> robustness(metric, Continuity.defaults(), x, classes, attributors);
      case "local-lipschitz" -> robustness(metric, new LocalLipschitz(LocalLipschitz.DEFAULT_SAMPLES,
          LocalLipschitz.DEFAULT_STD, seed), x, classes, attributors);
      case "max-sensitivity" -> robustness(metric, new MaxSensitivity(MaxSensitivity.DEFAULT_SAMPLES,
          MaxSensitivity.DEFAULT_RADIUS, seed), x, classes, attributors);
      case "infidelity" -> robustness(metric, new Infidelity(Infidelity.DEFAULT_SAMPLES, Infidelity.DEFAULT_STD, false,
          seed), x, classes, attributors);
      case "randomization" -> randomization(x, classes, attributors);
      case "localization" -> localization(set, classes, attributors);
      case "positivity" -> positivity(x, classes, attributors);
      default -> throw new IllegalArgumentException("unknown metric '" + metric + "'; choose from " + METRICS);
    };
  }

  private Measured pixelFlipping(PixelFlipping config, Graph graph, Tensor x, int[] classes,
      Map<String, Explainer> attributors) throws IOException {
    Map<String, PixelFlipping.Result> results = eachMethod(attributors, e -> config.evaluate(e, x, classes));
    results.put(SelectivityComparison.RANDOM, config.withOrder(RegionOrder.RANDOM).evaluate(graph, x, classes, x));
    step();
    SelectivityComparison c = new SelectivityComparison(config, results);
    SelectivityFiles.write(c, dir, "pixel-flipping", LinePlot.defaults());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("config", config);
    Map<String, Object> perMethod = new LinkedHashMap<>();
    List<List<Object>> rows = new ArrayList<>();
    c.results().forEach((k, v) -> {
      perMethod.put(k, Map.of("aopc", v.aopc(), "curve", v.meanCurve()));
      rows.add(List.of(k, v.aopc()));
    });
    m.put("methods", perMethod);
    return new Measured(m, table("pixel-flipping: AOPC, higher is better (" + config.steps() + " steps of "
        + config.perStep() + " region(s) of " + config.patch() + "x" + config.patch() + ", " + config.order().label()
        + ", " + config.replacement().label() + ")", List.of("method", "AOPC"), rows));
  }

  /** Insertion or deletion with {@code --seed}. */
  private InsertionDeletion seeded(InsertionDeletion d) {
    return new InsertionDeletion(d.mode(), d.steps(), d.substrate(), d.score(), seed);
  }

  private Measured insertionDeletion(String name, InsertionDeletion metric, Graph graph, Tensor x, int[] classes,
      Map<String, Explainer> attributors) throws IOException {
    Map<String, InsertionDeletion.Result> results = eachMethod(attributors, e -> metric.evaluate(e, x, classes));
    results.put(SelectivityComparison.RANDOM, metric.randomBaseline(graph, x, classes));
    step();
    Map<String, double[]> series = new LinkedHashMap<>();
    Map<String, Object> perMethod = new LinkedHashMap<>();
    List<List<Object>> rows = new ArrayList<>();
    double[] fraction = null;
    for (Map.Entry<String, InsertionDeletion.Result> e : results.entrySet()) {
      fraction = e.getValue().fraction();
      series.put(e.getKey(), e.getValue().meanCurve());
      perMethod.put(e.getKey(), Map.of("auc", e.getValue().auc(), "curve", e.getValue().meanCurve()));
      rows.add(List.of(e.getKey(), e.getValue().auc()));
    }
    Curves curves = new Curves(name, "fraction of pixels", "class probability", fraction, series);
    CsvTable.writeCurves(dir.resolve(name + "-curves.csv"), curves);
    CsvTable.writeRows(dir.resolve(name + "-auc.csv"), List.of("method", "auc"), rows);
    LinePlot.defaults().writePng(dir.resolve(name + "-curves.png"), curves);
    LinePlot.defaults().writeSvg(dir.resolve(name + "-curves.svg"), curves);
    return new Measured(Map.of("config", metric, "methods", perMethod), table(name + ": area under the class "
        + "probability curve (" + (name.equals("insertion") ? "higher" : "lower") + " is better)",
        List.of("method", "AUC"), rows));
  }

  private Measured robustness(String name, org.xai4j.explain.metric.Metric<Robustness> metric, Tensor x, int[] classes,
      Map<String, Explainer> attributors) throws IOException {
    Map<String, Robustness> perMethod = eachMethod(attributors, e -> metric.evaluate(e, x, classes));
    List<List<Object>> rows = new ArrayList<>();
    perMethod.forEach((k, r) -> rows.add(List.of(k, r.mean())));
    CsvTable.writeRows(dir.resolve(name + ".csv"), List.of("method", "mean"), rows);
    return new Measured(Map.of("config", metric, "methods", perMethod), table(name + ": mean over the samples ("
        + "lower is better" + ")", List.of("method", "mean"),
        rows));
  }

  private Measured localization(Dataset set, int[] classes, Map<String, Explainer> attributors) throws IOException {
    Map<String, Localization.Result> results = eachMethod(attributors, e -> Localization.defaults().evaluate(
        e.explain(set.inputs(), Target.classes(classes)).relevance(), set.masks()));
    Map<String, Object> perMethod = new LinkedHashMap<>();
    List<List<Object>> rows = new ArrayList<>();
    results.forEach((k, r) -> {
      perMethod.put(k, Map.of("massAccuracy", r.meanMassAccuracy(), "rankAccuracy", r.meanRankAccuracy(),
          "pointingGame", r.pointingAccuracy()));
      rows.add(List.of(k, r.meanMassAccuracy(), r.meanRankAccuracy(), r.pointingAccuracy()));
    });
    CsvTable.writeRows(dir.resolve("localization.csv"),
        List.of("method", "mass_accuracy", "rank_accuracy", "pointing_game"), rows);
    return new Measured(Map.of("config", Localization.defaults(), "methods", perMethod), table("localization: "
        + "share of relevance inside the ground-truth mask (higher is better)", List.of("method", "mass accuracy",
        "rank accuracy", "pointing game"), rows));
  }

  private Measured randomization(Tensor x, int[] classes, Map<String, Explainer> attributors) throws IOException {
    Map<String, ModelRandomization.Result> perMethod = eachMethod(attributors,
        e -> new ModelRandomization(ModelRandomization.DEFAULT_ABSOLUTE, seed).evaluate(e, x, classes));
    List<List<Object>> rows = new ArrayList<>();
    perMethod.forEach((k, r) -> r.stages().forEach(s -> rows.add(List.of(k, s.layer(), s.meanSpearman(),
        s.meanSsim()))));
    CsvTable.writeRows(dir.resolve("randomization.csv"), List.of("method", "randomized_down_to", "spearman", "ssim"),
        rows);
    return new Measured(Map.of("config", new ModelRandomization(ModelRandomization.DEFAULT_ABSOLUTE, seed), "methods", perMethod), table("randomization: "
        + "similarity to the explanation of the trained model as layers are randomized (lower is better)",
        List.of("method", "randomized down to", "Spearman", "SSIM"), rows));
  }

  private Measured positivity(Tensor x, int[] classes, Map<String, Explainer> attributors) throws IOException {
    Map<String, Positivity.Result> perMethod = eachMethod(attributors,
        e -> Positivity.of(e.explain(x, Target.classes(classes)).relevance()));
    List<List<Object>> rows = new ArrayList<>();
    perMethod.forEach((k, r) -> rows.add(List.of(k, r.pooled(), r.mean())));
    CsvTable.writeRows(dir.resolve("positivity.csv"), List.of("method", "negative_share_pooled",
        "negative_share_mean"), rows);
    return new Measured(Map.of("methods", perMethod), table("positivity: share of negative relevance",
        List.of("method", "pooled", "mean per sample"), rows));
  }
}
