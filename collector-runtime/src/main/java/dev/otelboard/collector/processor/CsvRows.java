package dev.otelboard.collector.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ParseCSV (ottlfuncs func_parse_csv): one value read the way the collector reads it, Go's
 * encoding/csv with any number of fields per record (strict or lazy quotes), records after the
 * first continuing the last field of the one before ("a,b\nc" is the fields a and "b\nc"); or,
 * in ignoreQuotes mode, a plain split.
 */
final class CsvRows {
  private final String input;
  private final int comma;
  private final boolean lazy;
  private int at;

  private CsvRows(String input, int comma, boolean lazy) {
    this.input = input;
    this.comma = comma;
    this.lazy = lazy;
  }

  static Object parseCsv(Args a) {
    String target = a.string(0);
    String header = a.string(1);
    String delimiter = a.literal(2, ",");
    if (delimiter.codePointCount(0, delimiter.length()) != 1) {
      throw a.fail("invalid arguments: delimiter must be a single character");
    }
    int comma = delimiter.codePointAt(0);
    String headerDelimiter = a.literal(3, delimiter);
    if (headerDelimiter.codePointCount(0, headerDelimiter.length()) != 1) {
      throw a.fail("invalid arguments: header_delimiter must be a single character");
    }
    String mode = a.literal(4, "strict");
    if (header.isEmpty()) {
      throw a.fail("headers must not be an empty string");
    }
    List<Object> headers = StringConverters.split(header, headerDelimiter);
    List<String> fields = switch (mode) {
      case "ignoreQuotes" -> StringConverters.split(target, delimiter).stream()
          .map(String::valueOf).toList();
      case "strict", "lazyQuotes" -> {
        if (comma == '"' || comma == '\r' || comma == '\n') {
          throw a.fail("read csv line: csv: invalid field or comment delimiter");
        }
        yield new CsvRows(target, comma, mode.equals("lazyQuotes")).row(a);
      }
      default -> throw a.fail("unknown mode: " + mode);
    };
    if (fields.size() != headers.size()) {
      throw a.fail("map csv headers: wrong number of fields: expected " + headers.size()
          + ", found " + fields.size());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      out.put(String.valueOf(headers.get(i)), fields.get(i));
    }
    return out;
  }

  /** parseutils.ReadCSVRow: every record, the later ones joined onto the first. */
  private List<String> row(Args a) {
    List<List<String>> lines = new ArrayList<>();
    while (at < input.length()) {
      String[] error = new String[1];
      List<String> record = record(error);
      if (record == null) {
        break;
      }
      if (error[0] != null && record.isEmpty()) {
        throw a.fail("read csv line: " + error[0]);
      }
      lines.add(record);
    }
    if (lines.isEmpty()) {
      throw a.fail("no csv lines found");
    }
    List<String> joined = new ArrayList<>(lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      List<String> next = lines.get(i);
      int last = joined.size() - 1;
      joined.set(last, joined.get(last) + "\n" + next.get(0));
      joined.addAll(next.subList(1, next.size()));
    }
    return joined;
  }

  /** A line with its '\n' (\r\n read as \n, a last \r dropped), or null at the end. */
  private String readLine() {
    if (at >= input.length()) {
      return null;
    }
    int nl = input.indexOf('\n', at);
    String line = nl < 0 ? input.substring(at) : input.substring(at, nl + 1);
    at = nl < 0 ? input.length() : nl + 1;
    if (nl < 0 && line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.endsWith("\r\n")) {
      line = line.substring(0, line.length() - 2) + "\n";
    }
    return line;
  }

  private static String noNl(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /** encoding/csv readRecord: the fields read (perhaps partial) and, in error[0], a parse error. */
  private List<String> record(String[] error) {
    String line;
    do {
      line = readLine();
      if (line == null) {
        return null;
      }
    } while (line.equals("\n") || line.isEmpty());
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String sep = new String(Character.toChars(comma));
    while (true) {
      if (line.isEmpty() || line.charAt(0) != '"') {
        int i = line.indexOf(sep);
        String f = i >= 0 ? line.substring(0, i) : noNl(line);
        if (!lazy && f.indexOf('"') >= 0) {
          error[0] = "bare \" in non-quoted-field";
          return fields;
        }
        fields.add(f);
        if (i >= 0) {
          line = line.substring(i + sep.length());
          continue;
        }
        return fields;
      }
      line = line.substring(1);
      field.setLength(0);
      while (true) {
        int i = line.indexOf('"');
        if (i >= 0) {
          field.append(line, 0, i);
          line = line.substring(i + 1);
          if (line.startsWith("\"")) {
            field.append('"');
            line = line.substring(1);
          } else if (line.startsWith(sep)) {
            line = line.substring(sep.length());
            fields.add(field.toString());
            break;
          } else if (line.isEmpty() || line.equals("\n")) {
            fields.add(field.toString());
            return fields;
          } else if (lazy) {
            field.append('"');
          } else {
            error[0] = "extraneous or missing \" in quoted-field";
            return fields;
          }
        } else if (!line.isEmpty()) {
          field.append(line);
          String next = readLine();
          line = next == null ? "" : next; // at the end, the branch below ends the field
        } else {
          if (!lazy) {
            error[0] = "extraneous or missing \" in quoted-field";
            return fields;
          }
          fields.add(field.toString());
          return fields;
        }
      }
    }
  }
}
