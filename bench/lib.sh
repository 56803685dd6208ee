# Shared by the collector benchmarks (sourced, not run): build the jar when sources changed, start a
# collector (ours or the reference otelcol) on free loopback ports, drive it with `otelboard
# loadgen`, and read CPU time from /proc for the measured seconds only (JIT warm-up excluded).
# On a shared machine throughput moves with the neighbours; CPU µs per item, and ratios measured
# side by side in one run, are the figures to compare.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_jar="$bench_root/cli/target/otelboard.jar"
bench_ticks=$(getconf CLK_TCK)

# Builds cli/target/otelboard.jar if it is missing or older than a source file.
bench_build() {
  if [ ! -f "$bench_jar" ] || [ -n "$(find "$bench_root/cli/src" "$bench_root/collector-runtime/src" -newer "$bench_jar" -name '*.java' -print -quit)" ]; then
    echo "bench: building otelboard..." >&2
    (cd "$bench_root" && mvn -B -q -DskipTests package) >&2
  fi
}

# CPU ticks (user + system) of a process, of all its threads; 0 once it is gone.
proc_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU ticks of a JVM's JIT compiler threads (C1/C2): on a starved machine they can still be
# compiling the hot paths after the warm-up, and their time is then part of the per-item figure.
jit_ticks() {
  local t sum=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0))) ;;
    esac
  done
  echo "$sum"
}
# Busy ticks of the whole machine (every tenant).
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }

# A TCP port free on 127.0.0.1 now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# Waits up to $3 (default 60) s for a line matching $2 in file $1; fails with the file's tail otherwise.
wait_for_line() {
  local i
  for ((i = 0; i < ${3:-60} * 20; i++)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  tail -n 20 "$1" >&2
  echo "bench: gave up waiting for \"$2\" in $1" >&2
  return 4
}

# Starts `otelboard collector` with the benchmark's JVM settings; sets COLLECTOR_PID, GRPC_PORT and
# HTTP_PORT. Args: work dir, then extra collector arguments.
# ParallelGC with a fixed 80 MiB young generation: the full 10M-span window plus the log window
# hold ~360 MiB for good, which does not fit the old generation of the default 1:2 split of a
# 512 MiB heap (back-to-back full GCs); G1 measured slower here (see docs/benchmarks.md).
# AlwaysPreTouch faults the heap in at start: otherwise the kernel zeroing fresh pages while the
# index fills showed up as ~12% of the collector's CPU samples (perf, clear_page_erms).
start_otelboard() {
  local work=$1
  shift
  rm -f "$work/collector.err"
  java -Xmx"${HEAP:-512m}" -Xms"${HEAP:-512m}" -XX:+AlwaysPreTouch ${GC:--XX:+UseParallelGC -Xmn80m} ${COLLECTOR_JAVA_OPTS:-} \
    -jar "$bench_jar" collector --grpc-port 0 --http-port 0 --span-window 10000000 --report-json "$work/report.json" \
    "$@" ${COLLECTOR_ARGS:-} >"$work/collector.out" 2>"$work/collector.err" &
  COLLECTOR_PID=$!
  wait_for_line "$work/collector.err" "OTLP/HTTP on" || return 4
  GRPC_PORT=$(sed -n 's/.*OTLP\/gRPC on [^:]*:\([0-9]*\).*/\1/p' "$work/collector.err" | head -n1)
  HTTP_PORT=$(sed -n 's/.*OTLP\/HTTP on [^:]*:\([0-9]*\).*/\1/p' "$work/collector.err" | head -n1)
}

# Starts the reference collector (otlp receiver -> debug exporter, no processors, no internal
# metrics endpoint); sets COLLECTOR_PID, GRPC_PORT and HTTP_PORT. Args: otelcol binary, work dir.
# The debug exporter logs one line per 1000 batches: a sink, not a printer.
start_otelcol() {
  local otelcol=$1 work=$2
  GRPC_PORT=$(free_port)
  HTTP_PORT=$(free_port)
  cat >"$work/otelcol.yaml" <<EOF
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:$GRPC_PORT
      http:
        endpoint: 127.0.0.1:$HTTP_PORT
exporters:
  debug:
    verbosity: basic
    sampling_initial: 1
    sampling_thereafter: 1000
service:
  telemetry:
    metrics:
      level: none
    logs:
      level: info
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
    logs:
      receivers: [otlp]
      exporters: [debug]
EOF
  rm -f "$work/collector.err"
  "$otelcol" --config "$work/otelcol.yaml" >"$work/collector.out" 2>"$work/collector.err" &
  COLLECTOR_PID=$!
  wait_for_line "$work/collector.err" "Everything is ready" || return 4
}

# Stops the collector started last (SIGTERM, then waits: ours drains and prints its report).
stop_collector() {
  kill -TERM "$COLLECTOR_PID" 2>/dev/null || true
  wait "$COLLECTOR_PID" 2>/dev/null || true
}

# Samples CPU ticks of the collector, of a client process and of the machine over a client's
# measured seconds, aligned to the client's own clock: the client (loadgen, SdkBench) prints
# "measure   N s ..." at the end of each measured second (N counts from the start of the warm-up);
# the sample runs from the end of the first to the end of the last but one, so that the client is
# still running when it closes. Args: client pid, its stderr file, warm-up, seconds (>= 3).
# Sets COLLECTOR_TICKS, CLIENT_TICKS, MACHINE_TICKS, WINDOW_S (the wall seconds sampled),
# COLLECTOR_JIT_TICKS (the collector's JIT compiler threads, 0 for otelcol) and WARMUP_CPU_S (the
# collector's CPU seconds before the window).
measure_window() {
  local client=$1 err=$2 warmup=$3 seconds=$4 c0 l0 m0 t0 j0 limit
  limit=$((warmup + seconds + 60))
  wait_for_line "$err" "^measure *$((warmup + 1)) s" "$limit" || return 4
  c0=$(proc_ticks "$COLLECTOR_PID"); l0=$(proc_ticks "$client"); m0=$(machine_ticks); t0=$(date +%s.%N)
  j0=$(jit_ticks "$COLLECTOR_PID")
  WARMUP_CPU_S=$((c0 / bench_ticks))
  wait_for_line "$err" "^measure *$((warmup + seconds - 1)) s" "$limit" || return 4
  COLLECTOR_JIT_TICKS=$(( $(jit_ticks "$COLLECTOR_PID") - j0 ))
  COLLECTOR_TICKS=$(( $(proc_ticks "$COLLECTOR_PID") - c0 ))
  CLIENT_TICKS=$(( $(proc_ticks "$client") - l0 ))
  MACHINE_TICKS=$(( $(machine_ticks) - m0 ))
  WINDOW_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
}

# Cores used and CPU µs per item over SECONDS at RATE items/s (the median rate of the client's
# measured seconds, which the window spans but for the first). Args: ticks, seconds, rate.
cores() { awk -v c="$1" -v t="$bench_ticks" -v s="$2" 'BEGIN { printf "%.2f", c / t / s }'; }
us_per_item() { awk -v c="$1" -v t="$bench_ticks" -v s="$2" -v r="$3" 'BEGIN { if (r > 0) printf "%.3f", c / t / s / r * 1e6; else print "n/a" }'; }

# Drives the collector with `otelboard loadgen` for WARMUP + SECONDS and samples CPU over the
# measured seconds. Args: work dir, protocol, port, seconds, warm-up, then extra loadgen arguments.
# Sets SPANS_S and LOGS_S (medians), ITEMS_S (their sum), COLLECTOR_CORES, LOADGEN_CORES,
# MACHINE_CORES, COLLECTOR_US and LOADGEN_US (CPU µs per item: per span or log record), and
# COLLECTOR_JIT_US (the part of COLLECTOR_US spent by JIT compiler threads).
drive() {
  local work=$1 protocol=$2 port=$3 seconds=$4 warmup=$5
  shift 5
  java ${LOADGEN_JAVA_OPTS:-} -jar "$bench_jar" loadgen --protocol "$protocol" --target "127.0.0.1:$port" \
    --seconds "$seconds" --warmup "$warmup" --connections "${CONNECTIONS:-2}" --in-flight "${IN_FLIGHT:-8}" \
    "$@" ${LOADGEN_ARGS:-} >"$work/loadgen.out" 2>"$work/loadgen.err" &
  local loadgen_pid=$!
  measure_window "$loadgen_pid" "$work/loadgen.err" "$warmup" "$seconds" || { kill "$loadgen_pid" 2>/dev/null; return 4; }
  wait "$loadgen_pid" || { cat "$work/loadgen.err" >&2; echo "bench: loadgen failed" >&2; return 4; }
  SPANS_S=$(sed -n 's/.*median spans\/s: \([0-9]*\) logs\/s: \([0-9]*\).*/\1/p' "$work/loadgen.out")
  LOGS_S=$(sed -n 's/.*median spans\/s: \([0-9]*\) logs\/s: \([0-9]*\).*/\2/p' "$work/loadgen.out")
  ITEMS_S=$(( ${SPANS_S:-0} + ${LOGS_S:-0} ))
  COLLECTOR_CORES=$(cores "$COLLECTOR_TICKS" "$WINDOW_S")
  LOADGEN_CORES=$(cores "$CLIENT_TICKS" "$WINDOW_S")
  MACHINE_CORES=$(cores "$MACHINE_TICKS" "$WINDOW_S")
  COLLECTOR_US=$(us_per_item "$COLLECTOR_TICKS" "$WINDOW_S" "$ITEMS_S")
  COLLECTOR_JIT_US=$(us_per_item "$COLLECTOR_JIT_TICKS" "$WINDOW_S" "$ITEMS_S")
  LOADGEN_US=$(us_per_item "$CLIENT_TICKS" "$WINDOW_S" "$ITEMS_S")
}

# One line describing the last drive(), for stderr.
describe_drive() {
  echo "bench: $1: spans/s $SPANS_S logs/s $LOGS_S; collector $COLLECTOR_CORES cores, $COLLECTOR_US us/item" \
    "(JIT compiler threads $COLLECTOR_JIT_US of it; $WARMUP_CPU_S CPU-s before measuring);" \
    "loadgen $LOADGEN_CORES cores, $LOADGEN_US us/item; machine busy $MACHINE_CORES of $(nproc) cores" \
    "(load avg $(cut -d' ' -f1 /proc/loadavg))"
}
