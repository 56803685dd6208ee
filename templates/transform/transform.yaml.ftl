# [=stamp]
#
# Per-service OTTL rules for the collector's transform and filter processors (collector-contrib
# >= 0.146). Every rule is guarded by its service's resource.attributes["service.name"].
# Services: [=services?join(", ")].
#
# `otelboard generate helm` embeds these processors in values.yaml and its pipelines. To use them
# in another collector config, merge this block under processors: and add the ids to the
# traces/metrics/logs pipelines, filters before transforms, before batch.
processors:
<@indent n=2><#include "/transform/processors.ftl"></@indent>
