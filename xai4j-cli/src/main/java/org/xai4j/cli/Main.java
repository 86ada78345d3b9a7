package org.xai4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xai4j} command: explains and interprets neural networks. */
@Command(
    name = "xai4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Interpret and explain deep neural networks on the JVM.",
    footer = {"", "./xai4j spark-explain ...: explain a folder of images on Apache Spark (built on first use; "
        + "docs/spark.md)."},
    subcommands = {DemoCommand.class, InspectCommand.class, RunCommand.class, ExplainCommand.class,
        TrainCommand.class, EvaluateCommand.class,
        PrototypeCommand.class,
        VisualizeCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }
}
