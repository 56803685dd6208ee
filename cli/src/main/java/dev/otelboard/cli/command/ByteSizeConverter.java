package dev.otelboard.cli.command;

import java.util.Locale;
import picocli.CommandLine;

/** Reads sizes such as {@code 512m}, {@code 2g}, {@code 65536} (bytes) for memory options. */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
    switch (last) {
      case 'k' -> unit = 1024L;
      case 'm' -> unit = 1024L * 1024;
      case 'g' -> unit = 1024L * 1024 * 1024;
      default -> {}
    }
    String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
    try {
      long n = Long.parseLong(digits);
      if (n <= 0) {
        throw new CommandLine.TypeConversionException("size must be positive: " + value);
      }
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CommandLine.TypeConversionException(
          "not a size: '" + value + "' (use bytes or a number with k, m or g, e.g. 512m)");
    }
  }
}
