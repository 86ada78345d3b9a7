package org.xai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.xai4j.graph.NonFiniteException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The exit-code contract of every command: {@value #OK} success, {@value #USAGE} a usage error (picocli's own
 * handling: unknown option, missing or malformed value), {@value #BAD_INPUT} a bad model, input, option value,
 * output path or exceeded limit, {@value #INTERNAL} anything else (a bug). A failure prints one line naming the
 * file, node or option and what was expected; the stack trace only with {@code --verbose}.
 *
 * <p>Bad input is what xai4j's documented exceptions report: {@link IllegalArgumentException} (with
 * {@code OnnxImportException} and {@code LimitExceededException}), {@link IOException} and
 * {@link UncheckedIOException}, and {@link NonFiniteException}.
 */
final class Failures implements IExecutionExceptionHandler {
  /** Success. */
  static final int OK = 0;
  /** An internal error. */
  static final int INTERNAL = 1;
  /** A usage error reported by picocli. */
  static final int USAGE = 2;
  /** A bad model, input, option value, output path or exceeded limit. */
  static final int BAD_INPUT = 3;

  /** The option that asks for stack traces. */
  static final String VERBOSE = "--verbose";

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    int code = isBadInput(ex) ? BAD_INPUT : INTERNAL;
    err.println(code == BAD_INPUT ? message(ex) : "xai4j " + cli.getCommandName() + ": internal error: " + ex);
    if (verbose(parsed)) {
      ex.printStackTrace(err);
    } else if (code == INTERNAL) {
      err.println("run with --verbose for the stack trace, and please report it");
    }
    err.flush();
    return code;
  }

  /**
   * Whether {@code --verbose} was given to the command or to one of its parents: picocli hands the handler the
   * top-level parse result, and the inherited option is matched on the subcommand that names it.
   */
  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
      if (p.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code ex} reports bad input rather than a bug. */
  static boolean isBadInput(Throwable ex) {
    return ex instanceof IllegalArgumentException || ex instanceof IOException || ex instanceof UncheckedIOException
        || ex instanceof NonFiniteException;
  }

  /** The one-line message of a bad-input exception; file-system exceptions say what happened to which file. */
  static String message(Throwable ex) {
    Throwable e = ex instanceof UncheckedIOException u && u.getCause() != null && u.getMessage() == null
        ? u.getCause() : ex;
    String m = e instanceof FileSystemException f ? fileSystem(f) : e.getMessage();
    if (e instanceof UncheckedIOException u && u.getCause() instanceof FileSystemException f
        && !m.contains(f.getFile())) {
      m = m + ": " + fileSystem(f);
    }
    return m == null ? e.getClass().getSimpleName() : m.strip();
  }

  private static String fileSystem(FileSystemException f) {
    String what = f instanceof NoSuchFileException ? "no such file or folder"
        : f instanceof AccessDeniedException ? "permission denied"
        : f instanceof FileAlreadyExistsException ? "already exists" : f.getReason();
    return f.getFile() + ": " + (what == null ? f.getClass().getSimpleName() : what)
        + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
  }
}
