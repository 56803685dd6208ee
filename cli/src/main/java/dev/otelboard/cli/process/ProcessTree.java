package dev.otelboard.cli.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A process and every descendant ever seen of it. A child whose parent died is re-parented (to
 * init or a subreaper) and no longer shows up in {@link ProcessHandle#descendants()} of the root,
 * so the tree remembers what it saw and is refreshed regularly while it runs. On Linux the root
 * also leads its own session ({@code setsid}), and every process still in that session counts as
 * part of the tree, which catches children that were orphaned before a refresh saw them (a
 * command that starts something in the background and exits at once). {@link ProcessHandle}
 * compares start times too, so a recycled pid is never mistaken for a descendant.
 */
final class ProcessTree {
  private static final Path PROC = Path.of("/proc");

  private final ProcessHandle root;
  private final boolean ownSession;
  private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

  ProcessTree(ProcessHandle root, boolean ownSession) {
    this.root = root;
    this.ownSession = ownSession;
  }

  ProcessHandle root() {
    return root;
  }

  /** Records the current descendants of the root and of every descendant seen before. */
  void refresh() {
    if (root.isAlive()) {
      root.descendants().forEach(seen::add);
    }
    for (ProcessHandle h : List.copyOf(seen)) {
      if (h.isAlive()) {
        h.descendants().forEach(seen::add);
      } else {
        seen.remove(h);
      }
    }
  }

  /** The root (if alive) and every live descendant or session member, after a refresh. */
  List<ProcessHandle> alive() {
    refresh();
    Set<ProcessHandle> alive = new LinkedHashSet<>();
    if (root.isAlive()) {
      alive.add(root);
    }
    for (ProcessHandle h : seen) {
      if (h.isAlive()) {
        alive.add(h);
      }
    }
    if (ownSession) {
      for (ProcessHandle h : sessionMembers(root.pid())) {
        if (h.isAlive()) {
          seen.add(h);
          alive.add(h);
        }
      }
    }
    return new ArrayList<>(alive);
  }

  /** Processes whose session id is {@code sid}, read from /proc; empty where there is no /proc. */
  static List<ProcessHandle> sessionMembers(long sid) {
    List<ProcessHandle> members = new ArrayList<>();
    if (!Files.isDirectory(PROC)) {
      return members;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path dir : dirs) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (session(dir).orElse(-1L) == sid) {
          ProcessHandle.of(pid).ifPresent(members::add);
        }
      }
    } catch (IOException e) {
      // /proc changed under us or is unreadable: the descendants seen so far still count.
    }
    return members;
  }

  private static Optional<Long> session(Path procDir) {
    try {
      String stat = Files.readString(procDir.resolve("stat"));
      // pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      if (fields[0].equals("Z")) {
        return Optional.empty();
      }
      return Optional.of(Long.parseLong(fields[3]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
