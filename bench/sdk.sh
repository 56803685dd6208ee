#!/usr/bin/env bash
# The official OpenTelemetry Java SDK exporters into `otelboard collector` (bench/src/SdkBench.java):
# OtlpGrpcSpanExporter, then OtlpHttpSpanExporter with its OkHttp sender (the SDK's default) and
# with its JDK HttpClient sender, IN_FLIGHT exports in flight each, one after the other into one
# collector (10M-span window, 512 MiB heap). Prints, per exporter, spans/s, dropped spans, ms per
# export and the CPU µs per span of the collector and of the exporting process (from /proc, over
# the measured seconds), then as the last line:
#   grpc_spans_s: N http_okhttp_spans_s: M http_jdk_spans_s: K okhttp_vs_grpc: R1 jdk_vs_grpc: R2 dropped: D
# Usage: bench/sdk.sh [SECONDS]   (env: WARMUP=12, IN_FLIGHT=4, BATCH=512, COMPRESSION=none|gzip,
#   EXPORTERS="grpc http-okhttp http-jdk", KEEP=1)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${1:-20}
[ "$seconds" -ge 3 ] || { echo "bench: SECONDS must be at least 3" >&2; exit 2; }
warmup=${WARMUP:-12}
in_flight=${IN_FLIGHT:-4}
batch=${BATCH:-512}
compression=${COMPRESSION:-none}
work=$(mktemp -d)
COLLECTOR_PID=
trap '{ [ -n "$COLLECTOR_PID" ] && kill "$COLLECTOR_PID" 2>/dev/null; } || true; [ -n "${KEEP:-}" ] && echo "bench: kept $work" >&2 || rm -rf "$work"' EXIT

bench_build
# The SDK's jars (versions from the project's BOM), resolved by a pom outside the build.
(cd "$bench_root" && mvn -B -q -f bench/sdk/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/sdk.classpath") >&2
javac -d "$work/classes" -cp "$(cat "$work/sdk.classpath")" "$bench_root/bench/src/SdkBench.java"
start_otelboard "$work" || { cat "$work/collector.err" >&2; echo "bench: the collector did not start" >&2; exit 4; }
echo "bench: collector pid $COLLECTOR_PID (gRPC $GRPC_PORT, HTTP $HTTP_PORT); each exporter ${warmup}s warm-up + ${seconds}s," \
  "$in_flight exports of $batch spans in flight, compression $compression" >&2

declare -A rate
dropped=0
for exporter in ${EXPORTERS:-grpc http-okhttp http-jdk}; do
  port=$HTTP_PORT
  [ "$exporter" = grpc ] && port=$GRPC_PORT
  java ${SDK_JAVA_OPTS:-} -cp "$work/classes:$(cat "$work/sdk.classpath")" SdkBench "$exporter" "http://127.0.0.1:$port" \
    "$seconds" "$warmup" "$in_flight" "$batch" "$compression" >"$work/$exporter.out" 2>"$work/$exporter.err" &
  client=$!
  measure_window "$client" "$work/$exporter.err" "$warmup" "$seconds" || { kill "$client"; exit 4; }
  wait "$client" || { tail -n 30 "$work/$exporter.err" >&2; echo "bench: SdkBench $exporter failed" >&2; exit 4; }
  line=$(grep '^sdk:' "$work/$exporter.out")
  spans=$(sed -n 's/.*median spans\/s: \([0-9]*\).*/\1/p' <<<"$line")
  lost=$(sed -n 's/.* dropped: \([0-9]*\).*/\1/p' <<<"$line")
  rejected=$(sed -n 's/.* sender_rejected: \([0-9]*\).*/\1/p' <<<"$line")
  ms=$(sed -n 's/.* ms_per_export: \([0-9.]*\).*/\1/p' <<<"$line")
  rate[$exporter]=$spans
  dropped=$((dropped + lost))
  grep -v '^warm-up\|^measure' "$work/$exporter.err" | grep -m3 'SEVERE\|WARNING\|Exception' >&2 || true
  echo "bench: $exporter: spans/s $spans, dropped $lost, rejected by the sender before sending $rejected, $ms ms per export;" \
    "collector $(cores "$COLLECTOR_TICKS" "$WINDOW_S") cores, $(us_per_item "$COLLECTOR_TICKS" "$WINDOW_S" "$spans") us/span;" \
    "exporter process $(cores "$CLIENT_TICKS" "$WINDOW_S") cores, $(us_per_item "$CLIENT_TICKS" "$WINDOW_S" "$spans") us/span;" \
    "machine busy $(cores "$MACHINE_TICKS" "$WINDOW_S") of $(nproc) cores (load avg $(cut -d' ' -f1 /proc/loadavg))" >&2
done
stop_collector
COLLECTOR_PID=
grep -m1 "refused\|accepted" "$work/collector.out" >&2 || true

ratio() { awk -v a="${1:-0}" -v b="${2:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo "grpc_spans_s: ${rate[grpc]:-n/a} http_okhttp_spans_s: ${rate[http-okhttp]:-n/a} http_jdk_spans_s: ${rate[http-jdk]:-n/a}" \
  "okhttp_vs_grpc: $(ratio "${rate[http-okhttp]:-}" "${rate[grpc]:-}") jdk_vs_grpc: $(ratio "${rate[http-jdk]:-}" "${rate[grpc]:-}") dropped: $dropped"
