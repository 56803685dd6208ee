package dev.otelboard.cli.config;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.OtelboardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code otelboard.yaml}: written by the first {@code otelboard onboard}, read by every
 * command after that (onboard, verify, check, generate). The one model of that file; its JSON
 * Schema is docs/otelboard-yaml.schema.json.
 *
 * <pre>
 * service_name: checkout-service
 * mode: sdk                      # sdk | agent
 * verify:
 *   min_log_correlation: 0.99    # share of in-request log records joined to their span
 *   max_orphan_spans: 0          # spans whose parent never arrived
 * generate:                      # optional; the per-service keys of a fleet entry (docs/generate.md)
 *   namespace: shop
 * </pre>
 *
 * @param serviceName the service.name its telemetry carries (the default for {@code OTEL_SERVICE_NAME})
 * @param mode how the service is instrumented
 * @param verify the thresholds {@code otelboard verify} and {@code check} hold it to
 * @param generate the {@code generate:} block as read, validated by {@code cli.fleet.FleetReader}
 *     (which owns the fleet entry's keys); empty when absent
 */
public record OtelboardConfig(String serviceName, Mode mode, Verify verify, Map<String, Object> generate) {
  /** The file name, in the service's root directory. */
  public static final String FILE_NAME = "otelboard.yaml";
  /** {@value} of in-request log records must be correlated by default. */
  public static final double DEFAULT_MIN_LOG_CORRELATION = 0.99;
  /** No orphan spans are allowed by default. */
  public static final int DEFAULT_MAX_ORPHAN_SPANS = 0;

  /** Top-level keys. */
  public static final Set<String> KEYS = Set.of("service_name", "mode", "verify", "generate");
  /** Keys of the {@code verify:} block. */
  public static final Set<String> VERIFY_KEYS = Set.of("min_log_correlation", "max_orphan_spans");

  private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern MODE_LINE = Pattern.compile("(?m)^mode:[ \\t]*[^\\s#]*");

  /** How a service is instrumented. */
  public enum Mode {
    /** The SDK and instrumentation libraries, wired by rewritten code. */
    SDK,
    /** The OpenTelemetry javaagent; no code changes. */
    AGENT;

    /** The spelling in otelboard.yaml and on the command line. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Thresholds of the correlation verdict.
   *
   * @param minLogCorrelation the lowest acceptable share of correlated in-request log records
   * @param maxOrphanSpans the most spans allowed whose parent never arrived
   */
  public record Verify(double minLogCorrelation, int maxOrphanSpans) {
    /** The defaults: {@value #DEFAULT_MIN_LOG_CORRELATION}, {@value #DEFAULT_MAX_ORPHAN_SPANS}. */
    public static Verify defaults() {
      return new Verify(DEFAULT_MIN_LOG_CORRELATION, DEFAULT_MAX_ORPHAN_SPANS);
    }
  }

  /** Validates the fields. */
  public OtelboardConfig {
    requireNonNull(serviceName, "serviceName");
    requireNonNull(mode, "mode");
    requireNonNull(verify, "verify");
    generate = Collections.unmodifiableMap(new LinkedHashMap<>(generate));
  }

  /** A config without a {@code generate:} block. */
  public OtelboardConfig(String serviceName, Mode mode, Verify verify) {
    this(serviceName, mode, verify, Map.of());
  }

  /** A config with the default mode and thresholds. */
  public static OtelboardConfig defaults(String serviceName) {
    return new OtelboardConfig(serviceName, Mode.SDK, Verify.defaults());
  }

  /** The YAML text of a new file, with a comment per setting. */
  public String toYaml() {
    if (!generate.isEmpty()) {
      throw new IllegalStateException("a generate: block is the user's; edit the file, don't rewrite it");
    }
    return "# otelboard settings for this service; written by `otelboard onboard`, edit freely.\n"
        + "service_name: " + quoteIfNeeded(serviceName) + "   # the service.name of its telemetry\n"
        + "mode: " + mode.yamlName() + "   # sdk | agent\n"
        + "verify:\n"
        + "  min_log_correlation: " + verify.minLogCorrelation()
        + "   # share of in-request log records joined to their span\n"
        + "  max_orphan_spans: " + verify.maxOrphanSpans()
        + "   # spans whose parent never arrived\n";
  }

  /**
   * {@code text} (an otelboard.yaml) with its {@code mode:} set to {@code mode}; every other line,
   * comment and key is kept.
   */
  public static String withMode(String text, Mode mode) {
    Matcher m = MODE_LINE.matcher(text);
    if (m.find()) {
      return text.substring(0, m.start()) + "mode: " + mode.yamlName() + text.substring(m.end());
    }
    String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    return text + sep + "mode: " + mode.yamlName() + "   # sdk | agent\n";
  }

  /** Writes nothing; reads {@code file}, failing with exit 3 and every error's file:line and key. */
  public static OtelboardConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw OtelboardException.badInput(file, 0, "cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Parses {@code text}; {@code file} names it in errors. */
  public static OtelboardConfig parse(Path file, String text) {
    LocatedYaml doc = LocatedYaml.parse(file, text);
    ConfigProblems problems = new ConfigProblems(doc);
    OtelboardConfig config = read(doc, problems);
    if (!problems.isEmpty()) {
      // The messages carry file:line each; the exception's own prefix names the first.
      String all =
          String.join("; ", problems.messages().stream().map(m -> stripLocation(doc, m)).toList());
      throw OtelboardException.badInput(file, problems.firstLine(), all);
    }
    return config;
  }

  /**
   * Reads {@code doc} into a config, recording every problem in {@code problems} instead of
   * failing; {@code cli.fleet} calls this to add the generate block's problems to the same list.
   */
  public static OtelboardConfig read(LocatedYaml doc, ConfigProblems problems) {
    Map<String, Object> root = doc.root() == null ? Map.of() : problems.map(doc.root(), "");
    problems.onlyKeys(root, "", KEYS);
    String name = problems.string(root, "service_name", "", null);
    if (name == null) {
      problems.add("service_name", "missing: the service.name its telemetry carries");
      name = "service";
    } else if (!SERVICE_NAME.matcher(name).matches()) {
      problems.add("service_name", "'" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    Mode mode = Mode.SDK;
    String m = problems.string(root, "mode", "", "sdk");
    if ("agent".equals(m)) {
      mode = Mode.AGENT;
    } else if (!"sdk".equals(m)) {
      problems.add("mode", "must be sdk or agent, not " + m);
    }
    Map<String, Object> v = problems.map(root.get("verify"), "verify");
    problems.onlyKeys(v, "verify", VERIFY_KEYS);
    double min = fraction(v, problems);
    int orphans = wholeNumber(v, problems);
    Map<String, Object> generate = problems.map(root.get("generate"), "generate");
    return new OtelboardConfig(name, mode, new Verify(min, orphans), generate);
  }

  private static double fraction(Map<String, Object> v, ConfigProblems problems) {
    Object raw = v.get("min_log_correlation");
    if (raw == null) {
      return DEFAULT_MIN_LOG_CORRELATION;
    }
    if (raw instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
      return n.doubleValue();
    }
    problems.add("verify.min_log_correlation", "must be a number from 0 to 1, not " + raw);
    return DEFAULT_MIN_LOG_CORRELATION;
  }

  private static int wholeNumber(Map<String, Object> v, ConfigProblems problems) {
    Object raw = v.get("max_orphan_spans");
    if (raw == null) {
      return DEFAULT_MAX_ORPHAN_SPANS;
    }
    if (raw instanceof Integer n && n >= 0) {
      return n;
    }
    problems.add("verify.max_orphan_spans", "must be a whole number >= 0, not " + raw);
    return DEFAULT_MAX_ORPHAN_SPANS;
  }

  private static String stripLocation(LocatedYaml doc, String message) {
    String prefix = doc.file().toString();
    if (!message.startsWith(prefix)) {
      return message;
    }
    String rest = message.substring(prefix.length());
    // ":12: key: what" -> "line 12: key: what"; the exception names the file once.
    return rest.matches("^:\\d+: .*") ? "line " + rest.substring(1) : rest.replaceFirst("^: ", "");
  }

  private static String quoteIfNeeded(String value) {
    return value.matches("[A-Za-z0-9._/-]+") ? value : "\"" + value.replace("\"", "\\\"") + "\"";
  }
}
