package org.xai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Target;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.report.html.Table;
import org.xai4j.tensor.Tensor;

/**
 * The model-zoo step of {@code xai4j demo}: a reduced torchvision VGG-16 with batch norms from the
 * repository's test zoo ({@code zoo/vgg_bn}, exported by PyTorch 1.13, random weights with calibrated batch
 * norms; see {@code zoo/README.md}) explained by LRP with the EpsilonPlusFlat composite after canonization,
 * next to Zennit's float64 relevance of the same input with its VGG canonizer: relevance sums and the largest
 * pixel difference relative to Zennit's largest relevance.
 */
final class DemoZoo {
  /** The architecture shown. */
  static final String ARCHITECTURE = "vgg_bn";
  /** Its export. */
  static final String MODEL_FILE = "model-opset13.onnx";
  /** The composite, as xai4j names it. */
  static final String COMPOSITE = "epsilon-plus-flat";
  /** What the reference implementation claims. */
  static final String CLAIM = "Zennit (Anders et al. 2021) and Montavon et al. (2019): LRP needs the batch norms "
      + "merged into the convolutions first (canonization) to keep its rules' meaning; so canonized, an "
      + "implementation of the EpsilonPlusFlat composite is one well-defined computation, and two implementations "
      + "must agree up to floating-point error.";
  /** What the model is. */
  static final String NOTE = "A reduced torchvision VGG-16 with batch norms (configuration D, widths / 16, "
      + "classifier 1568-64-64-10) from the repository's test zoo, exported to ONNX by PyTorch 1.13 with random "
      + "weights and calibrated batch norms (zoo/README.md), on its committed 224 x 224 input. xai4j canonizes the "
      + "imported graph; the table compares its float32 relevance with Zennit's float64 relevance of the same "
      + "composite. The input is seeded noise, so a heatmap would show the method, not a learned concept.";
  private static final String ZENNIT_FILE = "lrp-EpsilonPlusFlat.npy";
  private static final String ZENNIT_KEY = "EpsilonPlusFlat";
  private static final String MARKER = "PROVENANCE.json";
  private static final String INPUT_FILE = "input.npy";

  private DemoZoo() {}

  /**
   * The explanations of the zoo inputs.
   *
   * @param table per input: target, logit, xai4j's and Zennit's relevance sum, largest relative difference
   * @param folder the zoo folder read
   * @param targets the explained class per input
   * @param largestDifference over the inputs, the largest pixel difference relative to Zennit's largest relevance
   * @param conservation per input, xai4j's relevance sum over the explained logit
   */
  record Result(Table table, Path folder, int[] targets, double largestDifference, double[] conservation) {
    /** What this run measured: the agreement with Zennit and the conservation. */
    String measured() {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (double c : conservation) {
        low = Math.min(low, c);
        high = Math.max(high, c);
      }
      return String.format(Locale.ROOT, "On %d input%s xai4j's relevance differed from Zennit's by at most %.2e of "
          + "Zennit's largest relevance, and its relevance sum was %s times the explained logit (the rest goes to the "
          + "biases and epsilon).", targets.length, targets.length == 1 ? "" : "s", largestDifference,
          low == high ? Table.number(low) : Table.number(low) + " to " + Table.number(high));
    }

    /** The {@code xai4j explain} command that computes the same relevance (from the repository root). */
    String command() {
      StringBuilder t = new StringBuilder();
      for (int k : targets) {
        t.append(t.length() == 0 ? "" : ",").append(k);
      }
      Path dir = Path.of("zoo", ARCHITECTURE);
      return "./xai4j explain --model " + dir.resolve(MODEL_FILE) + " --input " + dir.resolve(INPUT_FILE)
          + " --method lrp:" + COMPOSITE + " --target " + t + " --out " + ARCHITECTURE + "-lrp.npy";
    }
  }

  /** The zoo folder: {@code zoo/} in the working directory or a parent, if there is one. */
  static Optional<Path> locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("zoo");
      if (Files.isRegularFile(candidate.resolve(MARKER)) && Files.isDirectory(candidate.resolve(ARCHITECTURE))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Explains the architecture's committed inputs. */
  static Result run(Path zoo) {
    Path dir = zoo.resolve(ARCHITECTURE);
    try {
      Graph graph = OnnxImporter.read(dir.resolve(MODEL_FILE));
      Tensor x = Npy.read(dir.resolve(INPUT_FILE));
      Tensor zennit = Npy.read(dir.resolve(ZENNIT_FILE));
      JsonNode meta = new ObjectMapper().readTree(dir.resolve("meta.json").toFile());
      int[] targets = new int[x.shape().dim(0)];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = meta.get("targets").get(i).asInt();
      }
      LrpRules rules = LrpRules.of(Composites.byName(COMPOSITE, null, null)).withCanonizer(Canonizers.standard());
      Attribution r = Lrp.of(rules).prepare(graph).explain(x, Target.classes(targets));
      List<List<String>> rows = new ArrayList<>();
      double largest = 0;
      double[] conservation = new double[targets.length];
      for (int i = 0; i < targets.length; i++) {
        Tensor a = r.relevance().slice0(i, i + 1);
        Tensor b = zennit.slice0(i, i + 1);
        double difference = maxAbsDifference(a, b) / maxAbs(b);
        largest = Math.max(largest, difference);
        float logit = r.output().slice0(i, i + 1).getFlat(targets[i]);
        conservation[i] = a.sum() / logit;
        rows.add(List.of(Integer.toString(i), Integer.toString(targets[i]), Table.number(logit), Table.number(a.sum()),
            Table.number(meta.get("zennit").get(ZENNIT_KEY).get("relevance_sums").get(i).asDouble()),
            String.format(Locale.ROOT, "%.2e", difference)));
      }
      Table table = new Table(ARCHITECTURE + " (" + graph.parameterCount() + " parameters, " + graph.nodes().size()
          + " nodes), lrp:" + COMPOSITE + " with canonization, against Zennit's float64 relevance",
          List.of("input", "target", "logit", "xai4j sum", "Zennit sum", "max |xai4j - Zennit| / max |Zennit|"), rows);
      return new Result(table, zoo, targets, largest, conservation);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the zoo architecture " + dir + ": " + e.getMessage(), e);
    }
  }

  private static double maxAbsDifference(Tensor a, Tensor b) {
    float[] x = a.toArray();
    float[] y = b.toArray();
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      m = Math.max(m, Math.abs((double) x[i] - y[i]));
    }
    return m;
  }

  private static double maxAbs(Tensor a) {
    double m = 0;
    for (float v : a.toArray()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
