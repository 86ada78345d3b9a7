package org.xai4j.visualize.objective;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * A differentiable scalar of a batch's activations (and of the image being optimized) that
 * feature visualization maximizes, declared before any model is bound, as Lucid's objectives.
 *
 * <p>Objectives combine linearly: {@link #plus}, {@link #minus}, {@link #times}, {@link #sum}, and
 * {@link #forItem} applies one to a single image of the batch, so that a batch can visualize
 * several objectives at once. {@link Objectives} creates the primitive ones.
 *
 * <p>Batch convention: an objective over the whole batch is the mean of its per-item values (as
 * Lucid's {@code channel} and Lucent's every objective), except the image penalties, which are
 * sums over the batch as in Lucid; an objective {@link #forItem for one item} is that item's value.
 */
public interface Objective {
  /** The model nodes this objective reads (possibly none, for an image penalty). */
  Set<String> nodes();

  /**
   * The channels (axis 1) of {@code node} whose values this objective reads, or empty if it may
   * read all of them (or the node is not one of {@link #nodes()}). Feature visualization uses it to
   * compute only those channels of the convolution that produces the node: a channel or neuron
   * objective on one of VGG-16 relu4_3's 512 channels needs one filter of the last convolution.
   */
  default Optional<SortedSet<Integer>> channelsRead(String node) {
    return Optional.empty();
  }

  /** Whether it reads the image (Lucid's {@code "input"}). */
  default boolean readsImage() {
    return false;
  }

  /**
   * The value and its gradients.
   *
   * @throws IllegalArgumentException naming the node, its shape and the objective if a value does
   *     not fit it (for example a channel index beyond the node's channels)
   */
  ObjectiveValue evaluate(Activations activations);

  /** A readable description, for example {@code channel(conv3, 5) - 0.5 * neuron(conv3, 7)}. */
  String description();

  /** This objective plus another. */
  default Objective plus(Objective other) {
    return LinearCombination.of(List.of(new WeightedTerm(1, this), new WeightedTerm(1, other)));
  }

  /** This objective minus another. */
  default Objective minus(Objective other) {
    return LinearCombination.of(List.of(new WeightedTerm(1, this), new WeightedTerm(-1, other)));
  }

  /** This objective times a finite constant. */
  default Objective times(double weight) {
    return LinearCombination.of(List.of(new WeightedTerm(weight, this)));
  }

  /**
   * This objective applied to batch item {@code item} alone (Lucid's {@code batch=} argument): the
   * other items get no gradient from it.
   */
  default Objective forItem(int item) {
    return new ForItem(this, item);
  }

  /** The sum of several objectives, at least one. */
  static Objective sum(List<? extends Objective> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a sum of objectives needs at least one term");
    }
    return LinearCombination.of(terms.stream().map(t -> new WeightedTerm(1, t)).toList());
  }
}
