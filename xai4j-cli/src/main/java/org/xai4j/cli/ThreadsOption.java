package org.xai4j.cli;

import org.xai4j.kernel.Parallelism;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --threads N} option of every command that computes (a picocli mixin): the number of
 * kernel threads, the same setting as {@code -Dxai4j.threads=N}. It is applied while the command line
 * is parsed, before the kernels start; a JVM's thread count is fixed from then on.
 */
final class ThreadsOption {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--threads", paramLabel = "N",
      description = "Kernel threads (default: the available processors, or -Dxai4j.threads).")
  void threads(int n) {
    OptionChecks.requirePositive(spec, "--threads", n);
    System.setProperty(Parallelism.THREADS_PROPERTY, Integer.toString(n));
    if (Parallelism.threads() != n) {
      throw new ParameterException(spec.commandLine(), "--threads " + n + ": this JVM's kernels already run on "
          + Parallelism.threads() + " thread(s)");
    }
  }
}
