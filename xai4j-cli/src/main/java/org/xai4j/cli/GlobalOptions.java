package org.xai4j.cli;

import java.util.Map;
import org.xai4j.limit.Limit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The options every command inherits from the top-level {@code xai4j} command (a picocli mixin), and the exit codes
 * its help lists ({@link Failures}): {@code --verbose} and {@code --limit KEY=N}. Mixed into {@link Main} and into
 * the Spark command line of {@code xai4j-spark}, so that both JVMs take the same options; public for the latter.
 */
@Command(exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:internal error (a bug: please report it with the --verbose output)",
        "2:usage error (unknown option, missing or malformed value)",
        "3:bad model, input, option value or output path, or a resource limit exceeded"})
public final class GlobalOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = Failures.VERBOSE, scope = ScopeType.INHERIT,
      description = "On failure, print the stack trace as well as the one-line message.")
  boolean verbose;

  /** {@code --limit KEY=N}: sets the system property of a resource limit for this run. */
  @Option(names = "--limit", scope = ScopeType.INHERIT, paramLabel = "KEY=N",
      description = "Raise or lower a resource limit (keys: tensor-elements, nodes, image-pixels, initializer-bytes; "
          + "docs/reliability.md), as -Dxai4j.limit.KEY=N does.")
  void limits(Map<String, String> limits) {
    limits.forEach((key, value) -> {
      Limit limit;
      try {
        limit = Limit.ofKey(key);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--limit " + key + "=" + value + ": " + e.getMessage());
      }
      String previous = System.setProperty(limit.property(), value);
      try {
        limit.value();
      } catch (IllegalArgumentException e) {
        restore(limit.property(), previous);
        throw new ParameterException(spec.commandLine(), "--limit " + key + "=" + value
            + " must be a positive whole number of " + limit.unit());
      }
    });
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
