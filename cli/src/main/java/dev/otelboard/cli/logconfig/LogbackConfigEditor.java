package dev.otelboard.cli.logconfig;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.Element;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits a logback.xml for log correlation, keeping its formatting and comments:
 *
 * <ul>
 *   <li>every {@code <pattern>} prints {@code trace_id} and {@code span_id} from the MDC;
 *   <li>a config that includes Spring Boot's appenders ({@code base.xml}, {@code
 *       console-appender.xml}, {@code file-appender.xml}) gets them in {@code
 *       LOG_LEVEL_PATTERN}, which Boot's patterns print after the level (as in {@link
 *       SpringBootLogbackConfig});
 *   <li>SDK mode: appenders used by the root and by loggers are wrapped by the MDC appender of
 *       opentelemetry-logback-mdc-1.0, which puts the ids into each event's MDC;
 *   <li>SDK mode: the exporting appender of opentelemetry-logback-appender-1.0 is added to the root,
 *       so log records go over OTLP with their trace context.
 * </ul>
 *
 * With the javaagent only the patterns change: the agent fills the MDC and exports logs itself.
 */
public final class LogbackConfigEditor {
  /** The rewrite id its changes and manual items are reported under. */
  public static final RewriteId ID = RewriteId.LOGBACK_MDC;

  /** The MDC wrapper appender (opentelemetry-logback-mdc-1.0). */
  public static final String MDC_APPENDER =
      "io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender";
  /** The exporting appender (opentelemetry-logback-appender-1.0). */
  public static final String EXPORT_APPENDER =
      "io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender";

  static final String EXPORT_APPENDER_NAME = "OTEL";
  static final String MDC_PREFIX = "OTEL_MDC_";

  private static final String BOOT = "org/springframework/boot/logging/logback/";
  /** Spring Boot's includes that define appenders whose patterns print LOG_LEVEL_PATTERN. */
  private static final java.util.Set<String> BOOT_APPENDERS = java.util.Set.of(
      BOOT + "base.xml", BOOT + "console-appender.xml", BOOT + "file-appender.xml");

  private LogbackConfigEditor() {}

  /** Edits {@code xml}; {@code sdkMode} false means javaagent mode (patterns only). */
  public static LogConfigEdit edit(String xml, boolean sdkMode) throws XmlParseException {
    return edit(xml, sdkMode, true);
  }

  /**
   * Edits {@code xml}; {@code bootLevelPattern} false leaves Spring Boot's {@code
   * LOG_LEVEL_PATTERN} alone, for an application that sets {@code logging.pattern.console}
   * itself (that property is edited where it is set).
   */
  public static LogConfigEdit edit(String xml, boolean sdkMode, boolean bootLevelPattern)
      throws XmlParseException {
    List<LogConfigEdit.Change> changes = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    String text = addTraceFieldsToPatterns(xml, changes);
    if (bootLevelPattern) {
      text = addTraceFieldsToBootLevelPattern(text, changes);
    }
    if (sdkMode) {
      text = wrapWithMdcAppender(text, changes);
      text = addExportAppender(text, changes, manual);
    }
    return new LogConfigEdit(text, List.copyOf(changes), List.copyOf(manual));
  }

  private static String addTraceFieldsToPatterns(String xml, List<LogConfigEdit.Change> changes)
      throws XmlParseException {
    String text = xml;
    boolean changed = true;
    while (changed) {
      changed = false;
      XmlTree tree = XmlTree.parse(text);
      for (Element pattern : descendants(tree.root(), "pattern")) {
        if (pattern.selfClosing()) {
          continue;
        }
        String raw = text.substring(pattern.startTagEnd(), pattern.endTagStart());
        if (Patterns.hasTraceId(raw) || raw.isBlank() || raw.contains("<")) {
          continue;
        }
        String leading = raw.substring(0, raw.indexOf(raw.strip()));
        String trailing = raw.substring(leading.length() + raw.strip().length());
        String updated = leading + Patterns.withTraceFields(raw.strip()) + trailing;
        text = tree.replace(pattern.startTagEnd(), pattern.endTagStart(), updated);
        changes.add(new LogConfigEdit.Change(pattern.line(), "pattern prints trace_id/span_id"));
        changed = true;
        break;
      }
    }
    return text;
  }

  /**
   * Spring Boot's included appenders print {@code LOG_LEVEL_PATTERN} after the level: defined
   * before the first include, with the value Boot gives it ({@code logging.pattern.level}) kept in
   * front, it adds the ids to Boot's console and file lines.
   */
  private static String addTraceFieldsToBootLevelPattern(String xml,
      List<LogConfigEdit.Change> changes) throws XmlParseException {
    XmlTree tree = XmlTree.parse(xml);
    Optional<Element> include = tree.root().children("include").stream()
        .filter(i -> BOOT_APPENDERS.contains(i.attribute("resource").orElse("")))
        .findFirst();
    boolean defined = descendants(tree.root(), "property").stream()
        .anyMatch(p -> p.attribute("name").orElse("").equals("LOG_LEVEL_PATTERN"));
    if (include.isEmpty() || defined) {
      return xml;
    }
    Element first = tree.root().children("include").get(0);
    String text = tree.insertBefore(first, "<property name=\"LOG_LEVEL_PATTERN\" "
        + "value=\"${LOG_LEVEL_PATTERN:-%5p} [" + Patterns.TRACE_FIELDS.strip() + "]\"/>");
    changes.add(new LogConfigEdit.Change(first.line(), "LOG_LEVEL_PATTERN prints "
        + "trace_id/span_id in the lines of Spring Boot's included appenders"));
    return text;
  }

  private static String wrapWithMdcAppender(String xml, List<LogConfigEdit.Change> changes)
      throws XmlParseException {
    XmlTree tree = XmlTree.parse(xml);
    List<Element> appenders = tree.root().children("appender");
    if (appenders.stream().anyMatch(a -> hasClass(a, MDC_APPENDER))) {
      return xml;
    }
    List<String> wrapped = new ArrayList<>();
    String text = xml;
    boolean again = true;
    while (again) {
      again = false;
      tree = XmlTree.parse(text);
      for (Element ref : appenderRefsOfLoggers(tree.root())) {
        String name = ref.attribute("ref").orElse("");
        Optional<Element> target = appenderNamed(tree.root(), name);
        if (target.isEmpty() || name.startsWith(MDC_PREFIX) || isOtel(target.get())) {
          continue;
        }
        int[] range = ref.attributeValueRange("ref").orElseThrow();
        text = tree.replace(range[0], range[1], MDC_PREFIX + name);
        changes.add(new LogConfigEdit.Change(ref.line(), "appender-ref " + name + " goes through "
            + MDC_PREFIX + name + " (adds trace_id/span_id to the MDC)"));
        if (!wrapped.contains(name)) {
          wrapped.add(name);
        }
        again = true;
        break;
      }
    }
    for (String name : wrapped) {
      tree = XmlTree.parse(text);
      List<Element> all = tree.root().children("appender");
      Element last = all.get(all.size() - 1);
      text =
          tree.insertAfter(
              last,
              "<appender name=\"" + MDC_PREFIX + name + "\" class=\"" + MDC_APPENDER + "\">\n"
                  + tree.indentUnit() + "<appender-ref ref=\"" + name + "\"/>\n"
                  + "</appender>");
      changes.add(new LogConfigEdit.Change(
          Patterns.lineOf(text, last.end()) + 1, "MDC appender " + MDC_PREFIX + name));
    }
    return text;
  }

  private static String addExportAppender(
      String xml, List<LogConfigEdit.Change> changes, List<String> manual)
      throws XmlParseException {
    XmlTree tree = XmlTree.parse(xml);
    if (tree.root().children("appender").stream().anyMatch(a -> hasClass(a, EXPORT_APPENDER))) {
      return xml;
    }
    Optional<Element> root = tree.root().child("root");
    if (root.isEmpty() && !rootComesFromElsewhere(tree.root())) {
      manual.add("no <root> logger: add the OpenTelemetry appender (" + EXPORT_APPENDER
          + ") where your loggers need it");
      return xml;
    }
    List<Element> appenders = tree.root().children("appender");
    String appender =
        "<appender name=\"" + EXPORT_APPENDER_NAME + "\" class=\"" + EXPORT_APPENDER + "\"/>";
    String text;
    int line;
    if (root.isEmpty()) {
      // Logback adds the appenders of every <root> element to the one root logger, and one without
      // a level keeps the level set where the root is configured.
      String ref = "<appender-ref ref=\"" + EXPORT_APPENDER_NAME + "\"/>";
      text = tree.appendChild(tree.root(),
          (appenders.isEmpty() ? appender + "\n" : "") + "<root>\n" + tree.indentUnit() + ref
              + "\n</root>");
      if (!appenders.isEmpty()) {
        tree = XmlTree.parse(text);
        List<Element> all = tree.root().children("appender");
        text = tree.insertAfter(all.get(all.size() - 1), appender);
      }
      changes.add(new LogConfigEdit.Change(Patterns.lineOf(text, text.indexOf(appender)),
          "OpenTelemetry appender " + EXPORT_APPENDER_NAME + " exports log records over OTLP"));
      changes.add(new LogConfigEdit.Change(Patterns.lineOf(text, text.lastIndexOf(ref)),
          "root logger (configured by an include or a springProfile) also writes to "
              + EXPORT_APPENDER_NAME));
      return text;
    }
    if (appenders.isEmpty()) {
      text = tree.insertBefore(root.get(), appender);
      line = root.get().line();
    } else {
      Element last = appenders.get(appenders.size() - 1);
      text = tree.insertAfter(last, appender);
      line = Patterns.lineOf(text, last.end()) + 1;
    }
    changes.add(new LogConfigEdit.Change(line, "OpenTelemetry appender " + EXPORT_APPENDER_NAME
        + " exports log records over OTLP"));
    tree = XmlTree.parse(text);
    Element rootLogger = tree.root().child("root").orElseThrow();
    text = tree.appendChild(rootLogger, "<appender-ref ref=\"" + EXPORT_APPENDER_NAME + "\"/>");
    changes.add(new LogConfigEdit.Change(
        Patterns.lineOf(text, XmlTree.parse(text).root().child("root").orElseThrow().endTagStart())
            - 1,
        "root logger writes to " + EXPORT_APPENDER_NAME));
    return text;
  }

  /**
   * Whether a configuration without a top-level {@code <root>} configures the root elsewhere: in an
   * included file (Spring Boot's {@code base.xml}, say) or inside {@code <springProfile>} blocks.
   */
  private static boolean rootComesFromElsewhere(Element configuration) {
    return !configuration.children("include").isEmpty()
        || !configuration.children("springProfile").isEmpty();
  }

  private static List<Element> appenderRefsOfLoggers(Element configuration) {
    List<Element> refs = new ArrayList<>();
    for (Element child : configuration.children()) {
      if (child.localName().equals("root") || child.localName().equals("logger")) {
        refs.addAll(child.children("appender-ref"));
      }
    }
    return refs;
  }

  private static Optional<Element> appenderNamed(Element configuration, String name) {
    return configuration.children("appender").stream()
        .filter(a -> a.attribute("name").orElse("").equals(name))
        .findFirst();
  }

  private static boolean isOtel(Element appender) {
    return hasClass(appender, MDC_APPENDER) || hasClass(appender, EXPORT_APPENDER);
  }

  private static boolean hasClass(Element appender, String className) {
    return appender.attribute("class").orElse("").equals(className);
  }

  static List<Element> descendants(Element element, String localName) {
    List<Element> found = new ArrayList<>();
    for (Element child : element.children()) {
      if (child.localName().equals(localName)) {
        found.add(child);
      }
      found.addAll(descendants(child, localName));
    }
    return found;
  }
}
