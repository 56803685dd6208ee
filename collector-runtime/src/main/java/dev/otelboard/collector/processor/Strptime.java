package dev.otelboard.collector.processor;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * The strptime directives of OTTL's Time and FormatTime (the collector's ctimefmt, which maps
 * each to a Go layout element), for the directives the sandbox runs: numbers flexible in width on
 * parse as Go's are (%m reads "1" or "01"), a fraction after the seconds read even when not
 * written, offsets as "Z" or ±hh[:]mm. A format using another directive is refused up front.
 */
final class Strptime {
  static final Set<Character> DIRECTIVES = Set.of('Y', 'y', 'm', 'd', 'e', 'H', 'I', 'p', 'P',
      'M', 'S', 'L', 'f', 's', 'z', 'j', 'b', 'h', 'B', 'a', 'A', 'F', 'T', 'D', 'R', '%', 'n',
      't');
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December"};
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday"};

  private Strptime() {}

  /** Null when the sandbox runs {@code format}, else the directive it lacks. */
  static String unsupported(String format) {
    for (int i = 0; i < format.length(); i++) {
      if (format.charAt(i) == '%') {
        if (i + 1 >= format.length() || !DIRECTIVES.contains(format.charAt(i + 1))) {
          return i + 1 >= format.length() ? "%" : "%" + format.charAt(i + 1);
        }
        i++;
      }
    }
    return null;
  }

  static String expand(String format) {
    return format.replace("%F", "%Y-%m-%d").replace("%T", "%H:%M:%S")
        .replace("%D", "%m/%d/%y").replace("%R", "%H:%M");
  }

  // ---- format ----------------------------------------------------------------------------

  static String format(String format, ZonedDateTime t) {
    String f = expand(format);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%' || i + 1 >= f.length()) {
        b.append(c);
        continue;
      }
      char d = f.charAt(++i);
      int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
      switch (d) {
        case 'Y' -> b.append(String.format("%04d", t.getYear()));
        case 'y' -> b.append(String.format("%02d", Math.floorMod(t.getYear(), 100)));
        case 'm' -> b.append(String.format("%02d", t.getMonthValue()));
        case 'd' -> b.append(String.format("%02d", t.getDayOfMonth()));
        case 'e' -> b.append(String.format("%2d", t.getDayOfMonth()));
        case 'H' -> b.append(String.format("%02d", t.getHour()));
        case 'I' -> b.append(String.format("%02d", hour12));
        case 'p' -> b.append(t.getHour() >= 12 ? "PM" : "AM");
        case 'P' -> b.append(t.getHour() >= 12 ? "pm" : "am");
        case 'M' -> b.append(String.format("%02d", t.getMinute()));
        case 'S' -> b.append(String.format("%02d", t.getSecond()));
        case 'L' -> fraction(b, t.getNano(), 3);
        case 'f' -> fraction(b, t.getNano(), 6);
        case 's' -> fraction(b, t.getNano(), 9);
        case 'z' -> offset(b, t.getOffset(), false, true);
        case 'j' -> offset(b, t.getOffset(), true, false);
        case 'b', 'h' -> b.append(MONTHS[t.getMonthValue() - 1], 0, 3);
        case 'B' -> b.append(MONTHS[t.getMonthValue() - 1]);
        case 'a' -> b.append(DAYS[t.getDayOfWeek().getValue() - 1], 0, 3);
        case 'A' -> b.append(DAYS[t.getDayOfWeek().getValue() - 1]);
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        default -> b.append('%');
      }
    }
    return b.toString();
  }

  /** Go's ".999" elements: digits without trailing zeros; the separator goes when none is left. */
  private static void fraction(StringBuilder b, int nanos, int digits) {
    String s = String.format("%09d", nanos).substring(0, digits).replaceFirst("0+$", "");
    if (s.isEmpty() && b.length() > 0 && (b.charAt(b.length() - 1) == '.'
        || b.charAt(b.length() - 1) == ',')) {
      b.setLength(b.length() - 1);
    }
    b.append(s);
  }

  private static void offset(StringBuilder b, ZoneOffset o, boolean colon, boolean zulu) {
    int secs = o.getTotalSeconds();
    if (zulu && secs == 0) {
      b.append('Z');
      return;
    }
    int abs = Math.abs(secs);
    b.append(secs < 0 ? '-' : '+').append(String.format("%02d", abs / 3600))
        .append(colon ? ":" : "").append(String.format("%02d", abs / 60 % 60));
  }

  // ---- parse -----------------------------------------------------------------------------

  /** Parses {@code value}; null (an error in Go) when it does not fit the format. */
  static ZonedDateTime parse(String format, String value, ZoneId location) {
    String f = expand(format);
    int[] fields = {1, 1, 1, 0, 0, 0, 0}; // year month day hour minute second nano
    int pm = -1;
    boolean hour12 = false;
    ZoneOffset offset = null;
    int v = 0;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%') {
        if (v >= value.length() || value.charAt(v) != c) {
          return null;
        }
        v++;
        continue;
      }
      char d = f.charAt(++i);
      int start = v;
      switch (d) {
        case 'Y' -> {
          v = digits(value, v, 4, 4);
          if (v < 0) {
            return null;
          }
          fields[0] = Integer.parseInt(value.substring(start, v));
        }
        case 'y' -> {
          v = digits(value, v, 2, 2);
          if (v < 0) {
            return null;
          }
          int yy = Integer.parseInt(value.substring(start, v));
          fields[0] = yy >= 69 ? 1900 + yy : 2000 + yy;
        }
        case 'm', 'd', 'e', 'H', 'I', 'M', 'S' -> {
          if (d == 'e' && v < value.length() && value.charAt(v) == ' ') {
            start = ++v;
          }
          v = digits(value, v, 1, 2);
          if (v < 0) {
            return null;
          }
          int n = Integer.parseInt(value.substring(start, v));
          int slot = switch (d) {
            case 'm' -> 1;
            case 'd', 'e' -> 2;
            case 'H', 'I' -> 3;
            case 'M' -> 4;
            default -> 5;
          };
          hour12 |= d == 'I';
          fields[slot] = n;
          if (d == 'S' && v + 1 < value.length() && (value.charAt(v) == '.'
              || value.charAt(v) == ',') && Character.isDigit(value.charAt(v + 1))
              && !(i + 2 < f.length() && (f.charAt(i + 1) == '.' || f.charAt(i + 1) == ','))) {
            int end = digits(value, v + 1, 1, 9);
            fields[6] = nanos(value.substring(v + 1, end));
            v = end;
          }
        }
        case 'L', 'f', 's' -> {
          int end = v;
          while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
          }
          if (end == v || end - v > 9) {
            return null;
          }
          fields[6] = nanos(value.substring(v, end));
          v = end;
        }
        case 'p', 'P' -> {
          String ampm = value.length() >= v + 2 ? value.substring(v, v + 2) : "";
          String want = d == 'p' ? ampm : ampm.toLowerCase(Locale.ROOT);
          if (!(d == 'p' ? want.equals("AM") || want.equals("PM")
              : ampm.equals("am") || ampm.equals("pm"))) {
            return null;
          }
          pm = ampm.equalsIgnoreCase("pm") ? 1 : 0;
          v += 2;
        }
        case 'z', 'j' -> {
          if (v < value.length() && value.charAt(v) == 'Z' && d == 'z') {
            offset = ZoneOffset.UTC;
            v++;
          } else {
            int[] parsed = zone(value, v, d == 'j');
            if (parsed == null && d == 'z') {
              parsed = zone(value, v, true);
            }
            if (parsed == null && d == 'z') {
              parsed = hoursOnly(value, v);
            }
            if (parsed == null) {
              return null;
            }
            offset = ZoneOffset.ofTotalSeconds(parsed[0]);
            v = parsed[1];
          }
        }
        case 'b', 'h', 'B', 'a', 'A' -> {
          String[] names = d == 'a' || d == 'A' ? DAYS : MONTHS;
          boolean full = d == 'B' || d == 'A';
          int found = -1;
          for (int k = 0; k < names.length && found < 0; k++) {
            String name = full ? names[k] : names[k].substring(0, 3);
            if (value.regionMatches(true, v, name, 0, name.length())) {
              found = k;
              v += name.length();
            }
          }
          if (found < 0) {
            return null;
          }
          if (d == 'b' || d == 'h' || d == 'B') {
            fields[1] = found + 1;
          }
        }
        case 'n', 't' -> {
          if (v >= value.length() || value.charAt(v) != (d == 'n' ? '\n' : '\t')) {
            return null;
          }
          v++;
        }
        default -> {
          if (v >= value.length() || value.charAt(v) != '%') {
            return null;
          }
          v++;
        }
      }
    }
    if (v != value.length()) {
      return null;
    }
    if (pm >= 0 || hour12) {
      if (fields[3] > 12) {
        return null;
      }
      fields[3] = pm == 1 && fields[3] < 12 ? fields[3] + 12
          : pm == 0 && fields[3] == 12 ? 0 : fields[3];
    }
    try {
      LocalDateTime local = LocalDateTime.of(fields[0], fields[1], fields[2], fields[3],
          fields[4], fields[5], fields[6]);
      if (offset == null) {
        return ZonedDateTime.of(local, location);
      }
      ZonedDateTime inLocation = local.atOffset(offset).atZoneSameInstant(location);
      return inLocation.getOffset().equals(offset) ? inLocation : local.atZone(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int min, int max) {
    int end = from;
    while (end < s.length() && end - from < max && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end - from < min ? -1 : end;
  }

  private static int nanos(String digits) {
    return Integer.parseInt((digits + "000000000").substring(0, 9));
  }

  private static int[] hoursOnly(String s, int at) {
    if (s.length() < at + 3 || (s.charAt(at) != '+' && s.charAt(at) != '-')
        || !Character.isDigit(s.charAt(at + 1)) || !Character.isDigit(s.charAt(at + 2))) {
      return null;
    }
    int secs = Integer.parseInt(s.substring(at + 1, at + 3)) * 3600;
    return new int[] {s.charAt(at) == '-' ? -secs : secs, at + 3};
  }

  /** ±hhmm (or ±hh:mm with {@code colon}); {seconds, end} or null. */
  private static int[] zone(String s, int at, boolean colon) {
    int len = colon ? 6 : 5;
    if (s.length() < at + len || (s.charAt(at) != '+' && s.charAt(at) != '-')) {
      return null;
    }
    String hh = s.substring(at + 1, at + 3);
    String mm = colon ? s.substring(at + 4, at + 6) : s.substring(at + 3, at + 5);
    if ((colon && s.charAt(at + 3) != ':') || !hh.chars().allMatch(Character::isDigit)
        || !mm.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int secs = Integer.parseInt(hh) * 3600 + Integer.parseInt(mm) * 60;
    return new int[] {s.charAt(at) == '-' ? -secs : secs, at + len};
  }
}
