package org.xai4j.visualize.prototype;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.xai4j.visualize.density.DensityKind;

/** The five ways xai4j finds class prototypes, with their command-line names. */
public enum PrototypeMethod {
  /** Plain activation maximization with the L2 regularizer towards the data mean. */
  L2("l2", null),
  /** With a full-covariance Gaussian expert. */
  GAUSSIAN("gaussian", DensityKind.GAUSSIAN),
  /** With a Gaussian-mixture expert. */
  GMM("gmm", DensityKind.MIXTURE),
  /** With a Gaussian-Bernoulli RBM expert. */
  RBM("rbm", DensityKind.RBM),
  /** In the code space of a decoder. */
  DECODER("decoder", null);

  private final String id;
  private final DensityKind expert;

  PrototypeMethod(String id, DensityKind expert) {
    this.id = id;
    this.expert = expert;
  }

  /** The command-line name. */
  public String id() {
    return id;
  }

  /** The kind of density expert the method uses, if any. */
  public Optional<DensityKind> expert() {
    return Optional.ofNullable(expert);
  }

  /**
   * The method of this name.
   *
   * @throws IllegalArgumentException listing the names if there is none
   */
  public static PrototypeMethod byId(String id) {
    for (PrototypeMethod m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown prototype method '" + id + "'; choose from "
        + Arrays.stream(values()).map(PrototypeMethod::id).collect(Collectors.joining(", ")));
  }
}
