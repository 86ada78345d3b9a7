package org.xai4j.spark;

import java.util.List;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.MethodOptions;
import org.xai4j.explain.Methods;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * One attribution method prepared for one model, by its name in the registry's syntax
 * ({@link Methods}: {@code gradient}, {@code lrp:epsilon-plus-flat}, {@code grad-cam:NODE}, ...)
 * and its options: immutable and safe to share between the tasks of an executor. All
 * preparation (LRP rules and their modified weights) happens once, here.
 */
final class MethodExplainer {
  /** The method names, without their {@code :ARGUMENT}. */
  static final List<String> NAMES = Methods.NAMES;

  private final String name;
  private final Explainer explainer;

  private MethodExplainer(String name, Explainer explainer) {
    this.name = name;
    this.explainer = explainer;
  }

  /**
   * Prepares method {@code name} with {@code options} for {@code graph}; occlusion sizes its window
   * from the graph's input shape.
   *
   * @throws IllegalArgumentException naming the method and the choices if it is unknown, lacks its
   *     argument, or does not fit the graph
   */
  static MethodExplainer prepare(Graph graph, String name, MethodOptions options) {
    Explainer e = Methods.attributor(name, options, graph.inputs().get(0).shapeForBatch(1))
        .prepare(graph);
    return new MethodExplainer(name, e);
  }

  /** The method's name as given. */
  String name() {
    return name;
  }

  /** The explained model. */
  Graph graph() {
    return explainer.graph();
  }

  /** The prepared method, for metrics that explain perturbed copies of the input. */
  Explainer explainer() {
    return explainer;
  }

  /** Explains a batch {@code [N, ...]} for {@code target}. */
  Attribution explain(Tensor input, Target target) {
    return explainer.explain(input, target);
  }
}
