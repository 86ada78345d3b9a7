package org.xai4j.visualize.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.xai4j.tensor.Tensor;

/**
 * Transforms applied in order (Lucid's {@code compose}); the backward pass runs them in reverse.
 *
 * @param steps the transforms, possibly none (the identity)
 */
public record Compose(List<Transform> steps) implements Transform {
  /** Copies the list. */
  public Compose {
    steps = List.copyOf(steps);
  }

  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    List<Transformed> done = new ArrayList<>(steps.size());
    Tensor x = image;
    for (Transform t : steps) {
      Transformed step = t.apply(x, random);
      done.add(step);
      x = step.output();
    }
    return new Transformed(x, g -> {
      Tensor grad = g;
      for (int i = done.size() - 1; i >= 0; i--) {
        grad = done.get(i).backward(grad);
      }
      return grad;
    });
  }

  /** These steps followed by {@code more}. */
  public Compose then(Transform... more) {
    List<Transform> all = new ArrayList<>(steps);
    all.addAll(List.of(more));
    return new Compose(all);
  }

  @Override
  public String description() {
    return steps.isEmpty() ? "none" : steps.stream().map(Transform::description).collect(Collectors.joining(", "));
  }
}
