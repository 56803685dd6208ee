package dev.otelboard.cli.scan;

/** Where a file lives: service code or tests. Test findings never count toward coverage. */
public enum Scope {
  /** Service code (anything not under a test source root). */
  MAIN,
  /** src/test, src/it, src/integrationTest, src/testFixtures... */
  TEST;

  /** The stable id used in JSON: {@code main} or {@code test}. */
  public String id() {
    return this == MAIN ? "main" : "test";
  }
}
