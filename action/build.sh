#!/usr/bin/env bash
# Builds xylint from the action's own checkout ($ACTION_PATH) into
# $RUNNER_TEMP, and gives the binary's path and hash (the cache key: the
# same binary reads the same cache) as step outputs.
set -euo pipefail

src=${ACTION_PATH:?ACTION_PATH must be the action directory}
out=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/xylint-action
mkdir -p "$out"
started=$SECONDS
# cgo: the Python parser is tree-sitter (a C compiler is on GitHub's
# runners). -trimpath makes the binary, hence the cache key, the same on
# every runner.
(cd "$src" && CGO_ENABLED=1 go build -trimpath -o "$out/xylint" ./cmd/xylint)
echo "xylint built in $((SECONDS - started))s ($("$out/xylint" version))"

if command -v sha256sum >/dev/null; then
  hash=$(sha256sum "$out/xylint" | cut -c1-16)
else
  hash=$(shasum -a 256 "$out/xylint" | cut -c1-16)
fi
{
  echo "bin=$out/xylint"
  echo "binary-hash=$hash"
} >>"${GITHUB_OUTPUT:?}"
