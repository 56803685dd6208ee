#!/usr/bin/env bash
# The scan benchmark: generates a synthetic multi-module repo of FILES Java files (default 2000)
# in a temp directory, scans it three times in one fresh JVM with THREADS parser threads
# (default: all processors) and prints, as the last line:
#   files: <n> threads: <n> cold_files_per_s: <int> best_files_per_s: <int> cold_files_per_cpu_s: <int> findings: <n>
# Usage: bench/scan/run.sh [FILES] [THREADS]   (env: JAVA_OPTS, e.g. "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# -am: on a fresh clone collector-runtime is not in ~/.m2 (install.sh only packages); the reactor
# resolves it to collector-runtime/target/classes.
mvn -B -q -pl cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/scan-bench.classpath -Dmdep.includeScope=test >&2
java ${JAVA_OPTS:-} -cp "cli/target/classes:cli/target/test-classes:$(cat cli/target/scan-bench.classpath)" \
  dev.otelboard.cli.scan.ScanBenchmark "${1:-2000}" "${2:-$(nproc)}"
