package org.xai4j.bench;

import java.util.List;
import java.util.function.Supplier;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.explain.attribution.IntegratedGradients;
import org.xai4j.explain.attribution.Quadrature;
import org.xai4j.explain.lrp.Lrp;
import org.xai4j.explain.lrp.composite.Composites;
import org.xai4j.tensor.Tensor;

/**
 * The VGG-16 calls that the explanation timings ({@link ExplainCpuTime}, {@link SideBySide}) run,
 * by the names the peers' script {@code sbs_torch.py} uses: {@code forward} (the recorded forward
 * pass), {@code gradient} (plain gradient of the argmax logit), {@code ig} (Integrated Gradients, 50
 * steps, Riemann trapezoid, zero baseline, as Captum's; path points per pass by the library's
 * automatic rule) and any LRP composite of
 * {@link Composites#NAMES} (prepared once, as Zennit's composite is registered once).
 */
final class Vgg16Explanations {
  /** The side-by-side methods, in the peers' script's order. */
  static final List<String> SIDE_BY_SIDE = List.of("gradient", "epsilon-plus-flat", "epsilon-alpha2-beta1-flat",
      "ig", "forward");
  private static final int IG_STEPS = 50;

  private Vgg16Explanations() {}

  /**
   * One call of {@code method} on {@code images}, returning the relevance (the logits for
   * {@code forward}).
   *
   * @throws IllegalArgumentException naming the method and the choices if it is unknown
   */
  static Supplier<Tensor> of(String method, Vgg16 model, Tensor images) {
    return switch (method) {
      case "forward" -> () -> model.graph().forward(images).output();
      case "gradient" -> {
        Explainer gradient = Gradient.plain().prepare(model.graph());
        yield () -> gradient.explain(images, Target.argmax()).relevance();
      }
      case "ig" -> {
        Explainer ig = IntegratedGradients.defaults().withSteps(IG_STEPS)
            .withMethod(Quadrature.RIEMANN_TRAPEZOID).prepare(model.graph());
        yield () -> ig.explain(images, Target.argmax()).relevance();
      }
      default -> {
        if (!Composites.NAMES.contains(method)) {
          throw new IllegalArgumentException("unknown method '" + method + "': forward, gradient, ig or one of "
              + Composites.NAMES);
        }
        Explainer lrp = Lrp.of(Composites.byName(method, null, null)).prepare(model.graph());
        yield () -> lrp.explain(images, Target.argmax()).relevance();
      }
    };
  }
}
