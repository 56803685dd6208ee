package dev.otelboard.cli.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A method of a library that creates its objects, e.g. {@code LoggerFactory#getLogger}.
 *
 * @param type the fully qualified type that declares it
 * @param method the method name
 * @param returns the fully qualified type it returns where scan infers types from the call
 *     ({@code var} declarations, chained calls); empty where nothing needs it
 */
public record FactoryMethod(String type, String method, String returns) {

  /** Validates the names. */
  public FactoryMethod {
    requireNonNull(type, "type");
    requireNonNull(method, "method");
    requireNonNull(returns, "returns");
  }

  /** {@code type#method}, the key scan looks calls up by. */
  public String key() {
    return type + "#" + method;
  }
}
