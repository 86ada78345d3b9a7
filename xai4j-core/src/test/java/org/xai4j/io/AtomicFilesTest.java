package org.xai4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void writesTheWholeContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.bin");
    byte[] content = new byte[100_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    AtomicFiles.write(file, out -> {
      out.write(content, 0, 40_000);
      out.write(content, 40_000, content.length - 40_000);
    });
    assertArrayEquals(content, Files.readAllBytes(file));
    assertEquals(List.of("out.bin"), names(dir));
  }

  @Test
  void replacesAnExistingFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.txt");
    Files.writeString(file, "an older and longer content");
    AtomicFiles.write(file, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertEquals("new", Files.readString(file));
    assertEquals(List.of("out.txt"), names(dir));
  }

  @Test
  void aThrowingWriterLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.txt");
    Files.writeString(file, "old");
    IOException boom = new IOException("boom");
    IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write("partial".getBytes(StandardCharsets.UTF_8));
      throw boom;
    }));
    assertSame(boom, thrown);
    assertEquals("old", Files.readString(file));
    assertEquals(List.of("out.txt"), names(dir));
  }

  @Test
  void aThrowingWriterCreatesNoFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.txt");
    RuntimeException boom = new IllegalStateException("boom");
    assertSame(boom, assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
      out.write(1);
      throw boom;
    })));
    assertEquals(List.of(), names(dir));
  }

  @Test
  void writeNeedsAnExistingFolderWhileTheVariantCreatesIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a").resolve("b").resolve("out.txt");
    assertThrows(NoSuchFileException.class, () -> AtomicFiles.write(file, out -> out.write(1)));
    AtomicFiles.writeCreatingDirectories(file, out -> out.write("x".getBytes(StandardCharsets.UTF_8)));
    assertEquals("x", Files.readString(file));
    assertEquals(List.of("out.txt"), names(file.getParent()));
  }
}
