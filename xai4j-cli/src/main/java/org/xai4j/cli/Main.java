package org.xai4j.cli;

import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code xai4j} command: explains and interprets neural networks. Exit codes follow {@link Failures}: 0 ok,
 * 2 usage error, 3 bad model, input or limit, 1 internal error.
 */
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
        ReportCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  /** Name of the subcommand that prints the bash/zsh completion script. */
  static final String COMPLETION = "completion";

  @Mixin GlobalOptions global = new GlobalOptions();

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
    return configure(cli);
  }

  /**
   * Gives a command line the exit-code contract of {@link Failures}: one-line usage errors (exit code 2) and
   * one-line failures (3 for bad input, 1 for internal errors). Before a command runs (help needs neither), the
   * kernel thread count ({@code -Dxai4j.threads}) and kernel choice ({@code -Dxai4j.kernels}) are checked, so that
   * an invalid value fails every command alike, before it prints anything, instead of only those that reach a
   * kernel. For the Spark command line of {@code xai4j-spark} too, which also mixes in
   * {@link GlobalOptions}.
   *
   * @return {@code cli}
   */
  public static CommandLine configure(CommandLine cli) {
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setExecutionExceptionHandler(new Failures());
    cli.setExecutionStrategy(parsed -> {
      Integer help = CommandLine.executeHelpRequest(parsed);
      if (help != null) {
        return help;
      }
      try {
        Parallelism.threads();
        Kernels.provider();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
      }
      return new CommandLine.RunLast().execute(parsed);
    });
    return cli;
  }
}
