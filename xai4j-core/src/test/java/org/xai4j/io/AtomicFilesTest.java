package org.xai4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
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

  private static void text(Path file, String s) throws IOException {
    AtomicFiles.write(file, out -> out.write(s.getBytes(StandardCharsets.UTF_8)), AtomicFiles.Existing.REFUSE);
  }

  @Test
  void filesGetTheUmasksPermissionsLikeAnyNewFile(@TempDir Path dir) throws IOException {
    Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
    Path file = dir.resolve("out.txt");
    AtomicFiles.write(file, out -> out.write(1));
    assertEquals(plain, Files.getPosixFilePermissions(file));
    AtomicFiles.Folder f = AtomicFiles.folder(dir.resolve("report"), AtomicFiles.Existing.REFUSE);
    f.commit();
    assertEquals(Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("plainDir"))),
        Files.getPosixFilePermissions(dir.resolve("report")));
  }

  @Test
  void refuseLeavesAnExistingFileAlone(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("out.txt");
    Files.writeString(file, "old");
    FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> text(file, "new"));
    assertTrue(e.getMessage().contains("out.txt"), e.getMessage());
    assertEquals("old", Files.readString(file));
    assertEquals(List.of("out.txt"), names(dir));
  }

  @Test
  void aGroupShowsNoFileUntilEveryFileIsWritten(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("grid.png");
    Path json = dir.resolve("grid.json");
    try (AtomicFiles.Group g = AtomicFiles.group(AtomicFiles.Existing.REFUSE)) {
      g.add(png, out -> out.write(1));
      assertThrows(IOException.class, () -> g.add(json, out -> {
        throw new IOException("disk full");
      }));
    }
    assertEquals(List.of(), names(dir));
    try (AtomicFiles.Group g = AtomicFiles.group(AtomicFiles.Existing.REFUSE)) {
      g.add(png, out -> out.write(1)).add(json, out -> out.write(2));
      assertEquals(List.of(), names(dir).stream().filter(n -> !n.startsWith(".")).toList());
      g.commit();
    }
    assertEquals(List.of("grid.json", "grid.png"), names(dir));
  }

  @Test
  void aFolderAppearsWholeOrNotAtAll(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report");
    try (AtomicFiles.Folder f = AtomicFiles.folder(report, AtomicFiles.Existing.REFUSE)) {
      text(f.path().resolve("a.png"), "a");
      assertEquals(1, names(dir).size());
      // not committed: an interrupted run
    }
    assertEquals(List.of(), names(dir));
    try (AtomicFiles.Folder f = AtomicFiles.folder(report, AtomicFiles.Existing.REFUSE)) {
      text(f.path().resolve("a.png"), "a");
      text(f.path().resolve("index.html"), "1");
      f.commit();
    }
    assertEquals(List.of("report"), names(dir));
    assertEquals(List.of("a.png", "index.html"), names(report));
    assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.folder(report, AtomicFiles.Existing.REFUSE));
  }

  @Test
  void replacingAFolderDropsTheOldFilesAndKeepsTheOldFolderUntilCommitted(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report");
    Files.createDirectories(report.resolve("sub"));
    Files.writeString(report.resolve("sub").resolve("stale.png"), "old");
    Files.writeString(report.resolve("index.html"), "old");
    try (AtomicFiles.Folder f = AtomicFiles.folder(report, AtomicFiles.Existing.REPLACE)) {
      text(f.path().resolve("index.html"), "new");
      assertEquals("old", Files.readString(report.resolve("index.html")));
      f.commit();
    }
    assertEquals(List.of("report"), names(dir));
    assertEquals(List.of("index.html"), names(report));
    assertEquals("new", Files.readString(report.resolve("index.html")));
  }
}
