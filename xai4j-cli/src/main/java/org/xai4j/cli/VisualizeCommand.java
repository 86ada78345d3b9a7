package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import org.xai4j.explain.image.Png;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.report.metric.JsonReport;
import org.xai4j.visualize.objective.Objective;
import org.xai4j.visualize.objective.Objectives;
import org.xai4j.visualize.param.ImageParam;
import org.xai4j.visualize.render.AscentConfig;
import org.xai4j.visualize.render.AscentListener;
import org.xai4j.visualize.render.FeatureVisualization;
import org.xai4j.visualize.render.ImageGrid;
import org.xai4j.visualize.render.RenderConfig;
import org.xai4j.visualize.render.RenderResult;
import org.xai4j.visualize.render.RenderSnapshot;
import org.xai4j.visualize.transform.Compose;
import org.xai4j.visualize.transform.Normalize;
import org.xai4j.visualize.transform.Transform;
import org.xai4j.visualize.transform.Transforms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j visualize}: feature visualization by optimization (Lucid's {@code render_vis}). Writes
 * the image (a grid for a batch) and a JSON sidecar beside it with the settings, the objective value
 * at every snapshot step and the high-frequency share of each image. Ctrl-C stops the optimization
 * after the current step and still writes the images reached.
 */
@Command(name = "visualize", mixinStandardHelpOptions = true,
    description = {"Feature visualization: find images that maximize an objective of a model's activations.",
        "xai4j visualize --model M.onnx --objective \"channel:NODE:5\" [--param pixel|fft] [--no-decorrelate] "
            + "[--transforms default|none] [--steps 512] [--size 128] [--batch 4 --diversity 100] [--seed S] --out img.png",
        "Objective terms (joined by ' + ' or ' - ', each optionally WEIGHT*TERM and TERM@ITEM): "
            + "neuron:NODE:C[:Y:X], channel:NODE:C, deepdream:NODE, logit:NODE:K, prob:NODE:K, diversity:NODE, "
            + "direction:NODE:w1,w2,..|v.npy[:POW], direction_neuron:NODE:V[:POW], l1, l2, tv, blur."},
    footerHeading = "%nExample:%n",
    footer = {"  xai4j visualize --model shapes-cnn --objective \"channel:relu2:3\" \\",
        "      --steps 32 --size 64 --out channel3.png"})
final class VisualizeCommand implements Callable<Integer> {
  private static final double NANOS_PER_SECOND = 1e9;
  /** How long Ctrl-C waits for the files of an interrupted run, seconds. */
  private static final int INTERRUPT_GRACE_SECONDS = 60;

  @Spec CommandSpec spec;

  @Mixin ModelOption model;

  @Mixin ThreadsOption threads;

  @Mixin OutputOptions outputs;

  @Option(names = "--objective", required = true, description = "What to maximize, for example \"channel:conv3:5\".")
  String objective;

  @Option(names = "--param", description = "Image parameterization: fft or pixel (default: ${DEFAULT-VALUE}).")
  String param = "fft";

  @Option(names = "--decorrelate", negatable = true,
      description = "Lucid's decorrelated colour space (default: on for RGB inputs; --no-decorrelate turns it off).")
  Boolean decorrelate;

  @Option(names = "--transforms", description = "default (Lucid's standard stack) or none (default: ${DEFAULT-VALUE}).")
  String transforms = "default";

  @Option(names = "--steps", description = "Optimization steps (default: ${DEFAULT-VALUE}).")
  int steps = AscentConfig.DEFAULT_STEPS;

  @Option(names = "--lr", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate = AscentConfig.DEFAULT_LEARNING_RATE;

  @Option(names = "--size", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
  int size = RenderConfig.DEFAULT_SIZE;

  @Option(names = "--batch", description = "Images optimized at once (default: ${DEFAULT-VALUE}).")
  int batch = 1;

  @Option(names = "--diversity", description = "Weight of Lucid's diversity term over the batch (default: none).")
  double diversity;

  @Option(names = "--diversity-node", description = "Node of the diversity term (default: the objective's first node).")
  String diversityNode;

  @Option(names = "--mean", split = ",", description = "Model input normalization: per-channel means (with --std).")
  float[] mean;

  @Option(names = "--std", split = ",", description = "Model input normalization: per-channel deviations.")
  float[] std;

  @Option(names = "--seed", description = "Seed of the start and of the transforms (default: ${DEFAULT-VALUE}).")
  long seed = AscentConfig.DEFAULT_SEED;

  @Option(names = "--snapshots", split = ",", description = "Steps whose objective value is recorded "
      + "(default: a quarter, half and all of the steps).")
  List<Integer> snapshots;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--out", required = true, description = "Output PNG; the JSON sidecar goes beside it.")
  Path out;

  @Override
  public Integer call() throws IOException {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch written = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        written.await(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      if (!out.getFileName().toString().endsWith(".png")) {
        throw new IllegalArgumentException("--out must name a .png file, got " + out);
      }
      Path json = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.png$", ".json"));
      Map<String, Path> inputs = OutputOptions.inputs("--model", model.file());
      outputs.checkFile("--out", out, inputs);
      outputs.checkFile("--out (its JSON sidecar)", json, inputs);
      Graph graph = model.load();
      RenderConfig config = config(graph);
      FeatureVisualization fv = FeatureVisualization.of(graph, config);
      Runtime.getRuntime().addShutdownHook(hook);
      long start = System.nanoTime();
      RenderResult r;
      try (ProgressBar bar = quiet ? null : bar()) {
        AscentListener listener = bar == null ? AscentListener.none() : p -> {
          bar.stepTo(p.step());
          bar.setExtraMessage(String.format("objective %.4f", p.value()));
        };
        r = fv.render(listener, stop::get);
      }
      double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
      byte[] png = Png.encode(ImageGrid.of(r.images()));
      byte[] sidecar = JsonReport.bytes(report(config, fv, r, seconds));
      try (AtomicFiles.Group files = AtomicFiles.group(outputs.existing())) {
        files.add(out, o -> o.write(png)).add(json, o -> o.write(sidecar)).commit();
      }
      PrintWriter pw = spec.commandLine().getOut();
      pw.printf("%s after %d steps%s: objective %.4f, high-frequency share %s; %.1f s (%.0f ms/step); wrote %s and %s%n",
          config.objective().description(), r.ascent().stepsDone(), r.ascent().cancelled() ? " (interrupted)" : "",
          fv.evaluate(r.images()).value(), format(r.highFrequencyShare()), seconds,
          1000 * seconds / Math.max(1, r.ascent().stepsDone()), out, json);
      pw.flush();
      return Failures.OK;
    } finally {
      written.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for the latch just released.
      }
    }
  }

  private ProgressBar bar() {
    return ProgressBars.start("visualize", steps, System.err);
  }

  RenderConfig config(Graph graph) {
    Objective o = ObjectiveParser.parse(objective);
    if (diversity != 0) {
      String node = diversityNode != null ? diversityNode : o.nodes().stream().findFirst().orElseThrow(() ->
          new IllegalArgumentException("--diversity needs --diversity-node: the objective reads no node"));
      o = o.plus(Objectives.diversity(node).times(diversity));
    }
    if (batch < 1 || size < 2 || steps < 1) {
      throw new IllegalArgumentException("--batch, --size and --steps must be positive (size at least 2), got "
          + batch + ", " + size + ", " + steps);
    }
    int[] dims = graph.inputs().get(0).dims();
    int channels = dims.length == 4 && dims[1] > 0 ? dims[1] : 3;
    if (Boolean.TRUE.equals(decorrelate) && channels != 3) {
      throw new IllegalArgumentException("--decorrelate needs an RGB model input; '" + graph.inputs().get(0) + "' has "
          + channels + " channels");
    }
    boolean decorrelated = decorrelate == null ? channels == 3 : decorrelate;
    ImageParam p = switch (param) {
      case "fft" -> ImageParam.fourier(batch, channels, size, size, decorrelated);
      case "pixel" -> ImageParam.pixel(batch, channels, size, size, decorrelated);
      default -> throw new IllegalArgumentException("--param '" + param + "' is not one of [fft, pixel]");
    };
    Transform t = switch (transforms) {
      case "default", "standard" -> Transforms.standard();
      case "none" -> Transforms.none();
      default -> throw new IllegalArgumentException("--transforms '" + transforms + "' is not one of [default, none]");
    };
    if ((mean == null) != (std == null)) {
      throw new IllegalArgumentException("--mean and --std go together");
    }
    Transform pre = mean == null ? new Compose(List.of()) : new Normalize(mean, std);
    List<Integer> snaps = snapshots != null ? snapshots
        : new ArrayList<>(new TreeSet<>(List.of(Math.max(1, steps / 4), Math.max(1, steps / 2), steps)));
    return RenderConfig.builder(o).param(p).transforms(t).preprocessing(pre).steps(steps).seed(seed)
        .learningRate(learningRate).snapshots(snaps).build();
  }

  private Map<String, Object> report(RenderConfig c, FeatureVisualization fv, RenderResult r, double seconds) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("model", model.name());
    settings.put("objective", c.objective().description());
    settings.put("param", c.param().description());
    settings.put("transforms", c.transforms().description());
    settings.put("preprocessing", c.preprocessing().description());
    settings.put("steps", steps);
    settings.put("size", size);
    settings.put("batch", batch);
    settings.put("diversity", diversity);
    settings.put("learning_rate", learningRate);
    settings.put("seed", seed);
    List<Map<String, Object>> snaps = new ArrayList<>();
    for (RenderSnapshot s : r.snapshots()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("step", s.step());
      m.put("value", s.value());
      m.put("per_image", s.perItem());
      m.put("value_without_transforms", fv.evaluate(s.images()).value());
      snaps.add(m);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("settings", settings);
    json.put("steps_done", r.ascent().stepsDone());
    json.put("interrupted", r.ascent().cancelled());
    json.put("snapshots", snaps);
    json.put("final_value_without_transforms", fv.evaluate(r.images()).value());
    json.put("final_per_image", fv.evaluate(r.images()).perItem());
    json.put("high_frequency_share", r.highFrequencyShare());
    json.put("high_frequency_cutoff_cycles_per_pixel", org.xai4j.visualize.render.HighFrequencyShare.CUTOFF);
    json.put("seconds", seconds);
    json.put("values", r.ascent().values());
    return json;
  }

  private static String format(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (double d : v) {
      sb.append(sb.length() == 0 ? "" : " ").append(String.format("%.3f", d));
    }
    return sb.toString();
  }
}
