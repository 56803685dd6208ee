package dev.otelboard.cli.fleet;

import java.util.List;

/**
 * A fleet file or otelboard.yaml that cannot be used: every problem, each {@code file:line:
 * key.path: what}. Commands print them all and exit 3.
 */
public final class FleetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates the failure; {@code problems} is copied and not empty. */
  public FleetException(List<String> problems) {
    super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<String> problems() {
    return problems;
  }
}
