package org.xai4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The one place in xai4j that writes output files and folders. A file is written to a temporary sibling
 * ({@code .<name>.<random>.part} in the same folder) and moved into place atomically, so readers never see half a
 * file and a failed write leaves neither a partial target nor the temporary file. A report of several files is
 * written to a temporary sibling folder that is moved into place whole ({@link #folder}), and a file with a
 * sidecar is written as a {@link Group} whose files all appear only once all of them are written.
 *
 * <p>Temporary files and folders are created with the process's default permissions (the umask applies, as for
 * any file the user creates) and are removed by a shutdown hook if the JVM stops while they exist (Ctrl-C). Only
 * {@link Existing#REPLACE} replaces an existing target; {@link Existing#REFUSE} fails with a
 * {@link FileAlreadyExistsException} and leaves the target untouched.
 */
public final class AtomicFiles {
  private static final String TEMP_SUFFIX = ".part";
  private static final String OLD_SUFFIX = ".old";

  private AtomicFiles() {}

  /** The content a writer produces. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole content to {@code out}; the stream is closed by the caller. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** What to do with a target that already exists. */
  public enum Existing {
    /** Replace it (atomically for a file; for a folder the old one is moved aside, then deleted). */
    REPLACE,
    /** Fail with a {@link FileAlreadyExistsException} and leave it untouched. */
    REFUSE
  }

  /**
   * Writes {@code file} atomically, replacing an existing file: {@code write(file, content, Existing.REPLACE)}.
   *
   * @throws IOException if writing or moving fails, including an exception thrown by {@code content}; the
   *     temporary file is removed and an existing {@code file} is left untouched
   */
  public static void write(Path file, Content content) throws IOException {
    write(file, content, Existing.REPLACE);
  }

  /**
   * Writes {@code file} atomically: the content goes to a temporary file in the same folder, which is then moved
   * onto {@code file}. The folder must exist.
   *
   * @throws FileAlreadyExistsException if {@code file} exists and {@code existing} is {@link Existing#REFUSE}
   * @throws IOException if writing or moving fails, including an exception thrown by {@code content}; the
   *     temporary file is removed and an existing {@code file} is left untouched
   */
  public static void write(Path file, Content content, Existing existing) throws IOException {
    try (Group g = new Group(existing)) {
      g.add(file, content);
      g.commit();
    }
  }

  /**
   * Like {@link #write(Path, Content)}, but first creates the folder of {@code file} (and its parents) if needed.
   *
   * @throws IOException if creating the folder, writing or moving fails (the temporary file is removed)
   */
  public static void writeCreatingDirectories(Path file, Content content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    write(file, content);
  }

  /** An empty group of files that appear together on {@link Group#commit()}. */
  public static Group group(Existing existing) {
    return new Group(existing);
  }

  /**
   * Starts a folder written as a whole: everything goes into {@link Folder#path()}, a temporary sibling of
   * {@code target}, which {@link Folder#commit()} moves into place. Closing an uncommitted folder deletes it, so
   * a failed or interrupted run leaves the old {@code target} intact or nothing.
   *
   * @throws FileAlreadyExistsException if {@code target} exists and {@code existing} is {@link Existing#REFUSE}
   * @throws IOException if the parent folder does not exist or the temporary folder cannot be created
   */
  public static Folder folder(Path target, Existing existing) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    refuseExisting(abs, existing);
    Path tmp = Pending.track(temporarySibling(abs, TEMP_SUFFIX));
    try {
      Files.createDirectory(tmp);
    } catch (IOException e) {
      Pending.untrack(tmp);
      throw e;
    }
    return new Folder(abs, tmp, existing);
  }

  private static void refuseExisting(Path target, Existing existing) throws FileAlreadyExistsException {
    if (existing == Existing.REFUSE && Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "exists and is not replaced");
    }
  }

  /** {@code .<name>.<random><suffix>} beside {@code target}. */
  private static Path temporarySibling(Path target, String suffix) {
    String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), Character.MAX_RADIX);
    return target.resolveSibling("." + target.getFileName() + "." + random + suffix);
  }

  /**
   * Files written to temporary siblings as they are added and moved into place together by {@link #commit()}.
   * Closing the group removes what was not committed. Not thread-safe.
   */
  public static final class Group implements AutoCloseable {
    private final Existing existing;
    private final Map<Path, Path> staged = new LinkedHashMap<>();

    private Group(Existing existing) {
      this.existing = existing;
    }

    /**
     * Writes {@code content} to a temporary sibling of {@code file}; {@code file} itself is untouched until
     * {@link #commit()}. The folder must exist.
     *
     * @throws FileAlreadyExistsException if {@code file} exists and the group refuses existing files
     * @throws IOException if writing fails (the temporary file is removed)
     */
    public Group add(Path file, Content content) throws IOException {
      Path abs = file.toAbsolutePath().normalize();
      if (staged.containsKey(abs)) {
        throw new IllegalArgumentException("file " + file + " is added twice");
      }
      refuseExisting(abs, existing);
      Path tmp = Pending.track(temporarySibling(abs, TEMP_SUFFIX));
      try {
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          content.writeTo(out);
        }
      } catch (IOException | RuntimeException | Error e) {
        delete(tmp);
        throw e;
      }
      staged.put(abs, tmp);
      return this;
    }

    /**
     * Moves every added file into place, in the order added.
     *
     * @throws FileAlreadyExistsException if a target appeared meanwhile and the group refuses existing files
     * @throws IOException if a move fails; the files not yet moved are removed on {@link #close()}
     */
    public void commit() throws IOException {
      for (var it = staged.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<Path, Path> e = it.next();
        if (existing == Existing.REPLACE) {
          Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
          // Without REPLACE_EXISTING the move checks that the target is absent, then renames within the folder.
          Files.move(e.getValue(), e.getKey());
        }
        Pending.untrack(e.getValue());
        it.remove();
      }
    }

    /** Removes the temporary files of everything not committed. */
    @Override
    public void close() throws IOException {
      for (Path tmp : staged.values()) {
        delete(tmp);
      }
      staged.clear();
    }
  }

  /** A folder being written; see {@link AtomicFiles#folder}. */
  public static final class Folder implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final Existing existing;
    private boolean committed;

    private Folder(Path target, Path tmp, Existing existing) {
      this.target = target;
      this.tmp = tmp;
      this.existing = existing;
    }

    /** Where the files go until {@link #commit()}: a temporary sibling of the target. */
    public Path path() {
      return tmp;
    }

    /** The folder that {@link #commit()} creates or replaces. */
    public Path target() {
      return target;
    }

    /**
     * Moves the folder into place. An existing target (with {@link Existing#REPLACE}) is first moved aside, then
     * deleted once the new folder is in place; if the new folder cannot be moved, the old one is moved back.
     *
     * @throws FileAlreadyExistsException if the target appeared meanwhile and the folder refuses existing targets
     * @throws IOException if a move fails
     */
    public void commit() throws IOException {
      if (committed) {
        throw new IllegalStateException("folder " + target + " is already committed");
      }
      Path old = null;
      if (Files.exists(target)) {
        refuseExisting(target, existing);
        old = Pending.track(temporarySibling(target, OLD_SUFFIX));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (old != null) {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
          Pending.untrack(old);
        }
        throw e;
      }
      committed = true;
      Pending.untrack(tmp);
      if (old != null) {
        delete(old);
      }
    }

    /** Deletes the temporary folder unless committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        delete(tmp);
      }
    }
  }

  /** Deletes a file or folder tree if present and stops tracking it. */
  private static void delete(Path path) throws IOException {
    try {
      deleteTree(path);
    } finally {
      Pending.untrack(path);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      List<Path> all = new ArrayList<>();
      try (Stream<Path> s = Files.walk(path)) {
        s.sorted(Comparator.reverseOrder()).forEach(all::add);
      } catch (NoSuchFileException gone) {
        return;
      }
      for (Path p : all) {
        try {
          Files.deleteIfExists(p);
        } catch (DirectoryNotEmptyException raced) {
          deleteTree(p);
        }
      }
    } else {
      Files.deleteIfExists(path);
    }
  }

  /** Temporary files and folders that exist right now; a shutdown hook removes them. */
  private static final class Pending {
    private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(Pending::removeAll, "xai4j-remove-temporary-files"));
    }

    private Pending() {}

    static Path track(Path p) {
      PATHS.add(p);
      return p;
    }

    static void untrack(Path p) {
      PATHS.remove(p);
    }

    private static void removeAll() {
      for (Path p : PATHS) {
        try {
          deleteTree(p);
        } catch (IOException | RuntimeException ignored) {
          // best effort while the JVM stops: nothing is left to report to
        }
      }
    }
  }
}
