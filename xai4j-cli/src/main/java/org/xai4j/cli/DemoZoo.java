package org.xai4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private static final String ZENNIT_FILE = "lrp-EpsilonPlusFlat.npy";
  private static final String ZENNIT_KEY = "EpsilonPlusFlat";
  private static final String MARKER = "PROVENANCE.json";

  private DemoZoo() {}

  /**
   * The explanations of the zoo inputs.
   *
   * @param table per input: target, logit, xai4j's and Zennit's relevance sum, largest relative difference
   * @param folder the zoo folder read
   */
  record Result(Table table, Path folder) {}

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
      Tensor x = Npy.read(dir.resolve("input.npy"));
      Tensor zennit = Npy.read(dir.resolve(ZENNIT_FILE));
      JsonNode meta = new ObjectMapper().readTree(dir.resolve("meta.json").toFile());
      int[] targets = new int[x.shape().dim(0)];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = meta.get("targets").get(i).asInt();
      }
      LrpRules rules = LrpRules.of(Composites.byName(COMPOSITE, null, null)).withCanonizer(Canonizers.standard());
      Attribution r = Lrp.of(rules).prepare(graph).explain(x, Target.classes(targets));
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < targets.length; i++) {
        Tensor a = r.relevance().slice0(i, i + 1);
        Tensor b = zennit.slice0(i, i + 1);
        double difference = maxAbsDifference(a, b) / maxAbs(b);
        rows.add(List.of(Integer.toString(i), Integer.toString(targets[i]),
            Table.number(r.output().slice0(i, i + 1).getFlat(targets[i])), Table.number(a.sum()),
            Table.number(meta.get("zennit").get(ZENNIT_KEY).get("relevance_sums").get(i).asDouble()),
            String.format(java.util.Locale.ROOT, "%.2e", difference)));
      }
      Table table = new Table(ARCHITECTURE + " (" + graph.parameterCount() + " parameters, " + graph.nodes().size()
          + " nodes), lrp:" + COMPOSITE + " with canonization, against Zennit's float64 relevance",
          List.of("input", "target", "logit", "xai4j sum", "Zennit sum", "max |xai4j - Zennit| / max |Zennit|"), rows);
      return new Result(table, zoo);
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
