package org.xai4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the project's {@code shared/} folder (reference attributions, ONNX conformance cases),
 * which lives beside the repository checkout. Tests that need it skip with a message when it is
 * absent, so they never pass silently.
 */
public final class SharedFolder {
  /** System property that points at the shared folder explicitly. */
  public static final String PROPERTY = "xai4j.shared";

  private SharedFolder() {}

  /**
   * The sub-folder {@code name} of the shared folder ({@code reference}, {@code onnx-conformance}).
   * Looks at {@code -Dxai4j.shared}, then for {@code shared/NAME} in the working directory and each
   * of its parents. Skips the calling test if none exists.
   */
  public static Path require(String name) {
    String explicit = System.getProperty(PROPERTY);
    if (explicit != null) {
      Path p = Path.of(explicit, name).toAbsolutePath().normalize();
      Assumptions.assumeTrue(Files.isDirectory(p), "skipped: " + p + " (from -D" + PROPERTY + ") does not exist");
      return p;
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve(name);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    Assumptions.assumeTrue(false, "skipped: no shared/" + name + " folder beside " + start
        + " or any parent (set -D" + PROPERTY + "=DIR)");
    throw new AssertionError("unreachable");
  }
}
