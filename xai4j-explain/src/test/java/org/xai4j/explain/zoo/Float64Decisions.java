package org.xai4j.explain.zoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.backprop.NodeRules;
import org.xai4j.graph.Node;
import org.xai4j.graph.Trace;
import org.xai4j.op.Clip;
import org.xai4j.op.Gradients;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The discrete decisions of a zoo model's float64 PyTorch pass that float32 rounding can flip
 * ({@code decisions.json}, recorded by {@code zoo/generate.py}): ReLU signs and ReLU6 bounds within
 * a small margin of the kink, and max-pool windows whose two largest inputs nearly tie. Each
 * recorded call is matched to the graph node whose input has the same shape and fingerprint
 * values; {@link #compare} then lists the decisions xai4j's float32 forward pass took the other
 * way, and {@link Comparison#asFloat64} is a reverse pass that takes them as float64 did, so that
 * a gradient difference can be split into flips and everything else.
 */
final class Float64Decisions {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fingerprint values must agree to this fraction of the tensor's largest magnitude. */
  private static final double FINGERPRINT_TOLERANCE = 1e-3;

  private final JsonNode sites;

  private Float64Decisions(JsonNode sites) {
    this.sites = sites;
  }

  /** The decisions of a zoo model. */
  static Float64Decisions of(ZooModel model) {
    try {
      return new Float64Decisions(JSON.readTree(model.dir().resolve("decisions.json").toFile()).get("sites"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The flips of one forward pass.
   *
   * @param unmatched recorded calls with fragile decisions that match no node (their flips are unknown)
   * @param flips per node, the flat output positions (Relu, Clip) or {@code [output, float64 choice,
   *     xai4j choice]} triples (MaxPool) decided differently
   * @param details one line per flip: the node, the position and both precisions' values
   */
  record Comparison(int unmatched, Map<String, List<int[]>> flips, List<String> details) {
    /** Number of flipped decisions. */
    int count() {
      return flips.values().stream().mapToInt(List::size).sum();
    }

    /** A reverse pass that takes every flipped decision as float64 did and is the gradient elsewhere. */
    NodeRules asFloat64() {
      Map<String, BackwardRule> rules = new HashMap<>();
      flips.forEach((node, list) -> rules.put(node, (n, ctx, signal) -> corrected(n, ctx, signal, list)));
      return NodeRules.byName(rules);
    }
  }

  /** Matches the recorded calls to the trace's nodes and lists the decisions xai4j took otherwise. */
  Comparison compare(Trace trace) {
    Set<String> used = new HashSet<>();
    Map<String, List<int[]>> flips = new HashMap<>();
    List<String> details = new ArrayList<>();
    int unmatched = 0;
    for (JsonNode site : sites) {
      if (site.get("fragile").isEmpty()) {
        continue;
      }
      Node node = find(trace, site, used);
      if (node == null) {
        unmatched++;
        continue;
      }
      used.add(node.name());
      List<int[]> flipped = flipsAt(node, trace.get(node.inputs().get(0)), site, details);
      if (!flipped.isEmpty()) {
        flips.put(node.name(), flipped);
      }
    }
    return new Comparison(unmatched, flips, details);
  }

  private static Node find(Trace trace, JsonNode site, Set<String> used) {
    String kind = site.get("kind").asText();
    Shape shape = shape(site.get("shape"));
    double tolerance = FINGERPRINT_TOLERANCE * site.get("scale").asDouble();
    for (Node n : trace.graph().nodes()) {
      if (!n.op().type().equals(kind) || used.contains(n.name()) || !trace.computed(n.inputs().get(0))) {
        continue;
      }
      Tensor x = trace.get(n.inputs().get(0));
      if (!x.shape().equals(shape)) {
        continue;
      }
      boolean same = true;
      for (int k = 0; k < site.get("fingerprint").size(); k++) {
        same &= Math.abs(x.getFlat(site.get("fingerprint_index").get(k).asInt())
            - site.get("fingerprint").get(k).asDouble()) <= tolerance;
      }
      if (same) {
        return n;
      }
    }
    return null;
  }

  private static List<int[]> flipsAt(Node node, Tensor x, JsonNode site, List<String> details) {
    List<int[]> out = new ArrayList<>();
    for (JsonNode f : site.get("fragile")) {
      if (node.op().type().equals("MaxPool")) {
        int first = f.get(1).asInt();
        int second = f.get(2).asInt();
        float a = x.getFlat(first);
        float b = x.getFlat(second);
        int ours = b > a ? second : a > b ? first : Math.min(first, second);
        if (ours != first) {
          out.add(new int[] {f.get(0).asInt(), first, ours});
          details.add(String.format("%s output %d: float64 max %.9g at input %d over %.9g at %d; float32 %.9g vs %.9g",
              node.name(), f.get(0).asInt(), f.get(3).asDouble(), first, f.get(4).asDouble(), second, a, b));
        }
      } else {
        int i = f.get(0).asInt();
        if (passes(node, x.getFlat(i)) != passes(node, f.get(1).asDouble())) {
          out.add(new int[] {i});
          details.add(String.format("%s input %d: float64 %.3g, float32 %.3g (tensor max %.3g)", node.name(), i,
              f.get(1).asDouble(), x.getFlat(i), site.get("scale").asDouble()));
        }
      }
    }
    return out;
  }

  /** Whether a Relu or Clip passes the gradient at input {@code z} (their ops' conventions). */
  private static boolean passes(Node node, double z) {
    if (node.op() instanceof Clip c) {
      return z >= c.min() && z <= c.max();
    }
    return z > 0;
  }

  private static Gradients corrected(Node node, org.xai4j.op.BackwardContext ctx, Tensor signal, List<int[]> flips) {
    float[] g = node.op().backward(ctx, signal).input(0).toArray();
    Tensor x = ctx.input(0);
    for (int[] f : flips) {
      if (f.length == 1) {
        g[f[0]] = passes(node, x.getFlat(f[0])) ? 0f : signal.getFlat(f[0]);
      } else {
        g[f[2]] -= signal.getFlat(f[0]);
        g[f[1]] += signal.getFlat(f[0]);
      }
    }
    return Gradients.ofInputs(Tensor.of(x.shape(), g));
  }

  private static Shape shape(JsonNode dims) {
    int[] d = new int[dims.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = dims.get(i).asInt();
    }
    return Shape.of(d);
  }
}
