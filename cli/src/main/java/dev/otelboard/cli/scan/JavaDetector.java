package dev.otelboard.cli.scan;

/** Finds one concern in one parsed Java file. Implementations are stateless and thread-safe. */
interface JavaDetector {
  /** Adds findings and facts for {@code source}. */
  void detect(JavaSource source);
}
