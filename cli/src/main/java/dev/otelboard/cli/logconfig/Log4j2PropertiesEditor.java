package dev.otelboard.cli.logconfig;

import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits a log4j2.properties: trace_id/span_id in every {@code appender.*.layout.pattern} (filled
 * by opentelemetry-log4j-context-data-2.17-autoconfigure) and, in SDK mode, the OpenTelemetry
 * appender of opentelemetry-log4j-appender-2.17 declared (its plugin package named, as {@link
 * Log4j2ConfigEditor} does) and referenced by the root logger and every non-additive logger.
 */
public final class Log4j2PropertiesEditor {
  /** The rewrite id its changes and manual items are reported under. */
  public static final RewriteId ID = RewriteId.LOG4J2_CONTEXT_DATA;

  private static final Pattern LAYOUT_PATTERN =
      Pattern.compile("^(\\s*appender\\.[\\w.\\-]+\\.layout\\.pattern\\s*[=:]\\s*)(.*?)(\\s*)$");
  private static final Pattern ROOT_LOGGER = Pattern.compile("(?m)^\\s*rootLogger\\b");
  private static final Pattern PACKAGES = Pattern.compile("(?m)^\\s*packages\\s*[=:]");
  private static final Pattern NON_ADDITIVE =
      Pattern.compile("(?m)^\\s*logger\\.([\\w\\-]+)\\.additivity\\s*[=:]\\s*false\\s*$");

  private Log4j2PropertiesEditor() {}

  /** An existing {@code packages} line gets the appender's package (fat jars lose the cache). */
  private static void addPluginPackage(String[] lines, List<LogConfigEdit.Change> changes) {
    for (int i = 0; i < lines.length; i++) {
      Matcher m = Pattern.compile("^(\\s*packages\\s*[=:]\\s*)(.*?)(\\s*)$").matcher(lines[i]);
      if (m.matches() && !m.group(2).contains(Log4j2ConfigEditor.PLUGIN_PACKAGE)) {
        String value = m.group(2).isBlank()
            ? Log4j2ConfigEditor.PLUGIN_PACKAGE
            : m.group(2) + "," + Log4j2ConfigEditor.PLUGIN_PACKAGE;
        lines[i] = m.group(1) + value + m.group(3);
        changes.add(new LogConfigEdit.Change(i + 1, "Log4j finds the OpenTelemetry appender "
            + "plugin"));
      }
    }
  }

  /** Edits {@code text}; {@code sdk} adds the exporting appender too. */
  public static LogConfigEdit edit(String text, boolean sdk) {
    List<LogConfigEdit.Change> changes = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LAYOUT_PATTERN.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      if (m.group(2).endsWith("\\")) {
        manual.add("line " + (i + 1) + ": the pattern continues on the next line: add "
            + Patterns.TRACE_FIELDS.strip() + " by hand");
        continue;
      }
      String edited = Patterns.withTraceFields(m.group(2));
      if (!edited.equals(m.group(2))) {
        lines[i] = m.group(1) + edited + m.group(3);
        changes.add(new LogConfigEdit.Change(i + 1, "trace_id/span_id added to the pattern"));
      }
    }
    if (sdk) {
      addPluginPackage(lines, changes);
    }
    String result = String.join("\n", lines);
    if (sdk && !result.contains("type = OpenTelemetry") && !result.contains("type=OpenTelemetry")) {
      if (!ROOT_LOGGER.matcher(result).find()) {
        manual.add("no rootLogger: reference the OpenTelemetry appender (type = OpenTelemetry) "
            + "from the logger that should export");
      } else {
        StringBuilder block = new StringBuilder(
            "# OpenTelemetry: export log records over OTLP (opentelemetry-log4j-appender-2.17)\n");
        if (!PACKAGES.matcher(result).find()) {
          // Shaded (fat) jars keep one plugin cache file: name the appender's package.
          block.append("packages = ").append(Log4j2ConfigEditor.PLUGIN_PACKAGE).append('\n');
        }
        block.append("appender.otel.type = OpenTelemetry\n")
            .append("appender.otel.name = ").append(Log4j2ConfigEditor.APPENDER_NAME).append('\n')
            .append("rootLogger.appenderRef.otel.ref = ")
            .append(Log4j2ConfigEditor.APPENDER_NAME).append('\n');
        Matcher nonAdditive = NON_ADDITIVE.matcher(result);
        while (nonAdditive.find()) {
          String logger = nonAdditive.group(1);
          block.append("logger.").append(logger).append(".appenderRef.otel.ref = ")
              .append(Log4j2ConfigEditor.APPENDER_NAME).append('\n');
        }
        String nl = result.endsWith("\n") || result.isEmpty() ? "" : "\n";
        int line = (int) result.chars().filter(c -> c == '\n').count() + (nl.isEmpty() ? 1 : 2);
        result += nl + block;
        changes.add(new LogConfigEdit.Change(line, "OpenTelemetry appender added to the root"
            + " and the non-additive loggers"));
      }
    }
    return new LogConfigEdit(result, changes, manual);
  }
}
