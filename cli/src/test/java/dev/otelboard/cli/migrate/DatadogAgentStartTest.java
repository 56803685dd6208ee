package dev.otelboard.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden before/after texts of deploy files that start dd-java-agent; each applied twice. */
class DatadogAgentStartTest {

  private static DatadogAgentStart.Result assertMigrates(String before, String after) {
    DatadogAgentStart.Result first = DatadogAgentStart.migrate(before);
    assertThat(first.text()).isEqualTo(after);
    DatadogAgentStart.Result second = DatadogAgentStart.migrate(first.text());
    assertThat(second.text()).as("applying it again changes nothing").isEqualTo(after);
    assertThat(second.edits()).isEmpty();
    return first;
  }

  @Test
  void aDockerfileDownloadsAndStartsTheOpenTelemetryJavaagentWithTheServiceTags() {
    DatadogAgentStart.Result result = assertMigrates(
        """
        FROM eclipse-temurin:17-jre
        ADD 'https://dtdg.co/latest-java-tracer' /opt/dd-java-agent.jar
        COPY target/orders.jar /app/orders.jar
        ENV DD_SERVICE=orders
        ENV DD_ENV=prod
        ENV DD_VERSION=1.4.2
        ENV DD_LOGS_INJECTION=true
        ENV JAVA_TOOL_OPTIONS="-javaagent:/opt/dd-java-agent.jar -Xmx512m"
        ENTRYPOINT ["java", "-jar", "/app/orders.jar"]
        """,
        """
        FROM eclipse-temurin:17-jre
        ADD '%s' /opt/opentelemetry-javaagent.jar
        COPY target/orders.jar /app/orders.jar
        ENV OTEL_SERVICE_NAME=orders
        ENV OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=prod,service.version=1.4.2
        ENV DD_LOGS_INJECTION=true
        ENV JAVA_TOOL_OPTIONS="-javaagent:/opt/opentelemetry-javaagent.jar -Xmx512m"
        ENTRYPOINT ["java", "-jar", "/app/orders.jar"]
        """.formatted(DatadogAgentStart.OTEL_AGENT_URL));
    assertThat(result.edits()).extracting(DatadogAgentStart.Edit::line)
        .containsExactly(2, 2, 4, 5, 6, 8);
  }

  @Test
  void aStartScriptKeepsItsOwnJarNameStyleAndQuotedValues() {
    assertMigrates(
        """
        #!/bin/sh
        # was: java -javaagent:dd-java-agent.jar (kept in this comment)
        export DD_SERVICE=inventory
        export DD_ENV="$DEPLOY_ENV"
        curl -sLo /tmp/dd-java-agent.jar https://dtdg.co/latest-java-tracer
        exec java -javaagent:/tmp/dd-java-agent-1.44.0.jar -Ddd.profiling.enabled=false -jar app.jar
        """,
        """
        #!/bin/sh
        # was: java -javaagent:dd-java-agent.jar (kept in this comment)
        export OTEL_SERVICE_NAME=inventory
        export OTEL_RESOURCE_ATTRIBUTES="deployment.environment.name=$DEPLOY_ENV"
        curl -sLo /tmp/opentelemetry-javaagent.jar %s
        exec java -javaagent:/tmp/opentelemetry-javaagent.jar -Ddd.profiling.enabled=false -jar app.jar
        """.formatted(DatadogAgentStart.OTEL_AGENT_URL));
  }

  @Test
  void aKubernetesManifestsEnvEntriesFollowTheAgent() {
    assertMigrates(
        """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: orders
                  image: orders:1.4.2
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: "-javaagent:/datadog/dd-java-agent.jar"
                    - name: DD_SERVICE
                      value: orders
                    - name: DD_ENV
                      value: "prod"
                    - name: DD_VERSION
                      value: "1.4.2"
                    - name: DD_AGENT_HOST
                      valueFrom:
                        fieldRef:
                          fieldPath: status.hostIP
        """,
        """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: orders
                  image: orders:1.4.2
                  env:
                    - name: JAVA_TOOL_OPTIONS
                      value: "-javaagent:/datadog/opentelemetry-javaagent.jar"
                    - name: OTEL_SERVICE_NAME
                      value: orders
                    - name: OTEL_RESOURCE_ATTRIBUTES
                      value: "deployment.environment.name=prod,service.version=1.4.2"
                    - name: DD_AGENT_HOST
                      valueFrom:
                        fieldRef:
                          fieldPath: status.hostIP
        """);
  }

  @Test
  void aFileWithoutDatadogsAgentIsLeftAlone() {
    String text = """
        ENV JAVA_TOOL_OPTIONS="-javaagent:/otel/opentelemetry-javaagent.jar"
        ENV OTEL_SERVICE_NAME=orders
        """;
    assertMigrates(text, text);
    assertThat(DatadogAgentStart.agentJar("/opt/dd-java-agent.jar")).isTrue();
    assertThat(DatadogAgentStart.agentJar("/jacoco.jar")).isFalse();
  }
}
