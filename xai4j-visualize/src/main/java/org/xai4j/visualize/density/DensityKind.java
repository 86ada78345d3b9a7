package org.xai4j.visualize.density;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of {@link Density} xai4j fits, with the names the command line and the density files use. */
public enum DensityKind {
  /** {@link Gaussian}, fitted by {@link LedoitWolf}. */
  GAUSSIAN("gaussian"),
  /** {@link GaussianMixture}, fitted by {@link ExpectationMaximization}. */
  MIXTURE("gmm"),
  /** {@link GaussianBernoulliRbm}, fitted by {@link ContrastiveDivergence}. */
  RBM("rbm");

  private final String id;

  DensityKind(String id) {
    this.id = id;
  }

  /** The name: {@code gaussian}, {@code gmm} or {@code rbm}. */
  public String id() {
    return id;
  }

  /**
   * The kind of this name.
   *
   * @throws IllegalArgumentException listing the names if there is none of that name
   */
  public static DensityKind byId(String id) {
    for (DensityKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown density kind '" + id + "'; choose one of "
        + Arrays.stream(values()).map(DensityKind::id).collect(Collectors.joining(", ")));
  }
}
