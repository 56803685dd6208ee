package dev.otelboard.cli.verify;

import java.util.List;

/**
 * A verify plan that cannot be used: every problem, each {@code file:line: key.path: what}. The
 * command prints them all and exits 3.
 */
public final class PlanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates the failure; {@code problems} is copied and not empty. */
  public PlanException(List<String> problems) {
    super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<String> problems() {
    return problems;
  }
}
