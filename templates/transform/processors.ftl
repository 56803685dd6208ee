<#-- The per-service transform and filter processors, at column 0; callers indent it. -->
<#macro groups list>
<#list list as g>
<#if g.context??>
  - context: [=g.context]
    conditions:
<#else>
  - conditions:
</#if>
<#list g.conditions as c>
      - [=yaml(c)]
</#list>
    statements:
<#list g.statements as s>
      - [=yaml(s)]
</#list>
</#list>
</#macro>
<#list c.filters as f>
[=f.id]:
  error_mode: ignore
<#if f.traceConditions?has_content>
  trace_conditions:
<#list f.traceConditions as cond>
    - [=yaml(cond)]
</#list>
</#if>
<#if f.logConditions?has_content>
  log_conditions:
<#list f.logConditions as cond>
    - [=yaml(cond)]
</#list>
</#if>
</#list>
<#list c.transforms as t>
[=t.id]:
  error_mode: ignore
<#if t.traces?has_content>
  trace_statements:
<@indent n=2><@groups t.traces/></@indent>
</#if>
<#if t.metrics?has_content>
  metric_statements:
<@indent n=2><@groups t.metrics/></@indent>
</#if>
<#if t.logs?has_content>
  log_statements:
<@indent n=2><@groups t.logs/></@indent>
</#if>
</#list>
