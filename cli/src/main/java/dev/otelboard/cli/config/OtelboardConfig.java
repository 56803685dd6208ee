package dev.otelboard.cli.config;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.OtelboardException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A service's {@code otelboard.yaml}: written by the first {@code otelboard onboard}, read by every
 * command after that.
 *
 * <pre>
 * service_name: checkout-service
 * mode: sdk                      # sdk | agent
 * verify:
 *   min_log_correlation: 0.99    # share of in-request log records joined to their span
 *   max_orphan_spans: 0          # spans whose parent never arrived
 * </pre>
 *
 * @param serviceName the default for {@code OTEL_SERVICE_NAME}
 * @param mode how the service is instrumented
 * @param verify the thresholds {@code otelboard verify} and {@code check} hold it to
 */
public record OtelboardConfig(String serviceName, Mode mode, Verify verify) {
  /** The file name, in the service's root directory. */
  public static final String FILE_NAME = "otelboard.yaml";
  /** {@value} of in-request log records must be correlated by default. */
  public static final double DEFAULT_MIN_LOG_CORRELATION = 0.99;
  /** No orphan spans are allowed by default. */
  public static final int DEFAULT_MAX_ORPHAN_SPANS = 0;

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
  }

  /** A config with the default mode and thresholds. */
  public static OtelboardConfig defaults(String serviceName) {
    return new OtelboardConfig(serviceName, Mode.SDK, Verify.defaults());
  }

  /** The YAML text, with a comment per setting. */
  public String toYaml() {
    return "# otelboard settings for this service; written by `otelboard onboard`, edit freely.\n"
        + "service_name: " + quoteIfNeeded(serviceName) + "   # default for OTEL_SERVICE_NAME\n"
        + "mode: " + mode.yamlName() + "   # sdk | agent\n"
        + "verify:\n"
        + "  min_log_correlation: " + verify.minLogCorrelation()
        + "   # share of in-request log records joined to their span\n"
        + "  max_orphan_spans: " + verify.maxOrphanSpans()
        + "   # spans whose parent never arrived\n";
  }

  /** Writes nothing; reads {@code file}, failing with exit 3 and every error's key path. */
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
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      throw OtelboardException.badInput(
          file, e.getProblemMark().getLine() + 1, "not YAML: " + e.getProblem());
    }
    if (!(root instanceof MappingNode mapping)) {
      throw OtelboardException.badInput(file, 1, "expected a mapping with service_name");
    }
    List<String> errors = new ArrayList<>();
    int firstErrorLine = 0;
    String serviceName = null;
    Mode mode = Mode.SDK;
    double minCorrelation = DEFAULT_MIN_LOG_CORRELATION;
    int maxOrphans = DEFAULT_MAX_ORPHAN_SPANS;
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode());
      Node value = tuple.getValueNode();
      int line = value.getStartMark().getLine() + 1;
      String error = null;
      switch (key) {
        case "service_name" -> {
          serviceName = scalar(value);
          if (serviceName == null || serviceName.isBlank()) {
            error = "service_name: must be a non-empty string";
          }
        }
        case "mode" -> {
          String m = scalar(value);
          if ("sdk".equals(m)) {
            mode = Mode.SDK;
          } else if ("agent".equals(m)) {
            mode = Mode.AGENT;
          } else {
            error = "mode: must be sdk or agent, not " + m;
          }
        }
        case "verify" -> {
          if (!(value instanceof MappingNode verify)) {
            error = "verify: must be a mapping";
            break;
          }
          for (NodeTuple v : verify.getValue()) {
            String vkey = scalar(v.getKeyNode());
            String vvalue = scalar(v.getValueNode());
            int vline = v.getValueNode().getStartMark().getLine() + 1;
            try {
              if ("min_log_correlation".equals(vkey)) {
                minCorrelation = Double.parseDouble(vvalue);
                if (minCorrelation < 0 || minCorrelation > 1) {
                  throw new NumberFormatException();
                }
              } else if ("max_orphan_spans".equals(vkey)) {
                maxOrphans = Integer.parseInt(vvalue);
                if (maxOrphans < 0) {
                  throw new NumberFormatException();
                }
              } else {
                errors.add("line " + vline + ": verify." + vkey + ": unknown key");
                firstErrorLine = firstErrorLine == 0 ? vline : firstErrorLine;
              }
            } catch (NumberFormatException | NullPointerException e) {
              errors.add("line " + vline + ": verify." + vkey + ": "
                  + ("min_log_correlation".equals(vkey) ? "must be a number from 0 to 1"
                      : "must be a whole number >= 0"));
              firstErrorLine = firstErrorLine == 0 ? vline : firstErrorLine;
            }
          }
        }
        default -> error = key + ": unknown key";
      }
      if (error != null) {
        errors.add("line " + line + ": " + error);
        firstErrorLine = firstErrorLine == 0 ? line : firstErrorLine;
      }
    }
    if (serviceName == null && errors.stream().noneMatch(e -> e.contains("service_name"))) {
      errors.add("line 1: service_name: missing");
      firstErrorLine = firstErrorLine == 0 ? 1 : firstErrorLine;
    }
    if (!errors.isEmpty()) {
      throw OtelboardException.badInput(file, firstErrorLine, String.join("; ", errors));
    }
    return new OtelboardConfig(serviceName, mode, new Verify(minCorrelation, maxOrphans));
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }

  private static String quoteIfNeeded(String value) {
    return value.matches("[A-Za-z0-9._/-]+") ? value : "\"" + value.replace("\"", "\\\"") + "\"";
  }
}
