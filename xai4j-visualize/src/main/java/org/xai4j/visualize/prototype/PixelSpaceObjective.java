package org.xai4j.visualize.prototype;

import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.render.AscentContext;
import org.xai4j.visualize.render.AscentEvaluation;
import org.xai4j.visualize.render.AscentObjective;
import org.xai4j.visualize.render.ModelReadout;

/**
 * {@code sum_i score(c_i | x_i) + R(x_i)} over a batch of prototypes in pixel space, with
 * {@code x = SigmoidPixels.image(u)} and the parameter u optimized: one forward pass of the
 * classifier up to its logits, one reverse pass seeded there, the regularizer's own gradient, and
 * the chain rule through the sigmoid.
 */
record PixelSpaceObjective(ModelReadout classifier, String logits, int[] classes, ClassScore score,
    SigmoidPixels pixels, Regularizer regularizer) implements AscentObjective {
  @Override
  public AscentEvaluation evaluate(List<Tensor> parameters, AscentContext context) {
    Tensor u = parameters.get(0);
    Tensor x = pixels.image(u);
    ModelReadout.Reading reading = classifier.read(x);
    ClassScore.Scored s = score.score(reading.activation(logits), classes);
    Regularizer.Term term = regularizer.evaluate(x);
    Tensor gradient = reading.inputGradient(Map.of(logits, s.seed())).add(term.gradient());
    double[] perItem = s.values();
    double total = term.addTo(perItem);
    return new AscentEvaluation(total, perItem, List.of(pixels.parameterGradient(u, gradient)));
  }
}
