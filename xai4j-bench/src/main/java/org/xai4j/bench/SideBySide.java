package org.xai4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The side-by-side protocol of {@code ../shared/peers/scripts/sidebyside.sh} in one command: VGG-16,
 * batch 1, in {@code ROUNDS} rounds; each round runs the peers' script {@code sbs_torch.py}
 * (PyTorch forward, Zennit gradient and LRP composites, Captum Integrated Gradients, 2 threads) as a
 * subprocess, then the same calls in this JVM ({@link Vgg16Explanations}: one warm-up call and
 * {@code RUNS} timed ones, as the script times its peers), and prints per round and method the
 * peer's median, xai4j's median and the ratio xai4j / peer, then for every method the worst
 * (largest) ratio over the rounds, which is the figure to quote. The load average is printed
 * before each half of each round.
 *
 * <pre>{@code
 * java --add-modules=jdk.incubator.vector -Xms6g -Xmx6g -XX:+AlwaysPreTouch \
 *     -cp xai4j-bench/target/benchmarks.jar org.xai4j.bench.SideBySide [ROUNDS=3] [RUNS=3] [METHOD...]
 * }</pre>
 *
 * The peers are found in {@code $XAI4J_SHARED/peers} (default {@code ../shared/peers} from the
 * working directory) and run with {@code /usr/bin/python3} (override with {@code $XAI4J_PYTHON}).
 * Without PyTorch or the peers' sources only xai4j's column is printed, and the run says so.
 * {@code xai4j-bench/sidebyside.sh} builds the jar if needed and runs this with the flags above.
 */
public final class SideBySide {
  private static final double NANOS_PER_MILLI = 1e6;
  private static final int DEFAULT_ROUNDS = 3;
  private static final int DEFAULT_RUNS = 3;

  private SideBySide() {}

  /** A median and minimum in milliseconds. */
  record Timing(double median, double min) {
    static Timing of(double[] ms) {
      double[] s = ms.clone();
      Arrays.sort(s);
      return new Timing(s[(s.length - 1) / 2], s[0]);
    }
  }

  /** Runs the rounds; see the class documentation for the arguments. */
  public static void main(String[] args) throws IOException, InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RUNS;
    List<String> methods = args.length > 2 ? List.of(args).subList(2, args.length) : Vgg16Explanations.SIDE_BY_SIDE;
    Path peers = Path.of(System.getenv().getOrDefault("XAI4J_SHARED", "../shared"), "peers");
    String python = System.getenv().getOrDefault("XAI4J_PYTHON", "/usr/bin/python3");
    boolean withPeers = Files.isRegularFile(peers.resolve("scripts/sbs_torch.py"));
    System.out.printf("SideBySide: VGG-16 batch 1, %d round(s) of %d timed call(s), %s kernels, %d threads, java %s%n",
        rounds, runs, Kernels.provider(), Parallelism.threads(), System.getProperty("java.version"));
    if (!Kernels.provider().equals("vector")) {
      System.out.println("WARNING: " + Kernels.provider() + " kernels (the vector kernels were not selected, see the"
          + " log above; on a loaded machine their start-up check can fail): these figures are not representative;"
          + " rerun with -Dxai4j.kernels=vector");
    }
    if (!withPeers) {
      System.out.println("no " + peers.resolve("scripts/sbs_torch.py") + ": xai4j's column only");
    }
    Vgg16 model = Vgg16.build(BenchFlags.SEED);
    Tensor image = Tensor.randomNormal(Shape.of(1, Vgg16.IMAGE_CHANNELS, Vgg16.SIDE, Vgg16.SIDE), 1f,
        new Random(BenchFlags.SEED));
    Map<String, Supplier<Tensor>> calls = new LinkedHashMap<>();
    for (String m : methods) {
      calls.put(m, Vgg16Explanations.of(m, model, image));
    }
    Map<String, Double> worst = new LinkedHashMap<>();
    for (int r = 1; r <= rounds; r++) {
      Map<String, Timing> peer = new LinkedHashMap<>();
      if (withPeers) {
        System.out.println("round " + r + ", peers, " + load());
        peer = peers(python, peers, runs, methods);
      }
      System.out.println("round " + r + ", xai4j, " + load());
      System.out.printf("  %-26s %10s %10s %10s %10s %8s%n", "method", "peer med", "peer min", "xai4j med",
          "xai4j min", "ratio");
      for (Map.Entry<String, Supplier<Tensor>> e : calls.entrySet()) {
        Timing ours = time(e.getValue(), runs);
        Timing theirs = peer.get(e.getKey());
        String ratio = "";
        if (theirs != null) {
          double q = ours.median() / theirs.median();
          worst.merge(e.getKey(), q, Math::max);
          ratio = String.format(Locale.ROOT, "%.2f", q);
        }
        System.out.printf(Locale.ROOT, "  %-26s %10s %10s %10.0f %10.0f %8s%n", e.getKey(),
            theirs == null ? "-" : String.format(Locale.ROOT, "%.0f", theirs.median()),
            theirs == null ? "-" : String.format(Locale.ROOT, "%.0f", theirs.min()), ours.median(), ours.min(), ratio);
      }
    }
    if (!worst.isEmpty()) {
      System.out.println("worst ratio xai4j / peer over " + rounds + " round(s), " + load());
      worst.forEach((m, q) -> System.out.printf(Locale.ROOT, "  %-26s %8.2f%n", m, q));
    }
  }

  /** One warm-up call, then {@code runs} timed calls (wall clock). */
  static Timing time(Supplier<Tensor> call, int runs) {
    call.get();
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      call.get();
      ms[i] = (System.nanoTime() - t) / NANOS_PER_MILLI;
    }
    return Timing.of(ms);
  }

  /** Runs {@code sbs_torch.py} and parses its lines {@code peer METHOD median_ms min_ms}. */
  private static Map<String, Timing> peers(String python, Path peers, int runs, List<String> methods)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python, peers.resolve("scripts/sbs_torch.py").toString(),
        Integer.toString(runs)));
    command.addAll(methods);
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("PYTHONPATH", peers.resolve("src/zennit/src") + ":" + peers.resolve("src/captum"));
    Process p = pb.start();
    Map<String, Timing> out = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 4 && f[0].equals("peer")) {
          out.put(f[1], new Timing(Double.parseDouble(f[2]), Double.parseDouble(f[3])));
        }
      }
    }
    if (p.waitFor() != 0) {
      System.out.println("  the peers' script exited with " + p.exitValue() + " (its error is above; PyTorch, Zennit and Captum need the packages of ../shared/peers/README.md): "
          + "xai4j's column only this round");
    }
    return out;
  }

  /** The load average as {@code uptime} shows it (or "load unknown" off Linux). */
  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "load average " + f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException e) {
      return "load unknown";
    }
  }
}
