package dev.otelboard.cli.onboard;

/**
 * One file onboard writes.
 *
 * @param path relative to the project directory, with forward slashes
 * @param before the current text, or null for a new file
 * @param after the new text
 */
public record FileEdit(String path, String before, String after) {
  /** The unified diff of this edit. */
  public String diff() {
    return UnifiedDiff.of(path, before, after);
  }
}
