package dev.otelboard.cli.scan;

import dev.otelboard.cli.migrate.DatadogAgentStart;
import dev.otelboard.cli.rewrite.RewriteId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tracing javaagents attached outside the code: {@code -javaagent:} in Dockerfiles, scripts,
 * manifests, jvm.config and pom.xml, and the OpenTelemetry Operator's inject annotation. Other
 * agents (JaCoCo, Prometheus JMX...) are not tracing and are ignored.
 */
final class AgentDetector {
  private static final Pattern JAVAAGENT = Pattern.compile("-javaagent:([^\\s\"']+)");
  private static final Pattern OTHER_VENDORS =
      Pattern.compile("elastic-apm|newrelic|applicationinsights|skywalking|pinpoint|glowroot"
          + "|instana|appdynamics|dynatrace|aws-xray|scouter", Pattern.CASE_INSENSITIVE);
  private static final String OPERATOR_ANNOTATION = "instrumentation.opentelemetry.io/inject-java";

  /** Whether a file of this name may attach an agent. */
  static boolean accepts(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("dockerfile") || n.startsWith("containerfile") || n.endsWith(".dockerfile")
        || n.endsWith(".sh") || n.endsWith(".bash") || n.endsWith(".zsh")
        || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".env") || n.equals("procfile")
        || n.equals("jvm.config") || n.endsWith(".conf") || n.endsWith(".service")
        || n.equals("makefile") || n.endsWith(".cmd") || n.endsWith(".bat") || n.endsWith(".ps1")
        || n.equals("pom.xml") || n.startsWith("build.gradle") || n.equals("gradle.properties");
  }

  void detect(TextSource src) {
    String text = src.name.endsWith(".xml") ? Snippets.withoutXmlComments(src.text) : src.text;
    int offset = 0;
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      boolean comment = t.startsWith("#") || t.startsWith("//") || t.startsWith("REM ")
          || t.startsWith("rem ") || t.startsWith("::");
      if (!comment) {
        scanLine(src, line, offset);
      }
      offset += line.length() + 1;
    }
  }

  private static void scanLine(TextSource src, String line, int offset) {
    Matcher m = JAVAAGENT.matcher(line);
    while (m.find()) {
      String jar = m.group(1);
      String lower = line.toLowerCase(Locale.ROOT);
      int at = offset + m.start();
      if (jar.toLowerCase(Locale.ROOT).contains("opentelemetry")
          || jar.toLowerCase(Locale.ROOT).contains("otel")) {
        src.addAt(FindingKind.OTEL_JAVAAGENT, at, "-javaagent:" + jar, true, RewriteId.NONE,
            "the OpenTelemetry javaagent is attached here");
      } else if (DatadogAgentStart.agentJar(jar)) {
        src.addAt(FindingKind.DATADOG, at, "-javaagent:" + jar, true, DatadogAgentStart.ID,
            "the Datadog agent is started here: onboard --mode agent puts the OpenTelemetry "
                + "javaagent in its place (and DD_SERVICE/DD_ENV/DD_VERSION in OTEL_*); in SDK "
                + "mode remove it, or two tracers run");
      } else if (lower.contains("datadog")) {
        src.addAt(FindingKind.DATADOG, at, "-javaagent:" + jar, true, RewriteId.MANUAL,
            "the Datadog agent is attached here: onboarding adds OpenTelemetry next to it; "
                + "decide which one stays");
      } else if (OTHER_VENDORS.matcher(jar).find()) {
        src.addAt(FindingKind.OTHER_AGENT, at, "-javaagent:" + jar, true, RewriteId.MANUAL,
            "another tracing agent is attached here: onboarding adds OpenTelemetry next to it; "
                + "decide which one stays");
      }
    }
    int annotation = line.indexOf(OPERATOR_ANNOTATION);
    if (annotation >= 0) {
      src.addAt(FindingKind.OTEL_JAVAAGENT, offset + annotation, OPERATOR_ANNOTATION, true,
          RewriteId.NONE, "the OpenTelemetry Operator injects the javaagent");
    }
  }
}
