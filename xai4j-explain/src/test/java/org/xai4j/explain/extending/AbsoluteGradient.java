package org.xai4j.explain.extending;

import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.attribution.Gradient;
import org.xai4j.graph.Graph;

/**
 * An attribution method: the absolute gradient of the target, {@code |df/dx|} (Captum's
 * {@code Saliency(abs=True)}), at the input and at every hidden value.
 */
public record AbsoluteGradient() implements Attributor {
  @Override
  public Explainer prepare(Graph graph) {
    Explainer gradient = Gradient.plain().prepare(graph); // all the work that depends on the model, once
    return Explainer.of(graph, this, (input, target) -> {
      Attribution a = gradient.explain(input, target);
      return new Attribution(a.graph(), a.relevance().map(Math::abs), a.output(),
          value -> a.reached(value) ? a.at(value).map(Math::abs) : null);
    });
  }
}
