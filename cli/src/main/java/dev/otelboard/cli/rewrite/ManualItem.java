package dev.otelboard.cli.rewrite;

/**
 * Something otelboard did not change and a person should look at.
 *
 * @param file the file, relative to the project directory (empty for project-wide items)
 * @param line the 1-based line, or 0 when it concerns the whole file
 * @param rewriteId the rewrite (or concern, such as a file that did not parse) it belongs to
 * @param reason why it was left alone and what to do
 */
public record ManualItem(String file, int line, RewriteId rewriteId, String reason) {
  @Override
  public String toString() {
    String where = file.isEmpty() ? "(project)" : line > 0 ? file + ":" + line : file;
    return where + "  " + rewriteId.id() + "  " + reason;
  }
}
