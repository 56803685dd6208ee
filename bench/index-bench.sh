#!/usr/bin/env bash
# Per-item CPU cost of scanning + correlation on one thread, no gRPC (see bench/src/IndexBench.java).
# Usage: bench/index-bench.sh [SECONDS] [parents|children]   (the span order within a trace;
# env: HEAP=512m, JAVA_OPTS, JAR=<otelboard.jar> to measure another build, e.g. a saved copy of
# the base for an A/B run back to back)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="${JAR:-$root/cli/target/otelboard.jar}"
# Rebuild when sources changed, as run.sh does: IndexBench compiles against the jar's classes.
if [ -z "${JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find "$root/cli/src" "$root/collector-runtime/src" -newer "$jar" -name '*.java' -print -quit)" ]; }; then
  (cd "$root" && mvn -B -q -DskipTests package) >&2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$jar" "$root/bench/src/IndexBench.java"
java -Xmx"${HEAP:-512m}" -Xms"${HEAP:-512m}" -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "$out:$jar" IndexBench "${1:-20}" "${2:-parents}"
