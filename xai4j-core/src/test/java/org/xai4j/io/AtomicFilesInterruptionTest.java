package org.xai4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM stopped while {@link AtomicFiles} has a file and a report folder half-written (SIGTERM, as on Ctrl-C or a
 * {@code kill}) leaves neither temporary behind, and the old file it was replacing is untouched: the shutdown hook
 * removes what is pending.
 */
class AtomicFilesInterruptionTest {
  private static final String READY = "half-written";

  /** Run in its own JVM: half-writes {@code DIR/report/} and {@code DIR/kept.txt}, says so, and waits to be stopped. */
  public static final class HalfWriter {
    private HalfWriter() {}

    /** {@code args[0]}: the folder to write in. */
    public static void main(String[] args) throws IOException {
      Path dir = Path.of(args[0]);
      AtomicFiles.Folder report = AtomicFiles.folder(dir.resolve("report"), AtomicFiles.Existing.REFUSE);
      Files.writeString(report.path().resolve("a.png"), "a");
      AtomicFiles.write(dir.resolve("kept.txt"), out -> {
        out.write("new and half".getBytes(StandardCharsets.UTF_8));
        out.flush();
        System.out.println(READY);
        System.out.flush();
        try {
          Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        } catch (InterruptedException e) {
          throw new InterruptedIOException("stopped");
        }
      });
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aStoppedJvmLeavesNoTemporaryFileOrFolderAndTheOldFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("kept.txt"), "old");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), HalfWriter.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals(READY, r.readLine());
      List<String> during = names(dir);
      assertEquals(3, during.size(), "the file, its temporary sibling and the temporary report folder: " + during);
      assertTrue(during.stream().filter(n -> !n.equals("kept.txt")).allMatch(n -> n.endsWith(".part")), during
          .toString());
      p.destroy();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM stops on SIGTERM");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(List.of("kept.txt"), names(dir));
    assertEquals("old", Files.readString(dir.resolve("kept.txt")));
  }
}
