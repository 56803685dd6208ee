package dev.otelboard.collector.processor;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Go's time.Time (an instant shown in a zone: converters read the day or hour in that zone) and
 * time.Duration (int64 nanoseconds), the values OTTL's time converters pass between them. Like
 * the collector, the sandbox cannot store either in a record field or attribute.
 */
final class GoTime {
  /** Seconds from Go's zero time (January 1, year 1, UTC) to the Unix epoch. */
  private static final BigInteger ZERO_TO_UNIX = BigInteger.valueOf(62_135_596_800L);
  private static final BigInteger NANOS = BigInteger.valueOf(1_000_000_000L);

  private GoTime() {}

  /** A time.Time. */
  record Time(Instant instant, ZoneId zone) {
    ZonedDateTime zoned() {
      return instant.atZone(zone);
    }

    long unixNano() {
      return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** time.Time.Truncate: rounds down since Go's zero time, not since the Unix epoch. */
    Time truncate(long nanos) {
      if (nanos <= 0) {
        return this;
      }
      BigInteger abs = BigInteger.valueOf(instant.getEpochSecond()).add(ZERO_TO_UNIX)
          .multiply(NANOS).add(BigInteger.valueOf(instant.getNano()));
      BigInteger cut = abs.subtract(abs.mod(BigInteger.valueOf(nanos)))
          .subtract(ZERO_TO_UNIX.multiply(NANOS));
      BigInteger[] split = cut.divideAndRemainder(NANOS);
      return new Time(Instant.ofEpochSecond(split[0].longValue(), split[1].longValue()), zone);
    }
  }

  /** A time.Duration. */
  record Duration(long nanos) {}

  /** time.ParseDuration: e.g. "1h30m", "-1.5s", "300ms", "2us"; null when Go refuses it. */
  static Long parseDuration(String s) {
    String rest = s;
    boolean negative = false;
    if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
      negative = rest.charAt(0) == '-';
      rest = rest.substring(1);
    }
    if (rest.equals("0")) {
      return 0L;
    }
    if (rest.isEmpty()) {
      return null;
    }
    java.math.BigDecimal total = java.math.BigDecimal.ZERO;
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(\\d*)(\\.\\d*)?(ns|us|\u00b5s|\u03bcs|ms|s|m|h)").matcher(rest);
    int at = 0;
    while (at < rest.length()) {
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      String whole = m.group(1);
      String frac = m.group(2) == null ? "" : m.group(2);
      if (whole.isEmpty() && frac.length() <= 1) {
        return null;
      }
      long unit = switch (m.group(3)) {
        case "ns" -> 1L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> 1_000L;
      };
      total = total.add(new java.math.BigDecimal((whole.isEmpty() ? "0" : whole) + frac)
          .multiply(java.math.BigDecimal.valueOf(unit)));
      at = m.end();
    }
    java.math.BigInteger nanos = total.toBigInteger();
    if (nanos.bitLength() > 63) {
      return null;
    }
    return negative ? -nanos.longValue() : nanos.longValue();
  }
}
