#!/usr/bin/env bash
# The diff benchmark (issue 13): two synthetic captures of SPANS spans each (bench/src/DiffCaptureGen.java:
# a three-service checkout, A as instrumented, B with one client call uninstrumented, one executor
# unwrapped and no thread attributes), then `otelboard diff A B` in a capped heap. Checks that the
# diff found exactly what B lost (exit 1, the lost CLIENT group ranked first) and prints as the last line:
#   diff: spans_per_run: <n> json_mb: <n> seconds: <wall> cpu_seconds: <user+sys> max_rss_mb: <n> heap: <size>
# Usage: bench/diff.sh [SPANS]   (default 1000000; env: HEAP=512m, WORK=<dir> keeps and reuses the captures)
set -euo pipefail
spans=${1:-1000000}
heap=${HEAP:-512m}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/cli/target/otelboard.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/cli/src" "$root/collector-runtime/src" -newer "$jar" -name '*.java' -print -quit)" ]; then
  echo "bench: building otelboard..." >&2
  (cd "$root" && mvn -B -q -DskipTests package) >&2
fi
if [ -n "${WORK:-}" ]; then
  work=$WORK
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
a="$work/a-$spans.jsonl"
b="$work/b-$spans.jsonl"
[ -s "$a" ] || java "$root/bench/src/DiffCaptureGen.java" "$a" "$spans" a
[ -s "$b" ] || java "$root/bench/src/DiffCaptureGen.java" "$b" "$spans" b

set +e
/usr/bin/time -f "%e %U %S %M" -o "$work/time" \
  java -Xmx"$heap" -jar "$jar" diff "$a" "$b" --limit 5 >"$work/diff.txt" 2>"$work/diff.err"
code=$?
set -e
cat "$work/diff.txt" "$work/diff.err" >&2
if [ "$code" -ne 1 ] || ! grep -q '^   1. \[span-group\] checkout  CLIENT POST /reserve 2xx' "$work/diff.txt"; then
  echo "bench: expected exit 1 with the lost CLIENT POST /reserve group ranked first (exit $code)" >&2
  exit 1
fi
read -r wall user sys rss < <(tail -n1 "$work/time")
mb=$(( ($(stat -c %s "$a") + $(stat -c %s "$b")) / 1000000 ))
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
printf 'diff: spans_per_run: %d json_mb: %d seconds: %s cpu_seconds: %.2f max_rss_mb: %d heap: %s\n' \
  "$spans" "$mb" "$wall" "$(echo "$user + $sys" | bc)" "$(( rss / 1024 ))" "$heap"
