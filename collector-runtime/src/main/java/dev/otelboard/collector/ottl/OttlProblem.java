package dev.otelboard.collector.ottl;

/**
 * One thing wrong with an OTTL statement group, located by item and column.
 *
 * @param item what the problem is in
 * @param index the 0-based position of the statement or condition in its list; -1 for the group
 * @param column the 1-based column in that statement or condition; 0 when not about one place
 * @param message what is wrong, one line
 */
public record OttlProblem(Item item, int index, int column, String message) {

  /** Where in a group a problem is. */
  public enum Item {
    /** An entry of {@code statements}. */
    STATEMENT,
    /** An entry of {@code conditions}. */
    CONDITION,
    /** The group as a whole, e.g. its {@code context}. */
    GROUP
  }

  /** E.g. {@code statement 2, column 14: undefined function "sett"} (index as written, 0-based). */
  @Override
  public String toString() {
    return switch (item) {
      case GROUP -> message;
      case STATEMENT -> "statement " + index + ", column " + column + ": " + message;
      case CONDITION -> "condition " + index + ", column " + column + ": " + message;
    };
  }
}
