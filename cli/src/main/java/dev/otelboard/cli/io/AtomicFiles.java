package dev.otelboard.cli.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The one way otelboard writes a file: into a temporary file beside the target, then a move over
 * it, so a reader or a crash never sees half a file and a failed write leaves the old one intact.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code content} to {@code target}, replacing it atomically where the file system can. */
  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, content);
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes UTF-8 text atomically. */
  public static void write(Path target, String content) throws IOException {
    write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * One file of {@link #writeAll}.
   *
   * @param target where it goes
   * @param content the new text
   * @param previous its text now, or null when it does not exist yet (restored on failure)
   */
  public record Write(Path target, String content, String previous) {}

  /**
   * Writes several files as one unit, as far as a file system allows: every new text is staged in
   * a temporary file beside its target first (a failure there changes nothing), then moved over
   * it; if a move fails, the files already moved get their previous text back (new ones are
   * deleted) before the failure is rethrown.
   */
  public static void writeAll(List<Write> writes) throws IOException {
    List<Path> staged = new ArrayList<>();
    Deque<Path> createdDirs = new ArrayDeque<>();
    Deque<Write> moved = new ArrayDeque<>();
    boolean done = false;
    try {
      for (Write w : writes) {
        Path absolute = w.target().toAbsolutePath();
        createDirectories(absolute.getParent(), createdDirs);
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        staged.add(tmp);
        Files.write(tmp, w.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      for (int i = 0; i < writes.size(); i++) {
        move(staged.get(i), writes.get(i).target().toAbsolutePath());
        moved.push(writes.get(i));
      }
      done = true;
    } finally {
      for (Path tmp : staged) {
        Files.deleteIfExists(tmp);
      }
      if (!done) {
        restore(moved, createdDirs);
      }
    }
  }

  private static void restore(Deque<Write> moved, Deque<Path> createdDirs) throws IOException {
    for (Write w : moved) {
      if (w.previous() == null) {
        Files.deleteIfExists(w.target());
      } else {
        write(w.target(), w.previous());
      }
    }
    for (Path dir : createdDirs) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isEmpty()) {
          Files.delete(dir);
        }
      }
    }
  }

  /** Creates {@code dir} and its missing parents, remembering each created one (deepest first). */
  private static void createDirectories(Path dir, Deque<Path> created) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
      missing.push(d);
    }
    while (!missing.isEmpty()) {
      Path d = missing.pop();
      Files.createDirectory(d);
      created.push(d);
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
