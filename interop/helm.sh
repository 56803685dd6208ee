#!/usr/bin/env bash
# Builds helm (the Helm v4 CLI, from its Go module) once, into a cache outside the repository,
# and prints the binary's path on stdout; progress goes to stderr. A second run prints the path
# at once.
#
#   HELM=$(interop/helm.sh) && "$HELM" lint --strict chart -f values.yaml
#
# Cache: ${OTELBOARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/otelboard}/helm-<version>/helm
set -euo pipefail
version=4.3.2
cache="${OTELBOARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/otelboard}"
dir="$cache/helm-$version"
bin="$dir/helm"

if [[ -x "$bin" ]]; then
  echo "$bin"
  exit 0
fi

go_cmd="$(command -v go || true)"
if [[ -z "$go_cmd" && -x /usr/local/go/bin/go ]]; then go_cmd=/usr/local/go/bin/go; fi
if [[ -z "$go_cmd" ]]; then
  echo "interop/helm.sh: no Go toolchain (go on PATH or /usr/local/go/bin/go)" >&2
  exit 4
fi

mkdir -p "$dir"
echo "interop/helm.sh: building helm $version into $dir" >&2
start=$SECONDS
# Outside any module, so that `go install pkg@version` resolves helm's own go.mod.
(cd "$dir" && GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0 GOBIN="$dir/bin.tmp" \
  "$go_cmd" install -trimpath -ldflags="-s -w" "helm.sh/helm/v4/cmd/helm@v$version") >&2
mv -f "$dir/bin.tmp/helm" "$bin"
rmdir "$dir/bin.tmp"
echo "interop/helm.sh: built in $((SECONDS - start)) s" >&2
echo "$bin"
