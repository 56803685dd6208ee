package dev.otelboard.cli.logconfig;

import dev.otelboard.cli.rewrite.RewriteId;
import dev.otelboard.cli.rewrite.xml.XmlTree;
import dev.otelboard.cli.rewrite.xml.XmlTree.Element;
import dev.otelboard.cli.rewrite.xml.XmlTree.XmlParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits a log4j2.xml for log correlation, keeping its formatting and comments:
 *
 * <ul>
 *   <li>every {@code PatternLayout} prints {@code trace_id} and {@code span_id} from the context
 *       data, which opentelemetry-log4j-context-data-2.17-autoconfigure fills;
 *   <li>SDK mode: the {@code <OpenTelemetry>} appender of opentelemetry-log4j-appender-2.17 is
 *       added and referenced from the root logger, so log records go over OTLP.
 * </ul>
 */
public final class Log4j2ConfigEditor {
  /** The rewrite id its changes and manual items are reported under. */
  public static final RewriteId ID = RewriteId.LOG4J2_CONTEXT_DATA;

  static final String APPENDER_NAME = "OpenTelemetryAppender";
  static final String PLUGIN_PACKAGE = "io.opentelemetry.instrumentation.log4j.appender.v2_17";

  private Log4j2ConfigEditor() {}

  /** Edits {@code xml}; {@code sdkMode} false means javaagent mode (patterns only). */
  public static LogConfigEdit edit(String xml, boolean sdkMode) throws XmlParseException {
    List<LogConfigEdit.Change> changes = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    String text = addTraceFields(xml, changes, manual);
    if (sdkMode) {
      text = addExportAppender(text, changes, manual);
    }
    return new LogConfigEdit(text, List.copyOf(changes), List.copyOf(manual));
  }

  private static String addTraceFields(
      String xml, List<LogConfigEdit.Change> changes, List<String> manual)
      throws XmlParseException {
    String text = xml;
    boolean again = true;
    while (again) {
      again = false;
      XmlTree tree = XmlTree.parse(text);
      for (Element layout : descendantsIgnoreCase(tree.root(), "PatternLayout")) {
        Optional<int[]> attribute = attributeRangeIgnoreCase(layout, "pattern");
        if (attribute.isPresent()) {
          int[] range = attribute.get();
          String pattern = text.substring(range[0], range[1]);
          if (Patterns.hasTraceId(pattern)) {
            continue;
          }
          text = tree.replace(range[0], range[1], Patterns.withTraceFields(pattern));
          changes.add(new LogConfigEdit.Change(layout.line(), "pattern prints trace_id/span_id"));
          again = true;
          break;
        }
        Optional<Element> child =
            layout.children().stream()
                .filter(c -> c.localName().equalsIgnoreCase("Pattern"))
                .findFirst();
        if (child.isPresent() && !child.get().selfClosing()) {
          Element p = child.get();
          String raw = text.substring(p.startTagEnd(), p.endTagStart());
          if (Patterns.hasTraceId(raw) || raw.isBlank() || raw.contains("<")) {
            continue;
          }
          String leading = raw.substring(0, raw.indexOf(raw.strip()));
          String trailing = raw.substring(leading.length() + raw.strip().length());
          text = tree.replace(p.startTagEnd(), p.endTagStart(),
              leading + Patterns.withTraceFields(raw.strip()) + trailing);
          changes.add(new LogConfigEdit.Change(p.line(), "pattern prints trace_id/span_id"));
          again = true;
          break;
        }
      }
    }
    XmlTree tree = XmlTree.parse(text);
    for (String layout : List.of("JsonTemplateLayout", "JsonLayout", "EcsLayout", "GelfLayout")) {
      if (!descendantsIgnoreCase(tree.root(), layout).isEmpty()) {
        manual.add(layout + ": check that it writes the context data keys trace_id and span_id");
      }
    }
    return text;
  }

  private static String addExportAppender(
      String xml, List<LogConfigEdit.Change> changes, List<String> manual)
      throws XmlParseException {
    XmlTree tree = XmlTree.parse(xml);
    Optional<Element> appenders = childIgnoreCase(tree.root(), "Appenders");
    if (appenders.isEmpty()) {
      manual.add("no <Appenders> element: add <OpenTelemetry name=\"" + APPENDER_NAME + "\"/>");
      return xml;
    }
    String text = xml;
    boolean present =
        appenders.get().children().stream().anyMatch(a -> a.localName().equalsIgnoreCase(
            "OpenTelemetry"));
    if (!present) {
      text = tree.appendChild(appenders.get(), "<OpenTelemetry name=\"" + APPENDER_NAME + "\"/>");
      tree = XmlTree.parse(text);
      Element added = childIgnoreCase(tree.root(), "Appenders").orElseThrow().children().stream()
          .filter(a -> a.localName().equals("OpenTelemetry")).findFirst().orElseThrow();
      changes.add(new LogConfigEdit.Change(added.line(),
          "OpenTelemetry appender exports log records over OTLP"));
    }
    text = addPluginPackage(text, changes);
    tree = XmlTree.parse(text);
    Optional<Element> loggers = childIgnoreCase(tree.root(), "Loggers");
    boolean hasRoot =
        loggers.isPresent()
            && (childIgnoreCase(loggers.get(), "Root").isPresent()
                || childIgnoreCase(loggers.get(), "AsyncRoot").isPresent());
    if (!hasRoot) {
      manual.add("no <Root> logger: reference the " + APPENDER_NAME + " appender where needed");
      return text;
    }
    // The root logger, and every logger that doesn't pass its events up to the root (additivity
    // false), must reference the appender, or those events never reach OTLP.
    boolean again = true;
    while (again) {
      again = false;
      tree = XmlTree.parse(text);
      for (Element logger : childIgnoreCase(tree.root(), "Loggers").orElseThrow().children()) {
        if (!needsExportRef(logger)) {
          continue;
        }
        String label = isRoot(logger) ? "root logger" : "logger " + logger.attribute("name").orElse("?");
        int line = logger.line();
        text = tree.appendChild(logger, "<AppenderRef ref=\"" + APPENDER_NAME + "\"/>");
        changes.add(new LogConfigEdit.Change(line, label + " writes to " + APPENDER_NAME));
        again = true;
        break;
      }
    }
    return text;
  }

  private static boolean isRoot(Element logger) {
    return logger.localName().equalsIgnoreCase("Root") || logger.localName().equalsIgnoreCase("AsyncRoot");
  }

  private static boolean needsExportRef(Element logger) {
    boolean root = isRoot(logger);
    boolean named = logger.localName().equalsIgnoreCase("Logger")
        || logger.localName().equalsIgnoreCase("AsyncLogger");
    if (!root && !named) {
      return false;
    }
    if (!root && !logger.attribute("additivity").orElse("true").trim().equalsIgnoreCase("false")) {
      return false;
    }
    if (logger.selfClosing()) {
      return root;
    }
    List<Element> refs = logger.childrenIgnoreCase("AppenderRef");
    if (!root && refs.isEmpty()) {
      return false;
    }
    return refs.stream().noneMatch(r -> r.attribute("ref").orElse("").equals(APPENDER_NAME));
  }

  /**
   * Names the appender's package on {@code <Configuration>}: Log4j finds plugins through a cache
   * file that shaded (fat) jars keep only one copy of, so the appender would otherwise be missing
   * exactly in the runnable jars services ship.
   */
  private static String addPluginPackage(String xml, List<LogConfigEdit.Change> changes)
      throws XmlParseException {
    XmlTree tree = XmlTree.parse(xml);
    Element configuration = tree.root();
    Optional<int[]> packages = attributeRangeIgnoreCase(configuration, "packages");
    if (packages.isPresent()) {
      int[] range = packages.get();
      String value = xml.substring(range[0], range[1]);
      if (value.contains(PLUGIN_PACKAGE)) {
        return xml;
      }
      String joined = value.isBlank() ? PLUGIN_PACKAGE : value + "," + PLUGIN_PACKAGE;
      changes.add(new LogConfigEdit.Change(configuration.line(), "Log4j finds the OpenTelemetry appender plugin"));
      return tree.replace(range[0], range[1], joined);
    }
    int afterName = configuration.start() + 1 + configuration.name().length();
    changes.add(new LogConfigEdit.Change(configuration.line(), "Log4j finds the OpenTelemetry appender plugin"));
    return tree.replace(afterName, afterName, " packages=\"" + PLUGIN_PACKAGE + "\"");
  }

  private static Optional<Element> childIgnoreCase(Element parent, String name) {
    return parent.childrenIgnoreCase(name).stream().findFirst();
  }

  private static Optional<int[]> attributeRangeIgnoreCase(Element element, String name) {
    for (String key : List.of(name, name.substring(0, 1).toUpperCase() + name.substring(1))) {
      Optional<int[]> range = element.attributeValueRange(key);
      if (range.isPresent()) {
        return range;
      }
    }
    return Optional.empty();
  }

  private static List<Element> descendantsIgnoreCase(Element element, String localName) {
    List<Element> found = new ArrayList<>();
    for (Element child : element.children()) {
      if (child.localName().equalsIgnoreCase(localName)) {
        found.add(child);
      }
      found.addAll(descendantsIgnoreCase(child, localName));
    }
    return found;
  }
}
