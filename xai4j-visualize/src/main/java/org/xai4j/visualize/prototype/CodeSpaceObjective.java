package org.xai4j.visualize.prototype;

import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.render.AscentContext;
import org.xai4j.visualize.render.AscentEvaluation;
import org.xai4j.visualize.render.AscentObjective;
import org.xai4j.visualize.render.ModelReadout;

/**
 * {@code sum_i score(c_i | g(z_i)) - lambda |(z_i - mean) / std|^2} over a batch of codes ({@link CodePrior}) (Nguyen et al. 2016;
 * Montavon, Samek &amp; Mueller 2018, section 3.3): one forward pass of the composed graph
 * classifier(decoder(z)) and one reverse pass from its logits down to the code.
 */
record CodeSpaceObjective(ModelReadout composed, String logits, int[] classes, ClassScore score, CodePrior prior,
    double lambda) implements AscentObjective {
  @Override
  public AscentEvaluation evaluate(List<Tensor> parameters, AscentContext context) {
    Tensor z = parameters.get(0);
    ModelReadout.Reading reading = composed.read(z);
    ClassScore.Scored s = score.score(reading.activation(logits), classes);
    Regularizer.Term penalty = prior.penalty(z, lambda);
    Tensor gradient = reading.inputGradient(Map.of(logits, s.seed())).add(penalty.gradient());
    double[] perItem = s.values();
    double total = penalty.addTo(perItem);
    return new AscentEvaluation(total, perItem, List.of(gradient));
  }
}
