#!/usr/bin/env bash
# The collector benchmark: starts `otelboard collector` (heap capped at the target's 512 MiB, a
# 10M-span correlation window), drives it with `otelboard loadgen` on the same machine for SECONDS
# (after a warm-up), stops it, and prints as the last line:
#   spans/s: <int> logs/s: <int> heap_peak_mb: <int> correlated_pct: <float>
# Usage: bench/run.sh [SECONDS]   (env: WARMUP=12 CONNECTIONS=2 IN_FLIGHT=8 HEAP=512m)
set -euo pipefail
seconds=${1:-30}
warmup=${WARMUP:-12}
heap=${HEAP:-512m}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/cli/target/otelboard.jar"
work=$(mktemp -d)
trap 'kill "$collector_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ ! -f "$jar" ] || [ -n "$(find "$root/cli/src" "$root/collector-runtime/src" -newer "$jar" -name '*.java' -print -quit)" ]; then
  echo "bench: building otelboard..." >&2
  (cd "$root" && mvn -B -q -DskipTests package) >&2
fi

java -Xmx"$heap" -Xms"$heap" -XX:+UseParallelGC -jar "$jar" collector \
  --grpc-port 0 --http-port 0 --span-window 10000000 --report-json "$work/report.json" \
  >"$work/collector.out" 2>"$work/collector.err" &
collector_pid=$!
for _ in $(seq 1 100); do
  grep -q "OTLP/gRPC on" "$work/collector.err" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's/.*OTLP\/gRPC on [^:]*:\([0-9]*\).*/\1/p' "$work/collector.err" | head -n1)
[ -n "$port" ] || { cat "$work/collector.err" >&2; echo "bench: the collector did not start" >&2; exit 4; }
echo "bench: collector pid $collector_pid on 127.0.0.1:$port, heap $heap; load for ${warmup}s warm-up + ${seconds}s" >&2

java -jar "$jar" loadgen --target "127.0.0.1:$port" --seconds "$seconds" --warmup "$warmup" \
  --connections "${CONNECTIONS:-2}" --in-flight "${IN_FLIGHT:-8}" >"$work/loadgen.out"
cat "$work/loadgen.out" >&2

# Collector CPU seconds (user + system) from /proc, before it drains.
ticks=$(getconf CLK_TCK)
cpu=$(awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$collector_pid/stat")
kill -TERM "$collector_pid"
wait "$collector_pid" || true
cat "$work/collector.out" >&2

spans=$(sed -n 's/.*median spans\/s: \([0-9]*\) logs\/s: \([0-9]*\).*/\1/p' "$work/loadgen.out")
logs=$(sed -n 's/.*median spans\/s: \([0-9]*\) logs\/s: \([0-9]*\).*/\2/p' "$work/loadgen.out")
heap_peak=$(sed -n 's/.*"heapPeakBytes" *: *\([0-9]*\).*/\1/p' "$work/report.json" | head -n1)
ratio=$(sed -n 's/.*"inRequestCorrelation" *: *\([0-9.Ee-]*\).*/\1/p' "$work/report.json" | head -n1)
pct=$(awk -v r="${ratio:-0}" 'BEGIN {printf "%.2f", r * 100}')
echo "bench: collector CPU ${cpu}s over the run" >&2
echo "spans/s: ${spans:-0} logs/s: ${logs:-0} heap_peak_mb: $(( ${heap_peak:-0} / 1048576 )) correlated_pct: ${pct:-0}"
