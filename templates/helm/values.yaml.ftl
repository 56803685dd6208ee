# [=v.stamp]
#
# Helm values for the opentelemetry-collector chart (checked against chart [=v.chartVersion]):
# one collector per node (DaemonSet), contrib image, Datadog as the primary backend<#if v.config.exporters?has_content> plus dual
# export over OTLP</#if>. Fleet "[=v.fleet]": [=v.services?join(", ")].
#
#   helm upgrade --install otel-collector open-telemetry/opentelemetry-collector -f values.yaml
#
# Credentials never appear in this file. Create these Secrets first (Secret name: key):
<#list v.secrets as s>
#   [=s]
</#list>
# Applications send OTLP to the collector on their node: http://$(NODE_IP):4318 or
# $(NODE_IP):4317, with NODE_IP from the Downward API (status.hostIP).
mode: daemonset
image:
  repository: [=yaml(v.imageRepository)]
<#if v.imageTag?has_content>
  tag: [=yaml(v.imageTag)]
</#if>
presets:
  kubernetesAttributes:
    enabled: true
  logsCollection:
    enabled: [=v.logsCollection?c]
resources:
  limits:
    cpu: [=yaml(v.cpuLimit)]
    memory: [=yaml(v.memoryLimit)]
  requests:
    cpu: [=yaml(v.cpuRequest)]
    memory: [=yaml(v.memoryRequest)]
<#if v.extraEnvs?has_content>
extraEnvs:
<#list v.extraEnvs as e>
  - name: [=e.name]
    valueFrom:
      secretKeyRef:
        name: [=yaml(e.secretName)]
        key: [=yaml(e.secretKey)]
</#list>
</#if>
ports:
<#list v.ports as p>
  [=p.name]:
    enabled: [=p.enabled?c]
<#if p.enabled>
    containerPort: [=p.containerPort?c]
    servicePort: [=p.containerPort?c]
    hostPort: [=p.hostPort?c]
    protocol: [=p.protocol]
<#if p.appProtocol??>
    appProtocol: [=p.appProtocol]
</#if>
</#if>
</#list>
config:
<#assign c = v.config>
<@indent n=2><#include "/collector/config.yaml.ftl"></@indent>
