package dev.otelboard.cli.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@code otelboard onboard} does for a library, in scan's vocabulary.
 *
 * @param rewrite the id of the rewrite (or onboard step) that handles it, {@link #MANUAL} when a
 *     person has to act, or {@link #NONE} when nothing changes
 * @param artifacts what the rewrite adds to the pom, in order
 * @param note for {@link #MANUAL}, what the person has to do (scan reports it with each finding);
 *     otherwise a short remark for the support matrix, or empty
 */
public record Onboarding(String rewrite, List<Artifact> artifacts, String note) {
  /** A person has to act; the note says what. */
  public static final String MANUAL = "manual";
  /** Nothing to change. */
  public static final String NONE = "none";

  /** Validates the values. */
  public Onboarding {
    requireNonNull(rewrite, "rewrite");
    requireNonNull(note, "note");
    artifacts = List.copyOf(artifacts);
    if (rewrite.equals(MANUAL) && note.isEmpty()) {
      throw new IllegalArgumentException("a manual library needs a note saying what to do");
    }
  }

  /** Handled by the rewrite {@code id}, which adds {@code artifacts}. */
  static Onboarding rewrite(String id, String note, Artifact... artifacts) {
    return new Onboarding(id, List.of(artifacts), note);
  }

  /** A person acts; {@code reason} says what. */
  static Onboarding manual(String reason) {
    return new Onboarding(MANUAL, List.of(), reason);
  }

  /** Nothing changes for the library itself. */
  static Onboarding none(String note) {
    return new Onboarding(NONE, List.of(), note);
  }

  /** Whether a person has to act. */
  public boolean isManual() {
    return rewrite.equals(MANUAL);
  }
}
