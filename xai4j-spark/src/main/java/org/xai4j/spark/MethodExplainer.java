package org.xai4j.spark;

import java.util.List;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.GradCam;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.GradientTimesInput;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Occlusion;
import org.xai4j.explain.attribution.Sensitivity;
import org.xai4j.explain.attribution.SmoothGrad;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpAttributor;
import org.xai4j.explain.lrp.composite.Composite;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * One attribution method prepared for one model, by its name in the method registry's syntax
 * ({@code gradient}, {@code lrp:epsilon-plus-flat}, {@code grad-cam:NODE}, ...): immutable and safe
 * to share between the tasks of an executor. LRP rules and their modified weights are prepared
 * once, here; every other method is an immutable configuration.
 */
final class MethodExplainer {
  /** The method names, without their {@code :ARGUMENT}. */
  static final List<String> NAMES = List.of("gradient", "sensitivity", "gradient-x-input", "integrated-gradients",
      "smoothgrad", "deconvnet", "guided-backprop", "grad-cam", "occlusion", "lrp");
  private static final int OCCLUSION_PATCH = 8;
  private static final int IMAGE_RANK = 4;

  private final String name;
  private final Graph graph;
  private final Attributor attributor;
  private final Lrp lrp;

  /** {@code attributor} configures the method; {@code lrp}, if not null, is it prepared for {@code graph}. */
  private MethodExplainer(String name, Graph graph, Attributor attributor, Lrp lrp) {
    this.name = name;
    this.graph = graph;
    this.attributor = attributor;
    this.lrp = lrp;
  }

  /**
   * Prepares method {@code name} for {@code graph}.
   *
   * @throws IllegalArgumentException naming the method and the choices if it is unknown, lacks its
   *     argument, or does not fit the graph
   */
  static MethodExplainer prepare(Graph graph, String name) {
    int colon = name.indexOf(':');
    String base = colon < 0 ? name : name.substring(0, colon);
    String argument = colon < 0 ? null : name.substring(colon + 1);
    if (base.equals("lrp")) {
      Composite c = Composites.byName(argument == null ? "epsilon-plus-flat" : argument, null, null);
      return new MethodExplainer(name, graph, LrpAttributor.of(c), Lrp.of(graph, c));
    }
    if (argument != null && !base.equals("grad-cam")) {
      throw new IllegalArgumentException("method '" + name + "' takes no ':' argument");
    }
    Attributor a = switch (base) {
      case "gradient" -> Gradient.plain();
      case "sensitivity" -> new Sensitivity();
      case "gradient-x-input" -> GradientTimesInput.plain();
      case "integrated-gradients" -> IntegratedGradients.defaults();
      case "smoothgrad" -> SmoothGrad.defaults();
      case "deconvnet" -> Gradient.deconvnet();
      case "guided-backprop" -> Gradient.guidedBackprop();
      case "grad-cam" -> gradCam(graph, name, argument);
      case "occlusion" -> occlusion(graph, name);
      default -> throw new IllegalArgumentException("unknown method '" + name + "'; choose one of " + NAMES
          + " (lrp:COMPOSITE, grad-cam:LAYER)");
    };
    return new MethodExplainer(name, graph, a, null);
  }

  private static Attributor gradCam(Graph graph, String name, String layer) {
    if (layer == null || !graph.hasValue(layer)) {
      throw new IllegalArgumentException("method '" + name + "' needs an existing layer: grad-cam:NODE");
    }
    return GradCam.of(layer);
  }

  private static Attributor occlusion(Graph graph, String name) {
    Shape s = graph.inputs().get(0).shapeForBatch(1);
    if (s.rank() != IMAGE_RANK) {
      throw new IllegalArgumentException("method '" + name + "' needs an image model [N, C, H, W], the input is "
          + graph.inputs().get(0));
    }
    int[] w = {s.dim(1), Math.min(OCCLUSION_PATCH, s.dim(2)), Math.min(OCCLUSION_PATCH, s.dim(3))};
    return Occlusion.of(w).withStrides(w);
  }

  /** The method's name as given. */
  String name() {
    return name;
  }

  /** The explained model. */
  Graph graph() {
    return graph;
  }

  /**
   * The method as an attributor, for metrics that explain perturbed copies of the input; for LRP
   * it prepares the rules on every call (until metrics take prepared methods).
   */
  Attributor attributor() {
    return attributor;
  }

  /** Explains a batch {@code [N, ...]} for {@code target}. */
  Attribution explain(Tensor input, Target target) {
    if (lrp != null) {
      var r = lrp.explain(input, target, true);
      return new Attribution(r.relevance(), r.output());
    }
    return attributor.explain(graph, input, target);
  }
}
