<#-- The collector configuration: the chart's config: block, at column 0. -->
receivers:
<#list c.removedReceivers as r>
  [=r]: null
</#list>
  otlp:
    protocols:
      grpc:
        endpoint: ${env:MY_POD_IP}:4317
      http:
        endpoint: ${env:MY_POD_IP}:4318
<#if c.logsCollection>
  file_log:
    start_at: end
</#if>
processors:
  memory_limiter:
    check_interval: 1s
    limit_percentage: 80
    spike_limit_percentage: 25
<@indent n=2><#include "/transform/processors.ftl"></@indent>
  batch:
    send_batch_size: 100
    send_batch_max_size: 1000
    timeout: 10s
<#if c.datadogConnector>
connectors:
  datadog/connector: {}
</#if>
exporters:
<#list c.removedExporters as e>
  [=e]: null
</#list>
<#if c.datadogSite??>
  datadog:
    api:
      key: ${env:DD_API_KEY}
      site: [=yaml(c.datadogSite)]
</#if>
<#list c.exporters as e>
  [=e.id]:
    endpoint: [=yaml(e.endpoint)]
<#if e.insecure>
    tls:
      insecure: true
</#if>
<#if e.headers?has_content>
    headers:
<#list e.headers as h>
      [=h.name]: [=yaml(h.value)]
</#list>
</#if>
</#list>
extensions:
  health_check:
    endpoint: ${env:MY_POD_IP}:13133
service:
  extensions:
    - health_check
  pipelines:
<#list c.pipelines as p>
    [=p.id]:
      receivers:
<#list p.receivers as x>
        - [=x]
</#list>
      processors:
<#list p.processors as x>
        - [=x]
</#list>
      exporters:
<#list p.exporters as x>
        - [=x]
</#list>
</#list>
