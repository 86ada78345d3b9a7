package org.xai4j.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xai4j} command: explains and interprets neural networks. */
@Command(
    name = "xai4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Interpret and explain deep neural networks on the JVM.",
    footer = {"", "./xai4j spark-explain ...: explain a folder of images on Apache Spark (built on first use; "
        + "docs/spark.md).",
        "Shell completion: source <(./xai4j completion)"},
    subcommands = {DemoCommand.class, InspectCommand.class, RunCommand.class, ExplainCommand.class,
        TrainCommand.class, EvaluateCommand.class,
        PrototypeCommand.class,
        VisualizeCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  /** Name of the subcommand that prints the bash/zsh completion script. */
  static final String COMPLETION = "completion";

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().description("Print the bash/zsh completion script of xai4j: "
        + "source <(./xai4j completion)");
    completion.getCommandSpec().usageMessage().hidden(false);
    cli.addSubcommand(COMPLETION, completion);
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    return cli;
  }
}
