package org.xai4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values shared by the commands; a failed check is a usage error (exit code 2) naming the option.
 * Public for the Spark commands of {@code xai4j-spark}.
 */
public final class OptionChecks {
  private OptionChecks() {}

  /**
   * Fails with {@code "OPTION must be at least 1, got V"} unless {@code value} is null (the option is
   * not given) or at least 1.
   */
  public static void requirePositive(CommandSpec spec, String option, Integer value) {
    if (value != null && value < 1) {
      throw new ParameterException(spec.commandLine(), option + " must be at least 1, got " + value);
    }
  }
}
