package org.xai4j.visualize.blocks;

import java.util.Map;
import java.util.Set;
import org.xai4j.explain.Attribution;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.BackwardRule;
import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.Quadrature;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.LrpRules;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Node;
import org.xai4j.graph.Trace;
import org.xai4j.op.Gradients;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Attribution at a hidden layer of one image {@code [1, C, H, W]} (Olah et al. 2018, "The Building
 * Blocks of Interpretability"): what each channel at each position of a layer contributes to a
 * target, a class logit ({@code Target.classes(k)}) or a logit difference ({@link #logitDifference}).
 *
 * <ul>
 *   <li>{@link #gradient}: the layer's activation and the target's gradient with respect to it;
 *       activation x gradient is the paper's attribution. For a network that is positively
 *       homogeneous above the layer (ReLU, max pooling, no biases) it decomposes the target exactly:
 *       the values sum to the logit (or logit difference).
 *   <li>{@link #integratedGradients}: Integrated Gradients at the layer (Captum's
 *       {@code LayerIntegratedGradients} with a zero baseline): the layer's activation moves from 0 to
 *       its value while every other path from the input keeps its value; the values sum to
 *       {@code f(a) - f(0)} up to the quadrature error.
 *   <li>{@link #lrp}: LRP relevance arriving at the layer under any composite, the same tensor as
 *       {@code Lrp.of(rules).prepare(graph).explain(image, target).at(layer)}.
 * </ul>
 *
 * The reverse passes stop at the layer: nothing below it is computed.
 */
public final class HiddenAttribution {
  /** The method name of activation x gradient. */
  public static final String ACTIVATION_X_GRADIENT = "activation x gradient";
  /** The method name of Integrated Gradients at the layer. */
  public static final String INTEGRATED_GRADIENTS = "integrated gradients";
  private static final int IMAGE_RANK = 4;

  private HiddenAttribution() {}

  /**
   * The target {@code logit[a] - logit[b]} of a model with {@code classes} outputs, for one image.
   *
   * @throws IllegalArgumentException if a class is out of range or {@code a == b}
   */
  public static Target logitDifference(int classes, int a, int b) {
    if (a < 0 || b < 0 || a >= classes || b >= classes || a == b) {
      throw new IllegalArgumentException("a logit difference needs two different classes in [0, " + classes
          + "), got " + a + " and " + b);
    }
    float[] seed = new float[classes];
    seed[a] = 1;
    seed[b] = -1;
    return Target.outputSeed(Tensor.of(Shape.of(1, classes), seed));
  }

  /**
   * The activation of {@code layer} for {@code image} and the gradient of {@code target} with respect to it.
   *
   * @throws IllegalArgumentException if the image is not one sample, the layer is not a node of the
   *     graph or its value is not {@code [1, C, H, W]}
   */
  public static LayerGradient gradient(Graph graph, Tensor image, String layer, Target target) {
    requireOneImage(image);
    Trace trace = graph.forward(image);
    Tensor activation = layerValue(trace, layer);
    Tensor grad = gradientAt(trace, layer, target);
    return new LayerGradient(layer, chw(activation), chw(grad), trace.output());
  }

  /**
   * Integrated Gradients at {@code layer} with a zero baseline: {@code a * sum_i w_i grad f(alpha_i a)}
   * over {@code steps} Gauss-Legendre points.
   *
   * @throws IllegalArgumentException as {@link #gradient}, or if {@code steps < 1}
   */
  public static LayerAttribution integratedGradients(Graph graph, Tensor image, String layer, Target target,
      int steps) {
    requireOneImage(image);
    if (steps < 1) {
      throw new IllegalArgumentException("integrated gradients at a layer needs at least 1 step, got " + steps);
    }
    Node node = layerNode(graph, layer);
    Trace full = graph.forward(image);
    Tensor activation = layerValue(full, layer);
    Quadrature.Points points = Quadrature.GAUSS_LEGENDRE.points(steps);
    Tensor sum = Tensor.zeros(activation.shape());
    for (int i = 0; i < steps; i++) {
      Graph scaled = graph.withOp(layer, MappedOutput.scaled(node.op(), (float) points.alphas()[i]));
      Tensor g = gradientAt(scaled.forward(image), layer, target);
      sum = sum.add(g.mul((float) points.weights()[i]));
    }
    return new LayerAttribution(layer, INTEGRATED_GRADIENTS, chw(activation.mul(sum)));
  }

  /**
   * LRP relevance at {@code layer} for {@code image} under {@code rules}. The layer must survive the
   * rules' canonizer (a merged batch norm's node, for example, does not).
   *
   * @throws IllegalArgumentException as {@link #gradient}, or if no relevance reaches the layer
   */
  public static LayerAttribution lrp(LrpRules rules, Graph graph, Tensor image, String layer, Target target) {
    requireOneImage(image);
    Attribution r = Lrp.of(rules).prepare(graph).explain(image, target);
    layerNode(r.graph(), layer);
    return new LayerAttribution(layer, "lrp " + rules.composite(), chw(requireImageShape(layer, r.at(layer))));
  }

  /** The seeded reverse pass down to {@code layer} and no further. */
  private static Tensor gradientAt(Trace trace, String layer, Target target) {
    String value = target.value(trace.graph());
    BackwardRule stop = (n, ctx, signal) -> Gradients.of(new Tensor[n.inputs().size()], Map.of());
    return Backprop.run(trace, Map.of(value, target.seed(trace)), NodeRules.byName(Map.of(layer, stop)), false,
        Set.of(layer)).at(layer);
  }

  private static Node layerNode(Graph graph, String layer) {
    if (!graph.hasValue(layer) || graph.inputs().stream().anyMatch(i -> i.name().equals(layer))) {
      throw new IllegalArgumentException("no node named '" + layer + "' in the graph");
    }
    return graph.node(layer);
  }

  private static Tensor layerValue(Trace trace, String layer) {
    layerNode(trace.graph(), layer);
    return requireImageShape(layer, trace.get(layer));
  }

  private static Tensor requireImageShape(String layer, Tensor v) {
    if (v.rank() != IMAGE_RANK) {
      throw new IllegalArgumentException("layer '" + layer + "' has shape " + v.shape()
          + "; the building blocks need a convolutional layer [1, C, H, W]");
    }
    return v;
  }

  private static void requireOneImage(Tensor image) {
    if (image.rank() != IMAGE_RANK || image.shape().dim(0) != 1) {
      throw new IllegalArgumentException("the building blocks explain one image [1, C, H, W], got " + image.shape());
    }
  }

  private static Tensor chw(Tensor nchw) {
    Shape s = nchw.shape();
    return nchw.reshape(s.dim(1), s.dim(2), s.dim(3));
  }
}
