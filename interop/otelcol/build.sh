#!/usr/bin/env bash
# Builds otelboard's reference collector (this Go module) once, into a cache outside the
# repository, and prints the binary's path on stdout; progress goes to stderr. A second run with
# the same sources prints the path at once. Beside it: ottlcheck (cmd/ottlcheck), which validates
# many OTTL statements in one process with the same transform processor.
#
#   OTELCOL=$(interop/otelcol/build.sh) && "$OTELCOL" validate --config config.yaml
#
# Cache: ${OTELBOARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/otelboard}/otelcol-<version>/otelcol
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version=0.158.0
cache="${OTELBOARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/otelboard}"
dir="$cache/otelcol-$version"
bin="$dir/otelcol"

go_cmd="$(command -v go || true)"
if [[ -z "$go_cmd" && -x /usr/local/go/bin/go ]]; then go_cmd=/usr/local/go/bin/go; fi
if [[ -z "$go_cmd" ]]; then
  echo "interop/otelcol/build.sh: no Go toolchain (go on PATH or /usr/local/go/bin/go)" >&2
  exit 4
fi

# The build is keyed by the module's sources, so editing go.mod or a .go file rebuilds.
stamp="$(cd "$here" && cat go.mod go.sum ./*.go cmd/*/*.go | sha256sum | cut -d' ' -f1)"
if [[ -x "$bin" && -x "$dir/ottlcheck" && -f "$dir/stamp" && "$(cat "$dir/stamp")" == "$stamp" ]]; then
  echo "$bin"
  exit 0
fi

mkdir -p "$dir"
echo "interop/otelcol/build.sh: building the reference collector $version into $dir" >&2
start=$SECONDS
(cd "$here" && export GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 &&
  "$go_cmd" build -trimpath -ldflags="-s -w" -o "$bin.tmp" . &&
  "$go_cmd" build -trimpath -ldflags="-s -w" -o "$dir/ottlcheck.tmp" ./cmd/ottlcheck) >&2
mv -f "$bin.tmp" "$bin"
mv -f "$dir/ottlcheck.tmp" "$dir/ottlcheck"
echo "$stamp" >"$dir/stamp"
echo "interop/otelcol/build.sh: built in $((SECONDS - start)) s" >&2
echo "$bin"
