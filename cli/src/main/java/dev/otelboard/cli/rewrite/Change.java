package dev.otelboard.cli.rewrite;

/**
 * One change otelboard made or would make.
 *
 * @param file the file, relative to the project directory, with forward slashes
 * @param line the 1-based line (in the original file for code, in the edited file for config)
 * @param rewriteId the id of the rewrite that made it
 * @param description what changed
 */
public record Change(String file, int line, RewriteId rewriteId, String description) {
  @Override
  public String toString() {
    return file + ":" + line + "  " + rewriteId.id() + "  " + description;
  }
}
