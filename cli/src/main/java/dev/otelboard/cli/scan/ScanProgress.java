package dev.otelboard.cli.scan;

/**
 * Receives progress while Java files are parsed. Called from parser threads after each file;
 * implementations must be thread-safe and cheap (throttle any printing).
 */
@FunctionalInterface
public interface ScanProgress {
  /** A listener that ignores progress. */
  ScanProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} Java files are parsed. */
  void update(int done, int total);
}
