package org.xai4j.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The Spark commands of {@code xai4j} ({@code ./xai4j spark-explain}, {@code ./xai4j spark-bench}), in their own JVM. */
@Command(name = "xai4j", mixinStandardHelpOptions = true, description = "xai4j on Apache Spark.",
    subcommands = {SparkExplainCommand.class, SparkBenchCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain {
  /** Runs a Spark subcommand and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkMain()).execute(args));
  }
}
