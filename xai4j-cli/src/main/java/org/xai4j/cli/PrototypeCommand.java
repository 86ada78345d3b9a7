package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.xai4j.data.Mnist;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.io.Npy;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.Adam;
import org.xai4j.train.Optimizer;
import org.xai4j.train.Sgd;
import org.xai4j.train.TrainingListener;
import org.xai4j.visualize.density.DensityFile;
import org.xai4j.visualize.density.DensityKind;
import org.xai4j.visualize.density.FittedDensity;
import org.xai4j.visualize.density.MixtureSettings;
import org.xai4j.visualize.density.RbmSettings;
import org.xai4j.visualize.prototype.ClassScore;
import org.xai4j.visualize.prototype.MethodResult;
import org.xai4j.visualize.prototype.PrototypeGrid;
import org.xai4j.visualize.prototype.PrototypeMethod;
import org.xai4j.visualize.prototype.PrototypeProgress;
import org.xai4j.visualize.prototype.PrototypeRecipe;
import org.xai4j.visualize.prototype.PrototypeRunner;
import org.xai4j.visualize.prototype.PrototypeSettings;
import org.xai4j.visualize.prototype.SigmoidPixels;
import org.xai4j.visualize.prototype.StartPoint;
import org.xai4j.visualize.render.AscentListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j prototype}: class prototypes by activation maximization with the plain L2
 * regularizer, a density expert (Gaussian, Gaussian mixture, Gaussian-Bernoulli RBM) or in the code
 * space of a decoder, for several classes as one batch; writes {@code GRID.png} (rows classes,
 * columns methods) and {@code GRID.json} beside it. Experts are fitted on {@code --fit-on} (the
 * bundled MNIST training digits, or {@code DIR/inputs.npy}) unless given with {@code --expert},
 * and can be saved with {@code --save-experts}.
 */
@Command(name = "prototype", mixinStandardHelpOptions = true,
    description = "Class prototypes by activation maximization: xai4j prototype --model M.onnx "
        + "--method l2,gaussian,gmm,rbm,decoder [--decoder D.onnx] --out grid.png",
    footerHeading = "%nExample:%n",
    footer = {"  xai4j prototype --model mnist-cnn --method l2,gaussian --classes 3,8 \\",
        "      --steps 50 --out prototypes.png"})
final class PrototypeCommand implements Callable<Integer> {
  /** The data file of a {@code --fit-on DIR} folder. */
  static final String INPUTS = "inputs.npy";
  /** Of a {@code --fit-on DIR} folder's images, this fraction at the end is held out. */
  static final int HELD_OUT_PARTS = 5;

  @Spec CommandSpec spec;

  /** The classifier (an ONNX file or a bundled model name); its only output must be its logits. */
  @Mixin ModelOption model;

  @Mixin ThreadsOption threads;

  @Mixin OutputOptions outputs;

  @Option(names = "--method", split = ",", description = "Methods, comma-separated: l2, gaussian, gmm, rbm, decoder "
      + "(default: all).")
  List<String> methods = List.of("l2", "gaussian", "gmm", "rbm", "decoder");

  @Option(names = "--decoder", paramLabel = "D", description = "Decoder or generator for the decoder method: an ONNX "
      + "file or a bundled model name (mnist-decoder); input [N, code size].")
  String decoder;

  @Option(names = "--expert", split = ",", paramLabel = "E", description = "Density files (from --save-experts) to use "
      + "instead of fitting; each serves the method of its kind.")
  List<Path> experts = List.of();

  @Option(names = "--fit-on", paramLabel = "mnist|DIR", description = "Data for the experts, the data mean (start and "
      + "L2 anchor), the code prior and the data distance: the bundled MNIST digits (training split; held-out "
      + "split for the held-out log-likelihood) or a folder with " + INPUTS + " [N, C, H, W] (its last fifth held "
      + "out). Default: ${DEFAULT-VALUE}.")
  String fitOn = "mnist";

  @Option(names = "--save-experts", paramLabel = "DIR", description = "Save every fitted expert as DIR/<kind>.density "
      + "(the folder is written whole, after the grid).")
  Path saveExperts;

  @Option(names = "--classes", paramLabel = "LIST", description = "Classes: ranges and single classes, e.g. 0-9 or "
      + "1,3,7 (default: ${DEFAULT-VALUE}).")
  String classes = "0-9";

  @Option(names = "--steps", paramLabel = "N", description = "Ascent steps (default: ${DEFAULT-VALUE}).")
  int steps = PrototypeSettings.DEFAULT_STEPS;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the start noise, the fits and the loop (default: "
      + "${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--optimizer", description = "adam or sgd (default: ${DEFAULT-VALUE}).")
  String optimizer = "adam";

  @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate = PrototypeSettings.DEFAULT_LEARNING_RATE;

  @Option(names = "--score", description = "log-softmax or logit (default: ${DEFAULT-VALUE}).")
  String score = ClassScore.LOG_SOFTMAX.id();

  @Option(names = "--start", description = "mean, zeros or noise (default: ${DEFAULT-VALUE}).")
  String start = StartPoint.MEAN.id();

  @Option(names = "--range", split = ",", paramLabel = "LOW,HIGH", description = "Valid input range, kept by a sigmoid "
      + "parameterization (default: 0,1).")
  List<Double> range = List.of(0.0, 1.0);

  @Option(names = "--l2-weight", paramLabel = "L", description = "lambda of the l2 method (default: ${DEFAULT-VALUE}).")
  double l2Weight = PrototypeRecipe.DEFAULT_L2_WEIGHT;

  @Option(names = "--expert-weight", paramLabel = "W", description = "Weight of the expert log-density (default: "
      + "${DEFAULT-VALUE}).")
  double expertWeight = PrototypeRecipe.DEFAULT_EXPERT_WEIGHT;

  @Option(names = "--code-penalty", paramLabel = "L", description = "lambda of the code penalty (default: "
      + "${DEFAULT-VALUE}).")
  double codePenalty = PrototypeRecipe.DEFAULT_CODE_PENALTY;

  @Option(names = "--code-prior", description = "data (fitted to the codes of training images; for autoencoders) or "
      + "normal (N(0, I); for GANs and VAEs). Default: ${DEFAULT-VALUE}.")
  String codePrior = "data";

  @Option(names = "--fit-samples", paramLabel = "N", description = "Training images the experts are fitted on "
      + "(default: ${DEFAULT-VALUE}).")
  int fitSamples = PrototypeRecipe.DEFAULT_FIT_SAMPLES;

  @Option(names = "--components", paramLabel = "K", description = "Mixture components (default: ${DEFAULT-VALUE}).")
  int components = MixtureSettings.DEFAULT_COMPONENTS;

  @Option(names = "--gibbs-steps", paramLabel = "K", description = "k of the RBM's CD-k (default: ${DEFAULT-VALUE}).")
  int gibbsSteps = RbmSettings.DEFAULT_GIBBS_STEPS;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Option(names = "--out", required = true, paramLabel = "GRID.png", description = "The grid image; the JSON is "
      + "written beside it.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!out.getFileName().toString().endsWith(".png")) {
      throw new IllegalArgumentException("--out must name a .png file, got " + out);
    }
    Map<String, Path> inputs = OutputOptions.inputs("--model", model.file());
    outputs.checkFile("--out", out, inputs);
    outputs.checkFile("--out (its JSON sidecar)", PrototypeGrid.jsonPath(out), inputs);
    if (saveExperts != null) {
      Map<String, Path> readOrWritten = new LinkedHashMap<>(inputs);
      for (int i = 0; i < experts.size(); i++) {
        readOrWritten.put("--expert " + (i + 1), experts.get(i));
      }
      readOrWritten.put("--out", out);
      outputs.checkFolder("--save-experts", saveExperts, readOrWritten);
    }
    List<PrototypeMethod> chosen = methods.stream().map(PrototypeMethod::byId).distinct().toList();
    int[] wanted = parseClasses(classes);
    Graph classifier = model.load();
    Optional<Graph> decoderGraph = Optional.empty();
    if (chosen.contains(PrototypeMethod.DECODER)) {
      if (decoder == null) {
        throw new IllegalArgumentException("the decoder method needs --decoder D.onnx (mnist-decoder for the bundled "
            + "MNIST models)");
      }
      decoderGraph = Optional.of(ModelArgument.load(decoder));
    } else if (decoder != null) {
      throw new IllegalArgumentException("--decoder is only used by the decoder method, which --method does not name");
    }
    Data data = data();
    Map<DensityKind, FittedDensity> given = new EnumMap<>(DensityKind.class);
    for (Path e : experts) {
      FittedDensity f = DensityFile.read(e);
      if (given.put(f.density().kind(), f) != null) {
        throw new IllegalArgumentException("--expert names two " + f.density().kind().id() + " files");
      }
    }
    PrototypeRecipe recipe = recipe();
    PrintStream bars = System.err;
    List<MethodResult> results = PrototypeRunner.run(new PrototypeRunner.Inputs(classifier, decoderGraph,
        data.training, data.heldOut, data.name, given), chosen, wanted, recipe, progress(bars));
    Map<String, Object> settings = new LinkedHashMap<>(recipe.summary());
    settings.put("data", data.name);
    settings.put("experts", experts.stream().map(Path::toString).toList());
    settings.put("decoder", decoder);
    if (saveExperts == null) {
      PrototypeGrid.write(out, model.name(), results, settings, recipe.settings().pixels(), outputs.existing());
    } else {
      writeWithExperts(results, settings, recipe);
    }
    print(results);
    return Failures.OK;
  }

  /**
   * Writes the fitted experts into a temporary folder, then the grid, then moves the folder into place as
   * {@link #saveExperts}: a failure leaves neither a partial folder nor experts without their grid.
   */
  private void writeWithExperts(List<MethodResult> results, Map<String, Object> settings, PrototypeRecipe recipe)
      throws IOException {
    List<FittedDensity> fitted = results.stream().filter(MethodResult::expertFitted)
        .map(r -> r.expert().orElseThrow()).toList();
    try (AtomicFiles.Folder folder = AtomicFiles.folder(saveExperts, outputs.existing())) {
      for (FittedDensity f : fitted) {
        DensityFile.write(folder.path().resolve(f.density().kind().id() + ".density"), f);
      }
      PrototypeGrid.write(out, model.name(), results, settings, recipe.settings().pixels(), outputs.existing());
      folder.commit();
    }
    PrintWriter pw = spec.commandLine().getOut();
    for (FittedDensity f : fitted) {
      pw.printf("saved the %s expert to %s%n", f.density().kind().id(),
          saveExperts.resolve(f.density().kind().id() + ".density"));
    }
    pw.flush();
  }

  private void print(List<MethodResult> results) {
    PrintWriter pw = spec.commandLine().getOut();
    pw.print(PrototypeTable.of("Class prototypes of " + model.name() + ", averaged over "
        + results.get(0).quality().size() + " classes", results).toText());
    pw.printf("wrote %s and %s%n", out, PrototypeGrid.jsonPath(out));
    pw.flush();
  }

  PrototypeRecipe recipe() {
    if (range.size() != 2) {
      throw new IllegalArgumentException("--range needs LOW,HIGH, got " + range);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
    }
    Optimizer opt = switch (optimizer) {
      case "adam" -> Adam.withLearningRate(learningRate);
      case "sgd" -> new Sgd(learningRate, 0, 0);
      default -> throw new IllegalArgumentException("--optimizer '" + optimizer + "' is not adam or sgd");
    };
    ClassScore s = switch (score) {
      case "log-softmax" -> ClassScore.LOG_SOFTMAX;
      case "logit" -> ClassScore.LOGIT;
      default -> throw new IllegalArgumentException("--score '" + score + "' is not log-softmax or logit");
    };
    StartPoint sp = switch (start) {
      case "mean" -> StartPoint.MEAN;
      case "zeros" -> StartPoint.ZEROS;
      case "noise" -> StartPoint.NOISE;
      default -> throw new IllegalArgumentException("--start '" + start + "' is not mean, zeros or noise");
    };
    boolean fromData = switch (codePrior) {
      case "data" -> true;
      case "normal" -> false;
      default -> throw new IllegalArgumentException("--code-prior '" + codePrior + "' is not data or normal");
    };
    PrototypeSettings defaults = PrototypeSettings.defaults();
    PrototypeSettings settings = new PrototypeSettings(s, new SigmoidPixels(range.get(0), range.get(1)),
        defaults.ascent().withOptimizer(opt).withSteps(steps).withSeed(seed));
    PrototypeRecipe base = PrototypeRecipe.defaults();
    return base.withSettings(settings).withStart(sp).withWeights(l2Weight, expertWeight, codePenalty)
        .withCodePriorFromData(fromData)
        .withFitter(base.fitter()
            .withMixture(base.fitter().mixture().withComponents(components).withSeed(seed))
            .withRbm(base.fitter().rbm().withGibbsSteps(gibbsSteps).withSeed(seed)))
        .withSamples(fitSamples, base.priorSamples());
  }

  /** Training and held-out images and a name for them. */
  private record Data(Tensor training, Tensor heldOut, String name) {}

  private Data data() throws IOException {
    if (fitOn.equals("mnist")) {
      Mnist mnist = Mnist.load();
      return new Data(mnist.train().images(), mnist.test().images(), "mnist (bundled, " + Mnist.TRAIN_SIZE
          + " training and " + Mnist.TEST_SIZE + " held-out digits)");
    }
    Path dir = Path.of(fitOn);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--fit-on '" + fitOn + "' is neither mnist nor a folder");
    }
    Tensor all = Npy.read(dir.resolve(INPUTS));
    int n = all.shape().dim(0);
    int held = n / HELD_OUT_PARTS;
    if (all.rank() < 2 || n - held < 2) {
      throw new IllegalArgumentException(dir.resolve(INPUTS) + " must hold at least 2 images [N, ...], got shape "
          + all.shape());
    }
    return new Data(all.slice0(0, n - held), held > 0 ? all.slice0(n - held, n) : null,
        dir.resolve(INPUTS) + " (" + (n - held) + " training, " + held + " held-out images)");
  }

  /**
   * The classes of a list such as {@code 0-9} or {@code 1,3,7-9}, in order, without repeats.
   *
   * @throws IllegalArgumentException naming the part that is not a class or range
   */
  static int[] parseClasses(String list) {
    TreeSet<Integer> seen = new TreeSet<>();
    List<Integer> out = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.strip();
      try {
        int dash = p.indexOf('-', 1);
        int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
        int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
        if (from < 0 || to < from) {
          throw new NumberFormatException();
        }
        for (int c = from; c <= to; c++) {
          if (seen.add(c)) {
            out.add(c);
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--classes '" + list + "': '" + p + "' is not a class or a range a-b of "
            + "classes (a <= b, both >= 0)");
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private PrototypeProgress progress(PrintStream stream) {
    if (quiet) {
      return PrototypeProgress.silent();
    }
    return new PrototypeProgress() {
      @Override
      public TrainingListener fitting(String task) {
        return new ProgressBarListener(task, stream);
      }

      @Override
      public AscentListener ascent(String task, int total) {
        ProgressBar bar = ProgressBars.start(task, total, stream);
        return p -> {
          bar.stepTo(p.step());
          bar.setExtraMessage(String.format(Locale.ROOT, "objective %.4f", p.value()));
          if (p.step() == p.steps()) {
            bar.close();
          }
        };
      }
    };
  }
}
