package org.xai4j.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of {@code -Dxai4j.kernels} ({@link Kernels#PROVIDER_PROPERTY}). */
enum KernelChoice {
  /** Vector kernels when {@code jdk.incubator.vector} is readable and passes the self-check, else scalar. */
  AUTO,
  /** Always the plain-Java kernels. */
  SCALAR,
  /** Always the Vector API kernels; fails when they cannot be loaded. */
  VECTOR;

  /** The property value naming this choice ("auto", "scalar", "vector"). */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a property value, ignoring case and surrounding blanks; {@code null} or blank means
   * {@link #AUTO}.
   *
   * @throws IllegalArgumentException for any other value, listing the choices
   */
  static KernelChoice parse(String value) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    String key = value.trim().toLowerCase(Locale.ROOT);
    for (KernelChoice choice : values()) {
      if (choice.key().equals(key)) {
        return choice;
      }
    }
    throw new IllegalArgumentException("-D" + Kernels.PROVIDER_PROPERTY + "=" + value + " is not one of "
        + Arrays.stream(values()).map(KernelChoice::key).collect(Collectors.joining(", ")));
  }
}
