package dev.otelboard.collector.processor;

import dev.otelboard.collector.processor.GoTime.Duration;
import dev.otelboard.collector.processor.GoTime.Time;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Time and duration converters (ottlfuncs func_time, func_formattime, func_now, func_unix*,
 * func_year...func_nanosecond, func_weekday, func_duration, func_hours...func_nanoseconds,
 * func_truncate_time). Times without an explicit zone are in the process's local zone, as Go's
 * time.Local (both read TZ).
 */
final class TimeConverters {
  private TimeConverters() {}

  static void register(Map<String, Converter> m) {
    m.put("Now", a -> new Time(Instant.now(), ZoneId.systemDefault()));
    m.put("Unix", a -> {
      long seconds = a.integer(0);
      long nanos = a.has(1) ? a.integer(1) : 0;
      return new Time(Instant.ofEpochSecond(seconds, nanos), ZoneId.systemDefault());
    });
    m.put("Time", TimeConverters::parse);
    m.put("FormatTime", a -> {
      Time t = time(a, 0);
      return Strptime.format(a.string(1), t.zoned());
    });
    m.put("UnixNano", a -> time(a, 0).unixNano());
    m.put("UnixMicro", a -> Math.floorDiv(time(a, 0).unixNano(), 1_000L));
    m.put("UnixMilli", a -> time(a, 0).instant().toEpochMilli());
    m.put("UnixSeconds", a -> time(a, 0).instant().getEpochSecond());
    m.put("Year", a -> (long) time(a, 0).zoned().getYear());
    m.put("Month", a -> (long) time(a, 0).zoned().getMonthValue());
    m.put("Day", a -> (long) time(a, 0).zoned().getDayOfMonth());
    m.put("Hour", a -> (long) time(a, 0).zoned().getHour());
    m.put("Minute", a -> (long) time(a, 0).zoned().getMinute());
    m.put("Second", a -> (long) time(a, 0).zoned().getSecond());
    m.put("Nanosecond", a -> (long) time(a, 0).zoned().getNano());
    m.put("Weekday", a -> (long) (time(a, 0).zoned().getDayOfWeek().getValue() % 7));
    m.put("TruncateTime", a -> time(a, 0).truncate(duration(a, 1)));
    m.put("Duration", a -> {
      String text = a.string(0);
      Long nanos = GoTime.parseDuration(text);
      if (nanos == null) {
        throw a.fail("time: invalid duration \"" + text + "\"");
      }
      return new Duration(nanos);
    });
    m.put("Hours", a -> split(duration(a, 0), 3_600_000_000_000L));
    m.put("Minutes", a -> split(duration(a, 0), 60_000_000_000L));
    m.put("Seconds", a -> split(duration(a, 0), 1_000_000_000L));
    m.put("Milliseconds", a -> duration(a, 0) / 1_000_000L);
    m.put("Microseconds", a -> duration(a, 0) / 1_000L);
    m.put("Nanoseconds", a -> duration(a, 0));
  }

  /** time.Duration.Hours() and friends: whole units plus the rest as a fraction. */
  private static double split(long nanos, long unit) {
    return (double) (nanos / unit) + (double) (nanos % unit) / unit;
  }

  private static Object parse(Args a) {
    String value = a.string(0);
    String format = a.string(1);
    if (format.isEmpty()) {
      throw a.fail("format cannot be nil");
    }
    ZoneId location;
    try {
      location = a.has(2) && !a.string(2).isEmpty() ? ZoneId.of(a.string(2))
          : format.endsWith("Z") ? java.time.ZoneOffset.UTC : ZoneId.systemDefault();
    } catch (DateTimeException e) {
      throw a.fail("failed to load location " + a.string(2));
    }
    if (value.isEmpty()) {
      throw a.fail("time cannot be nil");
    }
    ZonedDateTime t = Strptime.parse(format, value, location);
    if (t == null) {
      throw a.fail("parsing time \"" + value + "\" as \"" + format + "\": cannot parse");
    }
    return new Time(t.toInstant(), t.getZone());
  }

  private static Time time(Args a, int i) {
    Object v = a.value(i);
    if (v instanceof Time t) {
      return t;
    }
    throw a.fail("expected time but got " + Args.type(v));
  }

  private static long duration(Args a, int i) {
    Object v = a.value(i);
    if (v instanceof Duration d) {
      return d.nanos();
    }
    throw a.fail("expected duration but got " + Args.type(v));
  }
}
