# [=a.stamp]
#
# Container env for [=a.service] in agent mode: the OpenTelemetry Java agent sends traces,
# logs and metrics to the collector on the same node. Add it to the Deployment's container
# and make the agent jar available at /otel/opentelemetry-javaagent.jar (e.g. an init
# container copying it from an image or a volume).
env:
  - name: NODE_IP
    valueFrom:
      fieldRef:
        fieldPath: status.hostIP
  - name: JAVA_TOOL_OPTIONS
    value: -javaagent:/otel/opentelemetry-javaagent.jar
  - name: OTEL_SERVICE_NAME
    value: [=yaml(a.service)]
<#if a.resourceAttributes?has_content>
  - name: OTEL_RESOURCE_ATTRIBUTES
    value: [=yaml(a.resourceAttributes)]
</#if>
  - name: OTEL_EXPORTER_OTLP_ENDPOINT
    value: http://$(NODE_IP):4318
  - name: OTEL_EXPORTER_OTLP_PROTOCOL
    value: http/protobuf
  - name: OTEL_TRACES_EXPORTER
    value: otlp
  - name: OTEL_LOGS_EXPORTER
    value: otlp
  - name: OTEL_METRICS_EXPORTER
    value: otlp
