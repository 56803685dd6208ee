package dev.otelboard.cli.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A type of a library's API, fully qualified with dots (nested types too:
 * {@code io.helidon.webserver.Routing.Builder}).
 *
 * @param name the fully qualified name
 * @param role how code uses it, where scan has to tell uses apart
 */
public record JavaType(String name, Role role) {

  /** How code uses a type. */
  public enum Role {
    /** Any other part of the API: created, extended, implemented, annotating, called. */
    API,
    /** A logger: fields and variables of this type write log records. */
    LOGGER,
    /** A Lombok annotation that generates a {@code log} field of the library's first LOGGER. */
    LOMBOK_LOGGER,
    /** A route builder whose methods return the same type, so a chain keeps its type. */
    FLUENT
  }

  /** Validates the name. */
  public JavaType {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    if (name.indexOf('.') < 0) {
      throw new IllegalArgumentException("not a fully qualified name: " + name);
    }
  }

  /** The name after the last dot. */
  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * Whether this is a nested type: a type (capitalized) segment precedes its simple name. Such a
   * name is reached through its outer type, never through an on-demand package import.
   */
  public boolean isNested() {
    String outer = name.substring(0, name.lastIndexOf('.'));
    String last = outer.substring(outer.lastIndexOf('.') + 1);
    return !last.isEmpty() && Character.isUpperCase(last.charAt(0));
  }
}
