#!/usr/bin/env bash
# The main job on the bundled examples, in one command: copy checkout-service and
# inventory-service to a temporary directory, onboard both with `otelboard onboard`, build them,
# run them under `otelboard verify --plan` against the embedded collector (the Smoke driver sends
# 20 checkouts), and print the verdict. Then the comparison a migration is judged by: the original,
# un-onboarded examples run with the OpenTelemetry javaagent first (`--compare-agent`), and the
# diff shows what code mode produces differently (otelboard diff; docs/diff.md).
# The examples in this repository are left untouched.
# Usage: examples/demo.sh [WORKDIR]     (env: OTELBOARD=path/to/otelboard to pick the launcher,
#                                        COMPARE=0 to skip the agent run of the originals)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

if [ -n "${OTELBOARD:-}" ]; then
  otelboard=("$OTELBOARD")
elif command -v otelboard >/dev/null 2>&1; then
  otelboard=(otelboard)
else
  [ -f "$root/cli/target/otelboard.jar" ] || { echo "demo: run ./install.sh first" >&2; exit 4; }
  otelboard=(java -jar "$root/cli/target/otelboard.jar")
fi

work=${1:-$(mktemp -d -t otelboard-demo.XXXXXX)}
mkdir -p "$work"
for service in inventory-service checkout-service; do
  rm -rf "${work:?}/$service"
  mkdir -p "$work/$service"
  (cd "$here/$service" && tar --exclude=./target -cf - .) | (cd "$work/$service" && tar -xf -)
  echo "demo: onboarding $service ..." >&2
  "${otelboard[@]}" onboard "$work/$service" >"$work/$service-onboard.txt"
  echo "demo: building $service (mvn -B -q package -DskipTests) ..." >&2
  (cd "$work/$service" && mvn -B -q package -DskipTests) >&2
done
cp "$here/verify.yaml" "$work/verify.yaml"

compare=()
if [ "${COMPARE:-1}" != 0 ]; then
  # The same services as they were, built once more, to run under the javaagent as the reference.
  for service in inventory-service checkout-service; do
    rm -rf "${work:?}/original/$service"
    mkdir -p "$work/original/$service"
    (cd "$here/$service" && tar --exclude=./target -cf - .) | (cd "$work/original/$service" && tar -xf -)
    echo "demo: building the original $service ..." >&2
    (cd "$work/original/$service" && mvn -B -q package -DskipTests) >&2
  done
  cp "$here/verify.yaml" "$work/original/verify.yaml"
  compare=(--compare-agent "$work/original/verify.yaml")
  echo "demo: running the originals with the javaagent, then the onboarded services as built ..." >&2
else
  echo "demo: running both services against the embedded collector ..." >&2
fi
status=0
"${otelboard[@]}" verify --plan "$work/verify.yaml" "${compare[@]}" --quiet --log-dir "$work/logs" \
  --capture "$work/code.jsonl" --report-html "$work/verdict.html" --report-json "$work/verdict.json" || status=$?
echo "demo: what onboard changed: $work/*-onboard.txt (the services are in $work)" >&2
echo "demo: the HTML report (trace waterfalls, log lines under their spans): $work/verdict.html" >&2
if [ ${#compare[@]} -gt 0 ]; then
  "${otelboard[@]}" diff "$work/code.agent.jsonl" "$work/code.jsonl" --report-html "$work/diff.html" >/dev/null || true
  echo "demo: agent (original) vs code (onboarded), side by side: $work/diff.html" >&2
fi
exit "$status"
