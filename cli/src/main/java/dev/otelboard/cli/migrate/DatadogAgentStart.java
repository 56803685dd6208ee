package dev.otelboard.cli.migrate;

import dev.otelboard.cli.rewrite.RewriteId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a deploy file starts Datadog's javaagent, and that file with OpenTelemetry's javaagent in
 * its place: {@code -javaagent:<dir>/dd-java-agent.jar} (in a Dockerfile, a start script, {@code
 * JAVA_TOOL_OPTIONS}, a Kubernetes manifest) becomes {@code -javaagent:<dir>/
 * opentelemetry-javaagent.jar}; a download of dd-java-agent (Datadog's short links) downloads the
 * OpenTelemetry javaagent release instead; unified service tagging follows: {@code DD_SERVICE} is
 * {@code OTEL_SERVICE_NAME}, {@code DD_ENV} and {@code DD_VERSION} are {@code
 * deployment.environment.name} and {@code service.version} in {@code OTEL_RESOURCE_ATTRIBUTES}
 * (as {@code ENV}/{@code export}/{@code KEY=value} lines, or Kubernetes {@code name:}/{@code
 * value:} pairs with literal values). Everything else is kept byte for byte, and a second run
 * changes nothing. scan reports each agent start through {@link #agentJar}; onboard in agent mode
 * applies {@link #migrate}.
 */
public final class DatadogAgentStart {
  /** The rewrite id the changes and scan's findings are reported under. */
  public static final RewriteId ID = RewriteId.MIGRATE_DATADOG_AGENT;
  /** The OpenTelemetry javaagent release a migrated Dockerfile downloads. */
  public static final String OTEL_AGENT_URL = "https://github.com/open-telemetry/"
      + "opentelemetry-java-instrumentation/releases/download/v2.31.1/opentelemetry-javaagent.jar";

  private static final String OTEL_JAR = "opentelemetry-javaagent.jar";
  private static final Pattern DD_JAR = Pattern.compile("dd-java-agent(-[\\w.\\-]+)?\\.jar");
  private static final Pattern DD_DOWNLOAD = Pattern.compile(
      "https?://(dtdg\\.co/[\\w\\-./]+|[\\w.\\-/]*dd-java-agent[\\w.\\-/]*\\.jar)");
  /** {@code ENV KEY=value}, {@code ENV KEY value}, {@code export KEY=value}, {@code KEY=value}. */
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "^(\\s*(?:ENV\\s+|export\\s+|-\\s*)?)(DD_SERVICE|DD_ENV|DD_VERSION)([=\\s]\\s*)"
          + "(\"[^\"]*\"|'[^']*'|[^\\s\"']+)\\s*$");
  /** A Kubernetes env entry: {@code - name: DD_ENV} then {@code value: ...}. */
  private static final Pattern K8S_NAME =
      Pattern.compile("^(\\s*-\\s*name:\\s*)[\"']?(DD_SERVICE|DD_ENV|DD_VERSION)[\"']?\\s*$");
  private static final Pattern K8S_VALUE = Pattern.compile("^(\\s*value:\\s*)(\\S.*?)\\s*$");

  private DatadogAgentStart() {}

  /** One change, at its line in the file before the migration. */
  public record Edit(int line, String what) {}

  /** The file after the migration, and what changed. */
  public record Result(String text, List<Edit> edits) {}

  /** The dd-java-agent jar a {@code -javaagent:} argument names, when it names one. */
  public static boolean agentJar(String jar) {
    return DD_JAR.matcher(jar).find();
  }

  /** {@code text} with OpenTelemetry's javaagent where Datadog's was started. */
  public static Result migrate(String text) {
    String[] lines = text.split("\n", -1);
    List<Edit> edits = new ArrayList<>();
    Map<String, String> tags = new LinkedHashMap<>();
    int attributesLine = -1;
    boolean quoted = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line == null) {
        continue; // the value line of an env entry merged into OTEL_RESOURCE_ATTRIBUTES
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (DD_DOWNLOAD.matcher(line).find() && !line.strip().startsWith("#")) {
        line = DD_DOWNLOAD.matcher(line).replaceAll(Matcher.quoteReplacement(OTEL_AGENT_URL));
        edits.add(new Edit(i + 1, "downloads the OpenTelemetry javaagent instead of "
            + "dd-java-agent"));
      }
      if (DD_JAR.matcher(line).find() && !lower.strip().startsWith("#")) {
        line = DD_JAR.matcher(line).replaceAll(OTEL_JAR);
        edits.add(new Edit(i + 1, "dd-java-agent -> the OpenTelemetry javaagent"));
      }
      Matcher assignment = ASSIGNMENT.matcher(line);
      Matcher k8s = K8S_NAME.matcher(line);
      if (assignment.matches()) {
        String key = assignment.group(2);
        String value = assignment.group(4);
        quoted |= !value.equals(unquoted(value));
        if (key.equals("DD_SERVICE")) {
          line = assignment.group(1) + "OTEL_SERVICE_NAME" + assignment.group(3) + value;
          edits.add(new Edit(i + 1, "DD_SERVICE -> OTEL_SERVICE_NAME"));
        } else {
          tags.put(attribute(key), unquoted(value));
          edits.add(new Edit(i + 1, key + " -> OTEL_RESOURCE_ATTRIBUTES " + attribute(key)));
          if (attributesLine < 0) {
            attributesLine = i;
            line = assignment.group(1) + "OTEL_RESOURCE_ATTRIBUTES" + assignment.group(3)
                + "\u0000";
          } else {
            line = null;
          }
        }
      } else if (k8s.matches() && i + 1 < lines.length
          && K8S_VALUE.matcher(lines[i + 1]).matches()) {
        Matcher value = K8S_VALUE.matcher(lines[i + 1]);
        value.matches();
        String key = k8s.group(2);
        if (key.equals("DD_SERVICE")) {
          line = k8s.group(1) + "OTEL_SERVICE_NAME";
          edits.add(new Edit(i + 1, "DD_SERVICE -> OTEL_SERVICE_NAME"));
        } else {
          tags.put(attribute(key), unquoted(value.group(2)));
          edits.add(new Edit(i + 1, key + " -> OTEL_RESOURCE_ATTRIBUTES " + attribute(key)));
          if (attributesLine < 0) {
            attributesLine = i + 1;
            line = k8s.group(1) + "OTEL_RESOURCE_ATTRIBUTES";
            lines[i + 1] = value.group(1) + "\u0000";
            quoted = true;
          } else {
            line = null;
            lines[i + 1] = null;
          }
        }
      }
      lines[i] = line;
    }
    if (attributesLine >= 0) {
      String joined = String.join(",", tags.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).toList());
      String at = lines[attributesLine];
      lines[attributesLine] = at.replace("\u0000", quoted ? "\"" + joined + "\"" : joined);
    }
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      if (line != null) {
        kept.add(line);
      }
    }
    return new Result(String.join("\n", kept), List.copyOf(edits));
  }

  private static String attribute(String key) {
    return key.equals("DD_ENV") ? "deployment.environment.name" : "service.version";
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"))
        ? value.substring(1, value.length() - 1) : value;
  }
}
