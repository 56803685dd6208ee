#!/usr/bin/env bash
# The collector benchmark: starts `otelboard collector` (heap capped at the target's 512 MiB, a
# 10M-span correlation window), drives it with `otelboard loadgen` on the same machine for SECONDS
# (after a warm-up), stops it, and prints as the last line:
#   spans/s: <int> logs/s: <int> heap_peak_mb: <int> correlated_pct: <float, or n/a when no log record was in a request>
# Usage: bench/run.sh [SECONDS]   (env: WARMUP=12 CONNECTIONS=2 IN_FLIGHT=8 HEAP=512m,
#   GC="<collector GC flags>", COLLECTOR_JAVA_OPTS, COLLECTOR_ARGS, LOADGEN_JAVA_OPTS,
#   LOADGEN_ARGS (e.g. --no-logs), KEEP=1 keeps the work directory with the logs and report)
set -euo pipefail
seconds=${1:-30}
warmup=${WARMUP:-12}
heap=${HEAP:-512m}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/cli/target/otelboard.jar"
work=$(mktemp -d)
trap 'kill "$collector_pid" 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "bench: kept $work" >&2 || rm -rf "$work"' EXIT

if [ ! -f "$jar" ] || [ -n "$(find "$root/cli/src" "$root/collector-runtime/src" -newer "$jar" -name '*.java' -print -quit)" ]; then
  echo "bench: building otelboard..." >&2
  (cd "$root" && mvn -B -q -DskipTests package) >&2
fi

# ParallelGC with a fixed 80 MiB young generation: the full 10M-span window plus the log window
# hold ~360 MiB for good, which does not fit the old generation of the default 1:2 split of a
# 512 MiB heap (back-to-back full GCs); G1 measured slower here (see docs/benchmarks.md).
# AlwaysPreTouch faults the heap in at start: otherwise the kernel zeroing fresh pages while the
# index fills showed up as ~12% of the collector's CPU samples (perf, clear_page_erms).
java -Xmx"$heap" -Xms"$heap" -XX:+AlwaysPreTouch ${GC:--XX:+UseParallelGC -Xmn80m} ${COLLECTOR_JAVA_OPTS:-} -jar "$jar" collector \
  --grpc-port 0 --http-port 0 --span-window 10000000 --report-json "$work/report.json" ${COLLECTOR_ARGS:-} \
  >"$work/collector.out" 2>"$work/collector.err" &
collector_pid=$!
for _ in $(seq 1 100); do
  grep -q "OTLP/gRPC on" "$work/collector.err" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's/.*OTLP\/gRPC on [^:]*:\([0-9]*\).*/\1/p' "$work/collector.err" | head -n1)
[ -n "$port" ] || { cat "$work/collector.err" >&2; echo "bench: the collector did not start" >&2; exit 4; }
echo "bench: collector pid $collector_pid on 127.0.0.1:$port, heap $heap; load for ${warmup}s warm-up + ${seconds}s" >&2

ticks=$(getconf CLK_TCK)
# CPU ticks of a process (user + system) and of the whole machine (busy, all tenants).
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
stat0=$(machine_ticks)
/usr/bin/time -f "%U %S" -o "$work/loadgen.time" java ${LOADGEN_JAVA_OPTS:-} -jar "$jar" loadgen --target "127.0.0.1:$port" --seconds "$seconds" --warmup "$warmup" \
  --connections "${CONNECTIONS:-2}" --in-flight "${IN_FLIGHT:-8}" ${LOADGEN_ARGS:-} >"$work/loadgen.out" 2>"$work/loadgen.err" &
time_pid=$!
sleep 1
loadgen_pid=$(pgrep -P "$time_pid" java | head -n1 || true)
# Steady-state CPU: sampled over the measured seconds only (JIT warm-up excluded).
sleep "$(( warmup > 1 ? warmup - 1 : 0 ))"
c0=$(proc_ticks "$collector_pid"); l0=$(proc_ticks "${loadgen_pid:-0}"); m0=$(machine_ticks)
sleep "$seconds"
c1=$(proc_ticks "$collector_pid"); l1=$(proc_ticks "${loadgen_pid:-0}"); m1=$(machine_ticks)
wait "$time_pid"
stat1=$(machine_ticks)
cat "$work/loadgen.err" >&2
cat "$work/loadgen.out" >&2

# Collector CPU seconds (user + system) from /proc, before it drains.
cpu=$(awk -v t="$ticks" '{printf "%.1f (user %.1f sys %.1f)", ($14 + $15) / t, $14 / t, $15 / t}' "/proc/$collector_pid/stat")
kill -TERM "$collector_pid"
wait "$collector_pid" || true
cat "$work/collector.out" >&2

spans=$(sed -n 's/.*median spans\/s: \([0-9]*\) logs\/s: \([0-9]*\).*/\1/p' "$work/loadgen.out")
logs=$(sed -n 's/.*median spans\/s: \([0-9]*\) logs\/s: \([0-9]*\).*/\2/p' "$work/loadgen.out")
heap_peak=$(sed -n 's/.*"heapPeakBytes" *: *\([0-9]*\).*/\1/p' "$work/report.json" | head -n1)
# null when no log record fell inside a request (a spans-only run): nothing was scored, "n/a".
ratio=$(sed -n 's/.*"inRequestCorrelation" *: *\([0-9.Ee-]*\|null\).*/\1/p' "$work/report.json" | head -n1)
case "$ratio" in
  ''|null) pct=n/a ;;
  *) pct=$(awk -v r="$ratio" 'BEGIN {printf "%.2f", r * 100}') ;;
esac
machine=$(awk -v a="$stat0" -v b="$stat1" -v t="$ticks" 'BEGIN {printf "%.1f", (b - a) / t}')
lg_cpu=$(awk '{printf "%.1f (user %.1f sys %.1f)", $1 + $2, $1, $2}' "$work/loadgen.time" 2>/dev/null || echo "?")
echo "bench: collector CPU ${cpu}s, loadgen CPU ${lg_cpu}s, whole machine busy ${machine} CPU-s (other tenants included) over $((warmup + seconds))s of load" >&2
# Per span+log pair over the measured seconds (or per span with --no-logs), from the median rate.
awk -v c="$((c1 - c0))" -v l="$((l1 - l0))" -v m="$((m1 - m0))" -v t="$ticks" -v s="$seconds" -v r="${spans:-0}" 'BEGIN {
  if (r > 0) printf "bench: measured %ds: collector %.2f cores (%.2f us/item), loadgen %.2f cores (%.2f us/item), machine busy %.2f of 2 cores\n",
    s, c / t / s, c / t / s / r * 1e6, l / t / s, l / t / s / r * 1e6, m / t / s }' >&2
echo "spans/s: ${spans:-0} logs/s: ${logs:-0} heap_peak_mb: $(( ${heap_peak:-0} / 1048576 )) correlated_pct: ${pct}"
