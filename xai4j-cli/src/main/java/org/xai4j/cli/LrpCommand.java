package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.xai4j.explain.canon.Canonizers;
import org.xai4j.explain.lrp.BoxBound;
import org.xai4j.explain.lrp.ConservationReport;
import org.xai4j.explain.lrp.InitialRelevance;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpResult;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.io.Npy;
import org.xai4j.onnx.OnnxImporter;
import org.xai4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xai4j lrp --model M.onnx --input X.npy --out R.npy --composite NAME [--canonize]
 * [--low L --high H] [--target T...] [--one-hot] [--per-layer S.json] [--rules]}: Layer-wise
 * Relevance Propagation of an ONNX model for a float32 {@code .npy} batch, writing the input
 * relevance as float32 {@code .npy}. The initial relevance is the target logit times a one-hot
 * (Zennit's convention) unless {@code --one-hot}; the target defaults to each sample's argmax.
 * Exit status 0 on success, 1 with a one-line reason otherwise.
 */
@Command(name = "lrp", mixinStandardHelpOptions = true,
    description = "Explain an ONNX model's decision with LRP (Zennit composites or deep Taylor).")
final class LrpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "M.onnx", description = "The ONNX model.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "X.npy", description = "The float32 input batch.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "R.npy", description = "Where to write the input relevance.")
  Path out;

  @Option(names = "--composite", defaultValue = "epsilon-plus-flat", paramLabel = "NAME",
      description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = CompositeNames.class)
  String composite;

  @Option(names = "--canonize",
      description = "Merge batch norms into the preceding layer and treat residual additions as sums first.")
  boolean canonize;

  @Option(names = "--low", paramLabel = "L", description = "Lowest input value (zB rule; with --high).")
  Float low;

  @Option(names = "--high", paramLabel = "H", description = "Highest input value (zB rule; with --low).")
  Float high;

  @Option(names = "--target", split = ",", paramLabel = "T",
      description = "Output index per sample, or one for all (default: each sample's argmax).")
  int[] target;

  @Option(names = "--one-hot", description = "Start from 1 at the target instead of the target logit.")
  boolean oneHot;

  @Option(names = "--per-layer", paramLabel = "S.json", description = "Write relevance sums per layer as JSON.")
  Path perLayer;

  @Option(names = "--rules", description = "Print the rule of every node.")
  boolean rules;

  /** The composite names for picocli's help and completion. */
  static final class CompositeNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Composites.NAMES.iterator();
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      Graph g = OnnxImporter.read(model);
      if (canonize) {
        g = Canonizers.standard().apply(g);
      }
      Lrp lrp = Lrp.of(g, Composites.byName(composite, bound(low), bound(high)));
      Tensor x = Npy.read(input);
      int[] targets = targets(lrp, x);
      LrpResult result = lrp.explain(x, oneHot ? InitialRelevance.oneHot(targets) : InitialRelevance.outputAtTarget(targets));
      Npy.write(out, result.relevance());
      if (perLayer != null) {
        byte[] report = json(result.conservation(), targets).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(perLayer, o -> o.write(report));
      }
      if (rules) {
        stdout.print(lrp.rules());
      }
      stdout.printf("%s: targets %s, relevance %s -> %s, sum/seed %s%n", composite, Arrays.toString(targets),
          result.relevance().shape(), out, Arrays.toString(result.conservation().row(g.inputs().get(0).name()).ratios()));
      stdout.flush();
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static BoxBound bound(Float v) {
    return v == null ? null : BoxBound.scalar(v);
  }

  private int[] targets(Lrp lrp, Tensor x) {
    int n = x.shape().dim(0);
    if (target == null) {
      Tensor logits = lrp.graph().forward(x).output();
      return logits.reshape(n, logits.size() / n).argmaxRows();
    }
    if (target.length == 1) {
      int[] all = new int[n];
      Arrays.fill(all, target[0]);
      return all;
    }
    return target;
  }

  /** The conservation report as JSON: one object per layer with per-sample sums and ratios. */
  static String json(ConservationReport report, int[] targets) {
    StringBuilder sb = new StringBuilder("{\n  \"targets\": ").append(Arrays.toString(targets)).append(",\n  \"layers\": [");
    for (int i = 0; i < report.rows().size(); i++) {
      ConservationReport.Row r = report.rows().get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("    {\"value\": ").append(quote(r.value()))
          .append(", \"op\": ").append(quote(r.op()))
          .append(", \"sums\": ").append(Arrays.toString(r.sums()))
          .append(", \"ratios\": ").append(Arrays.toString(r.ratios())).append('}');
    }
    return sb.append("\n  ]\n}\n").toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
