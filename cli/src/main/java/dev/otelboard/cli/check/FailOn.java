package dev.otelboard.cli.check;

/** Which code findings fail the check. */
public enum FailOn {
  /** Findings onboard can fix (a rewrite id) fail; manual ones are warnings. The default. */
  UNINSTRUMENTED,
  /** Manual findings fail too. */
  MANUAL
}
