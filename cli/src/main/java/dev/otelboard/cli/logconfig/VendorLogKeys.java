package dev.otelboard.cli.logconfig;

import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Log patterns that print a vendor tracer's MDC keys print OpenTelemetry's instead: Datadog's
 * {@code %X{dd.trace_id}}/{@code %X{dd.span_id}} and Sleuth's {@code %X{traceId}}/{@code
 * %X{spanId}} (and its older {@code X-B3-TraceId}/{@code X-B3-SpanId}) become {@code
 * %X{trace_id}}/{@code %X{span_id}}, the keys opentelemetry-logback-mdc and the Log4j2 context
 * data provider fill; a {@code dd.trace_id=} label before the conversion follows. Works on the
 * text of any logging config (logback and log4j2 XML, log4j2.properties, Spring's application
 * properties and YAML), keeping everything else byte for byte.
 *
 * <p>During a dual run (the vendor agent and OpenTelemetry side by side) the vendor keys stay and
 * each line that prints them gets {@code trace_id=%X{trace_id} span_id=%X{span_id}} after them;
 * a later run without that option drops the vendor keys from such a line. Running either again
 * changes nothing.
 */
public final class VendorLogKeys {
  /** The rewrite id its changes are reported under. */
  public static final RewriteId ID = RewriteId.VENDOR_LOG_KEYS;

  /** Datadog's keys, which no one else uses. */
  private static final Map<String, String> DATADOG = Map.of(
      "dd.trace_id", "trace_id", "dd.span_id", "span_id");
  /** Sleuth's keys; Micrometer Tracing and home-made filters use the same names. */
  private static final Map<String, String> SLEUTH = Map.of(
      "traceId", "trace_id", "spanId", "span_id", "X-B3-TraceId", "trace_id",
      "X-B3-SpanId", "span_id");

  private static final Pattern CONVERSION =
      Pattern.compile("%(X|mdc|MDC)\\{([\\w.\\-]+)((?::-)?[^}]*)\\}");
  private static final Pattern OTEL_KEY = Pattern.compile("%(X|mdc|MDC)\\{trace_id[:}]");

  private VendorLogKeys() {}

  /**
   * Edits {@code text}.
   *
   * @param keepVendorKeys keep the vendor keys and add OpenTelemetry's next to them
   * @param sleuthKeys also treat {@code traceId}/{@code spanId} as vendor keys (the module had
   *     Sleuth or Brave); Datadog's keys always count
   */
  public static LogConfigEdit edit(String text, boolean keepVendorKeys, boolean sleuthKeys) {
    String[] lines = text.split("\n", -1);
    List<LogConfigEdit.Change> changes = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      List<MatchResult> vendor = vendorConversions(line, sleuthKeys);
      if (vendor.isEmpty()) {
        continue;
      }
      String keys = String.join("/", vendor.stream().map(m -> m.group(2)).distinct().toList());
      if (OTEL_KEY.matcher(line).find()) {
        if (!keepVendorKeys) {
          // The dual run is over: the vendor keys go, OpenTelemetry's stay.
          lines[i] = removed(line, vendor);
          changes.add(new LogConfigEdit.Change(i + 1, "no longer prints " + keys
              + " (the dual run's vendor keys)"));
        }
        continue;
      }
      if (keepVendorKeys) {
        int end = vendor.get(vendor.size() - 1).end();
        String conversion = vendor.get(0).group(1);
        lines[i] = line.substring(0, end) + " trace_id=%" + conversion + "{trace_id} span_id=%"
            + conversion + "{span_id}" + line.substring(end);
        changes.add(new LogConfigEdit.Change(i + 1, "prints trace_id/span_id next to " + keys
            + " (--keep-vendor-log-keys)"));
      } else {
        lines[i] = replaced(line, vendor, sleuthKeys);
        changes.add(new LogConfigEdit.Change(i + 1, "prints trace_id/span_id, OpenTelemetry's "
            + "MDC keys, instead of " + keys));
      }
    }
    return new LogConfigEdit(String.join("\n", lines), List.copyOf(changes), List.of());
  }

  private static List<MatchResult> vendorConversions(String line, boolean sleuthKeys) {
    List<MatchResult> found = new ArrayList<>();
    Matcher m = CONVERSION.matcher(line);
    while (m.find()) {
      if (otelKey(m.group(2), sleuthKeys) != null) {
        found.add(m.toMatchResult());
      }
    }
    return found;
  }

  private static String replaced(String line, List<MatchResult> vendor, boolean sleuthKeys) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (MatchResult m : vendor) {
      String key = m.group(2);
      String otel = otelKey(key, sleuthKeys);
      int start = m.start();
      // A label naming the vendor key (dd.trace_id=%X{dd.trace_id}) is renamed with it.
      String label = key + "=";
      int labelStart = start - label.length();
      boolean labelled = labelStart >= at && line.startsWith(label, labelStart);
      out.append(line, at, labelled ? labelStart : start);
      if (labelled) {
        out.append(otel).append('=');
      }
      out.append('%').append(m.group(1)).append('{').append(otel).append(m.group(3)).append('}');
      at = m.end();
    }
    return out.append(line.substring(at)).toString();
  }

  /** The line without the vendor conversions, their labels and one separator each. */
  private static String removed(String line, List<MatchResult> vendor) {
    String out = line;
    for (int i = vendor.size() - 1; i >= 0; i--) {
      MatchResult m = vendor.get(i);
      int start = m.start();
      String label = m.group(2) + "=";
      if (start >= label.length() && out.startsWith(label, start - label.length())) {
        start -= label.length();
      }
      int end = m.end();
      if (end < out.length() && (out.charAt(end) == ' ' || out.charAt(end) == ',')) {
        end++;
      } else if (start > 0 && (out.charAt(start - 1) == ' ' || out.charAt(start - 1) == ',')) {
        start--;
      }
      out = out.substring(0, start) + out.substring(end);
    }
    return out;
  }

  private static String otelKey(String key, boolean sleuthKeys) {
    String otel = DATADOG.get(key);
    return otel != null || !sleuthKeys ? otel : SLEUTH.get(key);
  }
}
