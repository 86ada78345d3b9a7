package org.xai4j.spark.cli;

import org.xai4j.cli.GlobalOptions;
import org.xai4j.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The Spark commands of {@code xai4j} ({@code ./xai4j spark-explain}, {@code ./xai4j spark-bench}), in their own JVM,
 * with the options every {@code xai4j} command inherits ({@link GlobalOptions}: {@code --verbose},
 * {@code --limit}) and the exit-code contract of the default command line ({@link Main#configure}): 0 ok, 2 usage
 * error, 3 bad model, input, option value or output, or a resource limit exceeded, 1 internal error.
 */
@Command(name = "xai4j", mixinStandardHelpOptions = true, description = "xai4j on Apache Spark.",
    subcommands = {SparkExplainCommand.class, SparkBenchCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain {
  @Mixin GlobalOptions global = new GlobalOptions();

  /** Runs a Spark subcommand and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line. */
  public static CommandLine commandLine() {
    return Main.configure(new CommandLine(new SparkMain()));
  }
}
