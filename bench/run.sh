#!/usr/bin/env bash
# The collector benchmark: starts `otelboard collector` (heap capped at the target's 512 MiB, a
# 10M-span correlation window), drives it with `otelboard loadgen` on the same machine for SECONDS
# (after a warm-up) over PROTOCOL, stops it, and prints the CPU each process used per item (span or
# log record) over the measured seconds, then as the last line:
#   spans/s: <int> logs/s: <int> heap_peak_mb: <int> correlated_pct: <float|n/a> collector_us_per_item: <f> loadgen_us_per_item: <f>
# Usage: bench/run.sh [SECONDS]   (env: PROTOCOL=grpc|http/protobuf|http/json, WARMUP=12,
#   CONNECTIONS=2 IN_FLIGHT=8 (HTTP/1.1: one connection per request in flight), HEAP=512m,
#   GC="<collector GC flags>", COLLECTOR_JAVA_OPTS, COLLECTOR_ARGS, LOADGEN_JAVA_OPTS,
#   LOADGEN_ARGS (e.g. --no-logs), KEEP=1 keeps the work directory with the logs and report)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${1:-30}
[ "$seconds" -ge 3 ] || { echo "bench: SECONDS must be at least 3" >&2; exit 2; }
warmup=${WARMUP:-12}
protocol=${PROTOCOL:-grpc}
work=$(mktemp -d)
COLLECTOR_PID=
# `|| true`: under set -e a failed kill (the collector already stopped) would make a good run exit 1.
trap '{ [ -n "$COLLECTOR_PID" ] && kill "$COLLECTOR_PID" 2>/dev/null; } || true; [ -n "${KEEP:-}" ] && echo "bench: kept $work" >&2 || rm -rf "$work"' EXIT

bench_build
start_otelboard "$work" || { cat "$work/collector.err" >&2; echo "bench: the collector did not start" >&2; exit 4; }
port=$GRPC_PORT
[ "$protocol" = grpc ] || port=$HTTP_PORT
echo "bench: collector pid $COLLECTOR_PID, $protocol on 127.0.0.1:$port, heap ${HEAP:-512m}; load for ${warmup}s warm-up + ${seconds}s" >&2

drive "$work" "$protocol" "$port" "$seconds" "$warmup"
cat "$work/loadgen.err" "$work/loadgen.out" >&2
stop_collector
cat "$work/collector.out" >&2

heap_peak=$(sed -n 's/.*"heapPeakBytes" *: *\([0-9]*\).*/\1/p' "$work/report.json" | head -n1)
in_request=$(sed -n 's/.*"inRequestLogs" *: *\([0-9]*\).*/\1/p' "$work/report.json" | head -n1)
ratio=$(sed -n 's/.*"inRequestCorrelation" *: *\([0-9.Ee-]*\).*/\1/p' "$work/report.json" | head -n1)
# Nothing to score (spans only): n/a, not 100%.
pct=n/a
[ "${in_request:-0}" -gt 0 ] && pct=$(awk -v r="${ratio:-0}" 'BEGIN {printf "%.2f", r * 100}')
describe_drive "$protocol, measured ${seconds}s" >&2
echo "spans/s: ${SPANS_S:-0} logs/s: ${LOGS_S:-0} heap_peak_mb: $(( ${heap_peak:-0} / 1048576 )) correlated_pct: $pct" \
  "collector_us_per_item: $COLLECTOR_US loadgen_us_per_item: $LOADGEN_US"
