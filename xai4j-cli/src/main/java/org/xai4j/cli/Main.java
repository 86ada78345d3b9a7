package org.xai4j.cli;

import java.util.Map;
import org.xai4j.limit.Limit;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code xai4j} command: explains and interprets neural networks. Exit codes follow {@link Failures}: 0 ok,
 * 2 usage error, 3 bad model, input or limit, 1 internal error.
 */
@Command(
    name = "xai4j",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Interpret and explain deep neural networks on the JVM.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:internal error (a bug: please report it with the --verbose output)",
        "2:usage error (unknown option, missing or malformed value)",
        "3:bad model, input, option value or output path, or a resource limit exceeded"},
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

  @Spec CommandSpec spec;

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
    cli.setExecutionExceptionHandler(new Failures());
    return cli;
  }
}
