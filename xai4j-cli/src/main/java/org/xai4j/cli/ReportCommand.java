package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.BoxBound;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.graph.NonFinite;
import org.xai4j.report.blocks.BlocksReport;
import org.xai4j.report.blocks.ReportRequest;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.blocks.BlocksSettings;
import org.xai4j.visualize.blocks.IconSettings;
import org.xai4j.visualize.blocks.LayerBlocks;
import org.xai4j.visualize.blocks.Nmf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xai4j report}: the interactive building-blocks page of one image ({@link BlocksReport}):
 * heatmaps of several methods, and per hidden layer spatial and channel attribution, the semantic
 * dictionary on hover, the neuron groups and a layer selector; {@code DIR/index.html} with relative
 * assets, viewable from disk without a server or network. The folder is written into a temporary sibling and
 * moved into place when complete (an existing {@code DIR} is replaced only with {@code --force}); errors follow
 * {@link Failures}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"The building blocks of interpretability for one image as an interactive static page.",
        "xai4j report --model M.onnx --input X(.npy|.png) [--layer NODE]... [--target CLASS [--versus CLASS]] "
            + "--out DIR",
        "Icons are cached per model, layer, channel and settings, so a second report on a model is fast.",
        "The folder is written whole (an existing one only with --force); NaN or infinities in the input, the "
            + "output or a map fail the report."},
    footerHeading = "%nExample:%n",
    footer = {"  xai4j report --model mnist-cnn --data mnist --index 0 \\",
        "      --layer relu2 --icon-steps 16 --out mnist-report"})
final class ReportCommand implements Callable<Integer> {
  /** The input-level methods shown by default ({@code xai4j explain} names). */
  static final String DEFAULT_METHODS = "gradient,gradient-x-input,integrated-gradients,lrp:epsilon-plus-flat";

  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin InputOptions input;

  @Mixin ThreadsOption threads;

  @Mixin OutputOptions outputs;

  @Option(names = "--layer", paramLabel = "NODE",
      description = "A hidden layer [N, C, H, W] to show (repeatable; default: every ReLU convolutional layer).")
  List<String> layers = List.of();

  @Option(names = "--target", paramLabel = "CLASS", description = "Class to explain (default: the predicted class).")
  Integer target;

  @Option(names = "--versus", paramLabel = "CLASS",
      description = "Explain the logit difference of --target (or the predicted class) minus this class.")
  Integer versus;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (DIR/index.html).")
  Path out;

  @Option(names = "--methods", split = ",", paramLabel = "NAME",
      description = "Input-level heatmaps, xai4j explain method names (default: " + DEFAULT_METHODS + ").")
  List<String> methods = List.of(DEFAULT_METHODS.split(","));

  @Option(names = "--composite", description = "LRP composite at the hidden layers (default: ${DEFAULT-VALUE}).")
  String composite = "epsilon-plus-flat";

  @Option(names = "--low", description = "Lowest input value (zB bounds of LRP composites; with --high).")
  Float low;

  @Option(names = "--high", description = "Highest input value (zB bounds of LRP composites; with --low).")
  Float high;

  @Option(names = "--top-k", description = "Channels per position in the dictionary (default: ${DEFAULT-VALUE}).")
  int topK = BlocksSettings.DEFAULT_TOP_K;

  @Option(names = "--groups", description = "Neuron groups (NMF factors) per layer (default: ${DEFAULT-VALUE}).")
  int groups = Nmf.DEFAULT_K;

  @Option(names = "--icon-steps", description = "Optimization steps per icon (default: ${DEFAULT-VALUE}).")
  int iconSteps = IconSettings.DEFAULT_STEPS;

  @Option(names = "--icon-size", description = "Icon side for models without a fixed input size "
      + "(default: ${DEFAULT-VALUE}).")
  int iconSize = IconSettings.DEFAULT_SIZE;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Icon cache folder (default: $XDG_CACHE_HOME/xai4j/icons or ~/.cache/xai4j/icons).")
  Path cache;

  @Override
  public Integer call() throws IOException {
    OptionChecks.requirePositive(spec, "--top-k", topK);
    OptionChecks.requirePositive(spec, "--groups", groups);
    OptionChecks.requirePositive(spec, "--icon-steps", iconSteps);
    OptionChecks.requirePositive(spec, "--icon-size", iconSize);
    if ((low == null) != (high == null)) {
      throw new ParameterException(spec.commandLine(), "--low and --high go together");
    }
    model.check();
    input.check();
    outputs.checkFolder("--out", out, OutputOptions.inputs("--model", model.file(), "--input", input.file(),
        "--cache", cache));
    Graph graph = model.load();
    InputOptions.Loaded loaded = input.read(graph, spec.commandLine().getOut());
    Tensor x = loaded.tensor();
    if (x.rank() != 4 || x.shape().dim(0) != 1) {
      throw new IllegalArgumentException("the report explains one image [1, C, H, W]; " + loaded.source() + " is "
          + x.shape() + " (give one --index)");
    }
    NonFinite.requireFinite(input.describe(), x);
    BoxBound lo = low == null ? null : BoxBound.scalar(low);
    BoxBound hi = high == null ? null : BoxBound.scalar(high);
    BlocksSettings settings = BlocksSettings.defaults(cache == null ? BlocksSettings.defaultCache() : cache)
        .withTopK(topK)
        .withNmf(new Nmf(groups, Nmf.DEFAULT_ITERATIONS, 0))
        .withLrp(LrpRules.of(Composites.byName(composite, lo, hi)).withCanonizer(Canonizers.standard()))
        .withIcons(new IconSettings(iconSize, iconSteps, 0));
    Map<String, Attributor> inputMethods = new LinkedHashMap<>();
    for (String m : methods) {
      inputMethods.put(m, DemoMethods.attributor(m, x.shape(), layers.isEmpty() ? null : layers.get(layers.size() - 1),
          low, high));
    }
    List<String> classNames = loaded.classNames() == null ? List.of() : loaded.classNames();
    BlocksReport.Result r = BlocksReport.write(graph, x, new ReportRequest(model.name(), loaded.source(), classNames,
        layers, target, versus, inputMethods, settings), out, outputs.existing());
    PrintWriter pw = spec.commandLine().getOut();
    pw.printf(Locale.ROOT, "predicted class %d (p = %.4f)%n", r.predicted(), r.probability());
    for (LayerBlocks b : r.layers()) {
      pw.printf(Locale.ROOT, "  %-24s activation x gradient %+.4g, %d groups (NMF error %.3f), %.1f s%n", b.layer(),
          b.attributions().get(0).total(), b.groups().groups().size(), b.groups().relativeError(), b.seconds());
    }
    pw.printf(Locale.ROOT, "wrote %s (%.1f s, %d icons rendered)%n", r.index(), r.seconds(), r.iconsRendered());
    pw.flush();
    return Failures.OK;
  }
}
