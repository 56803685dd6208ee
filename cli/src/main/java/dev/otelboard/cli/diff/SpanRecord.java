package dev.otelboard.cli.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * One span as the reader hands it on: reused for every span of a line, so reading allocates no
 * span objects. Attribute values are kept as text; structured values (arrays, maps) as {@code ""}.
 */
final class SpanRecord {
  long traceHi;
  long traceLo;
  long spanId;
  long parentId;
  String name = "";
  int kind;
  long startNanos;
  long endNanos;
  int statusCode;
  String scope = "";
  final List<String> keys = new ArrayList<>();
  final List<String> values = new ArrayList<>();

  void reset() {
    traceHi = 0;
    traceLo = 0;
    spanId = 0;
    parentId = 0;
    name = "";
    kind = 0;
    startNanos = 0;
    endNanos = 0;
    statusCode = 0;
    scope = "";
    keys.clear();
    values.clear();
  }

  /** The value of the first of {@code names} the span has, else null. */
  String attr(String... names) {
    for (String n : names) {
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i).equals(n)) {
          return values.get(i);
        }
      }
    }
    return null;
  }
}
