package dev.otelboard.collector.processor;

/**
 * A statement or condition the sandbox does not run, so that a caller can name it (with its
 * file:line) instead of skipping it silently.
 *
 * @param path where it sits in the processor's config, e.g. {@code log_statements[0].statements[2]}
 * @param text the statement or condition as written
 * @param why what the sandbox lacks, e.g. {@code converter UUID}
 */
public record Unsupported(String path, String text, String why) {
  @Override
  public String toString() {
    return text + ": " + why;
  }
}
