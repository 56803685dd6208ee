package dev.otelboard.cli.logconfig;

import java.util.List;

/**
 * The result of editing one logging config file.
 *
 * @param text the edited text (the input when nothing changed)
 * @param changes what was changed, with the 1-based line in the edited file
 * @param manual what could not be done automatically, with the reason
 */
public record LogConfigEdit(String text, List<Change> changes, List<String> manual) {
  /** One change: the line it starts at and a short description. */
  public record Change(int line, String what) {}
}
