package org.xai4j.op;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xai4j.kernel.Kernels;
import org.xai4j.kernel.Parallelism;

/**
 * Runs a test class's {@code main} in a child JVM with another kernel thread count (fixed per JVM)
 * and returns what it printed: for tests that compare bits across thread counts.
 */
final class ChildJvm {
  private static final long CHILD_SECONDS = 120;

  private ChildJvm() {}

  /**
   * The trimmed standard output of {@code main.main()} run with {@code -Dxai4j.threads=threads},
   * the extra {@code properties} and this JVM's kernels: on a busy machine the start-up throughput
   * check of another JVM may fall back to the scalar kernels, whose bits legitimately differ from
   * the vector ones, so the comparison is of thread counts only.
   *
   * @throws IllegalStateException if the child fails or takes longer than two minutes
   */
  static String output(Class<?> main, int threads, String... properties) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      command.add("--add-modules=jdk.incubator.vector");
    }
    command.add("-D" + Parallelism.THREADS_PROPERTY + "=" + threads);
    command.addAll(List.of(properties));
    command.add("-D" + Kernels.PROVIDER_PROPERTY + "=" + Kernels.provider());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("child JVM with " + threads + " thread(s) failed: " + out);
    }
    return out;
  }
}
