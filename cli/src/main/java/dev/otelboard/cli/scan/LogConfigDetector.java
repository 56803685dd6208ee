package dev.otelboard.cli.scan;

import static dev.otelboard.cli.scan.FindingKind.JUL_CONFIG;
import static dev.otelboard.cli.scan.FindingKind.LOG4J1_CONFIG;
import static dev.otelboard.cli.scan.FindingKind.LOG4J2_CONFIG;
import static dev.otelboard.cli.scan.FindingKind.LOGBACK_CONFIG;
import static dev.otelboard.cli.scan.FindingKind.SPRING_LOGGING_PATTERN;

import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logging configuration files and whether what they print carries trace_id and span_id: Logback
 * and Log4j 2 (XML, YAML, JSON, properties), java.util.logging's logging.properties, Log4j 1.x,
 * and Spring Boot's {@code logging.pattern.*}. One finding per file, located at the first output
 * (pattern or encoder) that lacks the ids.
 */
final class LogConfigDetector {
  private static final Pattern XML_PATTERN_ELEMENT =
      Pattern.compile("<(?:pattern|Pattern)>(.*?)</(?:pattern|Pattern)>", Pattern.DOTALL);
  private static final Pattern XML_PATTERN_ATTRIBUTE =
      Pattern.compile("<PatternLayout\\b[^>]*?\\bpattern\\s*=\\s*\"([^\"]*)\"", Pattern.DOTALL);
  private static final Pattern LOGBACK_JSON =
      Pattern.compile("class\\s*=\\s*\"[^\"]*(LogstashEncoder|JsonEncoder|EcsEncoder"
          + "|LoggingEventCompositeJsonEncoder|JsonLayout)\"");
  private static final Pattern LOG4J2_JSON =
      Pattern.compile("<(JsonTemplateLayout|EcsLayout|JsonLayout)\\b[^>]*>", Pattern.DOTALL);
  private static final Pattern WHOLE_MDC = Pattern.compile("%(?:X|mdc|MDC)(?![{A-Za-z])");
  private static final Pattern TRACE_ID =
      Pattern.compile("trace_id|traceId|trace\\.id|traceid|TraceId");
  private static final Pattern SPAN_ID = Pattern.compile("span_id|spanId|span\\.id|spanid|SpanId");
  private static final String ADD_IDS = "add trace_id=%X{trace_id} span_id=%X{span_id}";

  /** One place where a config says what a log line looks like. */
  private record Output(int offset, String text, boolean carries) {}

  /** The kind a config file name denotes, or null when it is not a logging config. */
  static FindingKind kindOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("logback") && (n.endsWith(".xml") || n.endsWith(".groovy"))) {
      return LOGBACK_CONFIG;
    }
    if (n.startsWith("log4j2") && (n.endsWith(".xml") || n.endsWith(".yaml") || n.endsWith(".yml")
        || n.endsWith(".json") || n.endsWith(".properties"))) {
      return LOG4J2_CONFIG;
    }
    if (n.equals("log4j.properties") || n.equals("log4j.xml")) {
      return LOG4J1_CONFIG;
    }
    if (n.equals("logging.properties")) {
      return JUL_CONFIG;
    }
    if ((n.startsWith("application") || n.startsWith("bootstrap"))
        && (n.endsWith(".properties") || n.endsWith(".yml") || n.endsWith(".yaml"))) {
      return SPRING_LOGGING_PATTERN;
    }
    return null;
  }

  /** Whether a pattern prints both ids, or the whole MDC. */
  static boolean carriesTraceContext(String pattern) {
    return (TRACE_ID.matcher(pattern).find() && SPAN_ID.matcher(pattern).find())
        || WHOLE_MDC.matcher(pattern).find();
  }

  void detect(TextSource src) {
    FindingKind kind = kindOf(src.name);
    if (kind == null) {
      return;
    }
    boolean xml = src.name.toLowerCase(Locale.ROOT).endsWith(".xml");
    switch (kind) {
      case LOGBACK_CONFIG -> {
        if (!xml) {
          report(src, kind, List.of(), RewriteId.MANUAL,
              "logback.groovy is not edited: " + ADD_IDS + " to its patterns");
          return;
        }
        report(src, kind, logbackOutputs(src.text), RewriteId.LOGBACK_MDC, null);
      }
      case LOG4J2_CONFIG -> {
        if (xml) {
          report(src, kind, log4j2Outputs(src.text), RewriteId.LOG4J2_CONTEXT_DATA, null);
        } else {
          report(src, kind, keyedOutputs(src.text, "pattern"), RewriteId.MANUAL,
              "only XML logging configs are edited: " + ADD_IDS + " to the pattern");
        }
      }
      case LOG4J1_CONFIG -> report(src, kind,
          xml ? conversionPatterns(src.text) : keyedOutputs(src.text, "conversionpattern"),
          RewriteId.MANUAL,
          "Log4j 1.x is end of life: move to Log4j 2 or Logback, then " + ADD_IDS);
      case JUL_CONFIG -> julConfig(src);
      case SPRING_LOGGING_PATTERN -> springPatterns(src);
      default -> {}
    }
  }

  private static void report(
      TextSource src,
      FindingKind kind,
      List<Output> outputs,
      RewriteId rewrite,
      String manualReason) {
    if (outputs.isEmpty()) {
      src.addAt(kind, -1, src.name, false, rewrite,
          manualReason != null ? manualReason : "no pattern or encoder found: " + ADD_IDS);
      return;
    }
    long lacking = outputs.stream().filter(o -> !o.carries()).count();
    Output at = outputs.stream().filter(o -> !o.carries()).findFirst().orElse(outputs.get(0));
    boolean instrumented = lacking == 0;
    String reason;
    if (instrumented) {
      reason = "prints trace_id and span_id";
    } else if (manualReason != null) {
      reason = manualReason;
    } else {
      reason = lacking + " of " + outputs.size() + " pattern(s) lack trace_id/span_id";
    }
    src.addAt(kind, at.offset(), Snippets.oneLine(at.text(), 120), instrumented,
        instrumented ? rewrite == RewriteId.MANUAL ? RewriteId.NONE : rewrite : rewrite,
        reason);
  }

  private static List<Output> logbackOutputs(String raw) {
    String text = Snippets.withoutXmlComments(raw);
    List<Output> outputs = patternElements(text);
    Matcher json = LOGBACK_JSON.matcher(text);
    while (json.find()) {
      boolean carries = !json.group(1).equals("LoggingEventCompositeJsonEncoder")
          || text.contains("<mdc");
      outputs.add(new Output(json.start(), json.group(), carries));
    }
    outputs.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    return outputs;
  }

  private static List<Output> log4j2Outputs(String raw) {
    String text = Snippets.withoutXmlComments(raw);
    List<Output> outputs = patternElements(text);
    Matcher attribute = XML_PATTERN_ATTRIBUTE.matcher(text);
    while (attribute.find()) {
      String pattern = attribute.group(1);
      outputs.add(new Output(attribute.start(1), pattern, carriesTraceContext(pattern)));
    }
    Matcher json = LOG4J2_JSON.matcher(text);
    while (json.find()) {
      boolean carries = !json.group(1).equals("JsonLayout")
          || json.group().matches("(?s).*properties\\s*=\\s*\"true\".*");
      outputs.add(new Output(json.start(), json.group(), carries));
    }
    outputs.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    return outputs;
  }

  private static List<Output> patternElements(String text) {
    List<Output> outputs = new ArrayList<>();
    Matcher m = XML_PATTERN_ELEMENT.matcher(text);
    while (m.find()) {
      String pattern = m.group(1).replace("<![CDATA[", "").replace("]]>", "").strip();
      outputs.add(new Output(m.start(1) + leadingSpace(m.group(1)), pattern,
          carriesTraceContext(pattern)));
    }
    return outputs;
  }

  private static List<Output> conversionPatterns(String raw) {
    String text = Snippets.withoutXmlComments(raw);
    List<Output> outputs = new ArrayList<>();
    Matcher m = Pattern.compile("name\\s*=\\s*\"ConversionPattern\"\\s+value\\s*=\\s*\"([^\"]*)\"")
        .matcher(text);
    while (m.find()) {
      outputs.add(new Output(m.start(1), m.group(1), carriesTraceContext(m.group(1))));
    }
    return outputs;
  }

  /** {@code key = value} / {@code key: value} lines whose key ends with {@code keySuffix}. */
  private static List<Output> keyedOutputs(String text, String keySuffix) {
    List<Output> outputs = new ArrayList<>();
    for (Line line : lines(text)) {
      int sep = separator(line.text());
      if (sep < 0) {
        continue;
      }
      String key = line.text().substring(0, sep).strip().replace("\"", "")
          .toLowerCase(Locale.ROOT);
      if (key.endsWith(keySuffix)) {
        String value = unquote(line.text().substring(sep + 1));
        int offset = line.offset() + line.text().indexOf(line.text().substring(sep + 1).strip(),
            sep + 1);
        outputs.add(new Output(offset, value, carriesTraceContext(value)));
      }
    }
    return outputs;
  }

  private static void julConfig(TextSource src) {
    int offset = -1;
    String symbol = src.name;
    for (Line line : lines(src.text)) {
      if (line.text().strip().startsWith("java.util.logging.SimpleFormatter.format")) {
        offset = line.offset() + line.text().indexOf('j');
        symbol = Snippets.oneLine(line.text(), 120);
        break;
      }
    }
    src.addAt(JUL_CONFIG, offset, symbol, false, RewriteId.MANUAL,
        "java.util.logging formatters cannot print the MDC: bridge JUL to SLF4J "
            + "(jul-to-slf4j) and configure the backend's pattern");
  }

  private static void springPatterns(TextSource src) {
    boolean yaml = !src.name.toLowerCase(Locale.ROOT).endsWith(".properties");
    List<Output> outputs = new ArrayList<>();
    Deque<String[]> path = new ArrayDeque<>();
    for (Line line : lines(src.text)) {
      String t = line.text();
      if (yaml && t.strip().equals("---")) {
        path.clear();
        continue;
      }
      int sep = separator(t);
      if (sep < 0) {
        continue;
      }
      String key = t.substring(0, sep).strip();
      String value = unquote(t.substring(sep + 1));
      if (yaml) {
        int indent = t.length() - t.stripLeading().length();
        while (!path.isEmpty() && Integer.parseInt(path.peek()[0]) >= indent) {
          path.pop();
        }
        StringBuilder full = new StringBuilder();
        path.descendingIterator().forEachRemaining(p -> full.append(p[1]).append('.'));
        full.append(key);
        if (value.isEmpty()) {
          path.push(new String[] {Integer.toString(indent), key});
        }
        key = full.toString();
      }
      if (key.startsWith("logging.pattern.") && !value.isEmpty()) {
        int offset = line.offset() + (t.length() - t.stripLeading().length());
        outputs.add(new Output(offset, key + "=" + value, carriesTraceContext(value)));
      }
    }
    if (outputs.isEmpty()) {
      return;
    }
    boolean instrumented = outputs.stream().anyMatch(Output::carries);
    Output at = instrumented ? outputs.get(0)
        : outputs.stream().filter(o -> !o.carries()).findFirst().orElse(outputs.get(0));
    src.addAt(SPRING_LOGGING_PATTERN, at.offset(), Snippets.oneLine(at.text(), 120), instrumented,
        instrumented ? RewriteId.NONE : RewriteId.MANUAL,
        instrumented ? "prints trace_id and span_id"
            : "logging.pattern.* is set here: " + ADD_IDS);
  }

  private record Line(int offset, String text) {}

  /** Non-comment lines with their offsets. */
  private static List<Line> lines(String text) {
    List<Line> lines = new ArrayList<>();
    int offset = 0;
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("!")) {
        lines.add(new Line(offset, line.endsWith("\r") ? line.substring(0, line.length() - 1)
            : line));
      }
      offset += line.length() + 1;
    }
    return lines;
  }

  private static int separator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.endsWith(",")) {
      v = v.substring(0, v.length() - 1).strip();
    }
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
