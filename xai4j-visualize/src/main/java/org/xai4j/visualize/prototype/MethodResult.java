package org.xai4j.visualize.prototype;

import java.util.List;
import java.util.Optional;
import org.xai4j.visualize.density.FitRecord;
import org.xai4j.visualize.density.FittedDensity;

/**
 * The prototypes one method found and their measured quality.
 *
 * @param method the method
 * @param description the objective, e.g. {@code log-softmax - 0.01 |x - x0|^2}
 * @param prototypes the prototypes, one per class
 * @param quality one entry per prototype, in class order
 * @param expert the method's expert and how it was fitted, for methods with an expert
 * @param expertFitted whether the expert was fitted in this run (rather than given)
 * @param seconds wall-clock time of the method: fitting its expert (if fitted here) and the ascent
 */
public record MethodResult(PrototypeMethod method, String description, Prototypes prototypes,
    List<PrototypeQuality> quality, Optional<FittedDensity> expert, boolean expertFitted, double seconds) {
  /** Copies the list. */
  public MethodResult {
    quality = List.copyOf(quality);
  }

  /** How the expert was fitted, for methods with an expert. */
  public Optional<FitRecord> fit() {
    return expert.map(FittedDensity::record);
  }

  /** The mean target probability over the classes. */
  public double meanTargetProbability() {
    return quality.stream().mapToDouble(PrototypeQuality::targetProbability).average().orElse(Double.NaN);
  }

  /** The smallest target probability over the classes. */
  public double minTargetProbability() {
    return quality.stream().mapToDouble(PrototypeQuality::targetProbability).min().orElse(Double.NaN);
  }

  /** The mean data distance over the classes. */
  public double meanDataDistance() {
    return quality.stream().mapToDouble(PrototypeQuality::dataDistance).average().orElse(Double.NaN);
  }

  /** The mean expert log-likelihood over the classes, for methods with an expert. */
  public Optional<Double> meanLogLikelihood() {
    return quality.get(0).logLikelihood().isPresent()
        ? Optional.of(quality.stream().mapToDouble(q -> q.logLikelihood().getAsDouble()).average().orElse(Double.NaN))
        : Optional.empty();
  }
}
