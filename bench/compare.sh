#!/usr/bin/env bash
# Our collector against the reference OpenTelemetry Collector on the same machine, in one run: the
# same `otelboard loadgen` (OTLP/gRPC) drives the real otelcol (interop/otelcol/build.sh: otlp
# receiver -> debug exporter, no processors) and then `otelboard collector` (10M-span correlation
# window, 512 MiB heap), spans + correlated logs and then spans only, one after the other. CPU per
# item (span or log record) is each collector process's utime + stime from /proc over the measured
# seconds. Prints one line per run, then as the last line:
#   otelboard_spans_s: N otelcol_spans_s: M ratio: R spans_only_ratio: R2 cpu_ratio: R3
# R = N / M with logs, R2 the same spans-only, R3 = the real collector's CPU µs per item / ours
# (with logs; the spans-only CPU ratio is on the line before).
# Usage: bench/compare.sh [SECONDS]   (env: WARMUP=12, OTELCOL=<binary> (default: built or found by
#   interop/otelcol/build.sh), PROTOCOL=grpc|http/protobuf, CONNECTIONS, IN_FLIGHT, KEEP=1)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${1:-20}
[ "$seconds" -ge 3 ] || { echo "bench: SECONDS must be at least 3" >&2; exit 2; }
warmup=${WARMUP:-12}
protocol=${PROTOCOL:-grpc}
otelcol=${OTELCOL:-$("$bench_root/interop/otelcol/build.sh")}
[ -x "$otelcol" ] || { echo "bench: no reference collector at $otelcol" >&2; exit 4; }
root_work=$(mktemp -d)
COLLECTOR_PID=
trap '{ [ -n "$COLLECTOR_PID" ] && kill "$COLLECTOR_PID" 2>/dev/null; } || true; [ -n "${KEEP:-}" ] && echo "bench: kept $root_work" >&2 || rm -rf "$root_work"' EXIT
bench_build

# Args: name (otelcol|otelboard), mode (mixed|spans); sets the drive() figures.
run() {
  local work="$root_work/$1-$2"
  mkdir -p "$work"
  if [ "$1" = otelcol ]; then
    start_otelcol "$otelcol" "$work" || { echo "bench: the reference collector did not start" >&2; exit 4; }
  else
    start_otelboard "$work" || { cat "$work/collector.err" >&2; echo "bench: the collector did not start" >&2; exit 4; }
  fi
  local port=$GRPC_PORT
  [ "$protocol" = grpc ] || port=$HTTP_PORT
  local extra=()
  [ "$2" = spans ] && extra=(--no-logs)
  drive "$work" "$protocol" "$port" "$seconds" "$warmup" "${extra[@]}"
  stop_collector
  COLLECTOR_PID=
  grep -h "refused\|failed" "$work/loadgen.out" >&2 || true
  describe_drive "$1 $2 ($protocol)" >&2
}

declare -A spans us jit
for mode in mixed spans; do
  for name in otelcol otelboard; do
    run "$name" "$mode"
    spans[$name-$mode]=$SPANS_S
    us[$name-$mode]=$COLLECTOR_US
    jit[$name-$mode]=$COLLECTOR_JIT_US
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
# On a starved machine our JVM may still be JIT-compiling during the window (Go has no JIT): the
# ratio without the compiler threads is what a longer warm-up converges to.
echo "bench: cpu ratio without otelboard's JIT compiler threads: with logs" \
  "$(ratio "${us[otelcol-mixed]}" "$(minus "${us[otelboard-mixed]}" "${jit[otelboard-mixed]}")"), spans-only" \
  "$(ratio "${us[otelcol-spans]}" "$(minus "${us[otelboard-spans]}" "${jit[otelboard-spans]}")")" >&2
echo "bench: collector CPU us per item: otelcol ${us[otelcol-mixed]} / otelboard ${us[otelboard-mixed]} with logs," \
  "otelcol ${us[otelcol-spans]} / otelboard ${us[otelboard-spans]} spans-only (cpu ratio $(ratio "${us[otelcol-spans]}" "${us[otelboard-spans]}"))" >&2
echo "otelboard_spans_s: ${spans[otelboard-mixed]} otelcol_spans_s: ${spans[otelcol-mixed]}" \
  "ratio: $(ratio "${spans[otelboard-mixed]}" "${spans[otelcol-mixed]}")" \
  "spans_only_ratio: $(ratio "${spans[otelboard-spans]}" "${spans[otelcol-spans]}")" \
  "cpu_ratio: $(ratio "${us[otelcol-mixed]}" "${us[otelboard-mixed]}")"
