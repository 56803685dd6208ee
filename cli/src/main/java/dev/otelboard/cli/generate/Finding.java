package dev.otelboard.cli.generate;

/**
 * One problem found in a values file.
 *
 * @param severity errors stop generation or fail {@code --validate}; warnings are printed
 * @param path the key path in the values file, e.g. {@code config.service.pipelines.traces}
 * @param message what is wrong
 * @param schemaPath for a chart-schema violation, the schema location (e.g.
 *     {@code #/properties/image/properties/pullPolicy/enum}); otherwise null
 */
public record Finding(Severity severity, String path, String message, String schemaPath) {

  /** How bad a finding is. */
  public enum Severity {
    /** The chart or the collector would reject it, or it leaks a credential. */
    ERROR,
    /** Works, but probably not as intended. */
    WARNING
  }

  static Finding error(String path, String message) {
    return new Finding(Severity.ERROR, path, message, null);
  }

  static Finding warning(String path, String message) {
    return new Finding(Severity.WARNING, path, message, null);
  }

  /** {@code path: message (schema: ...)}. */
  @Override
  public String toString() {
    return (path.isEmpty() ? "" : path + ": ") + message
        + (schemaPath != null ? " (schema: " + schemaPath + ")" : "");
  }
}
