package org.xai4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xai4j.io.AtomicFiles;
import picocli.CommandLine.Option;

/**
 * The {@code --force} option of every command that writes files, and the checks its outputs pass before the
 * command starts working: the folder an output goes into exists, no output is one of the command's inputs (or,
 * for an output folder, contains one), and an existing output is replaced only with {@code --force}. The files
 * themselves are written through {@link AtomicFiles} with {@link #existing()}, so the check is repeated, race-free,
 * when an output is moved into place. Public for {@code xai4j spark-explain}.
 */
public final class OutputOptions {
  @Option(names = "--force", description = "Replace existing output files or folders.")
  boolean force;

  /**
   * The command's input files by option name, from alternating option names and paths; a {@code null} path (an
   * option not given, or a bundled model rather than a file) is left out.
   */
  public static Map<String, Path> inputs(Object... optionsAndPaths) {
    Map<String, Path> m = new LinkedHashMap<>();
    for (int i = 0; i < optionsAndPaths.length; i += 2) {
      if (optionsAndPaths[i + 1] != null) {
        m.put((String) optionsAndPaths[i], (Path) optionsAndPaths[i + 1]);
      }
    }
    return m;
  }

  /** How {@link AtomicFiles} treats an existing target: replaced with {@code --force}, refused otherwise. */
  public AtomicFiles.Existing existing() {
    return force ? AtomicFiles.Existing.REPLACE : AtomicFiles.Existing.REFUSE;
  }

  /**
   * Checks an output file.
   *
   * @param option the option naming it, for messages ({@code --out})
   * @param inputs the command's input files (and its other outputs) by option name
   * @throws IllegalArgumentException naming the option and the path if a check fails
   */
  void checkFile(String option, Path file, Map<String, Path> inputs) {
    check(option, file, inputs);
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(option + " " + file + " is a folder; name a file");
    }
  }

  /**
   * Checks an output folder as {@code checkFile} checks a file, and also that it contains none of the inputs; an
   * existing file of that name is refused even with {@code --force}.
   *
   * @param option the option naming it, for messages ({@code --out})
   * @param inputs the command's input files (and its other outputs) by option name
   * @throws IllegalArgumentException naming the option and the path if a check fails
   */
  public void checkFolder(String option, Path folder, Map<String, Path> inputs) {
    check(option, folder, inputs);
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(option + " " + folder + " is a file; name a folder");
    }
    Path abs = folder.toAbsolutePath().normalize();
    inputs.forEach((name, in) -> {
      if (in.toAbsolutePath().normalize().startsWith(abs)) {
        throw new IllegalArgumentException(option + " " + folder + " contains " + name + " " + in
            + "; writing the folder would replace it");
      }
    });
  }

  private void check(String option, Path out, Map<String, Path> inputs) {
    Path parent = out.toAbsolutePath().normalize().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("the folder of " + option + " " + out + " does not exist: " + parent);
    }
    inputs.forEach((name, in) -> {
      if (same(in, out)) {
        throw new IllegalArgumentException(option + " " + out + " is the same file as " + name + "; choose another "
            + "output");
      }
    });
    if (!force && Files.exists(out)) {
      throw new IllegalArgumentException(option + " " + out + " exists; pass --force to replace it");
    }
  }

  /** Whether two paths name the same file: the same file on disk (hard links too) or the same normalized path. */
  private static boolean same(Path a, Path b) {
    if (Files.exists(a) && Files.exists(b)) {
      try {
        return Files.isSameFile(a, b);
      } catch (IOException e) {
        // fall back to comparing the paths
      }
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
