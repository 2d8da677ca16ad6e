#!/usr/bin/env bash
# Regenerates the parser from grammar.js: parser.c, grammar.json,
# node-types.json and tree_sitter/*.h, with tree-sitter-cli 0.25.0
# (the generator of the tree-sitter runtime that
# github.com/tree-sitter/go-tree-sitter v0.25.0 compiles in: same version,
# ABI 15). Run it after changing grammar.js, then commit
# what it wrote. See README.md.
#
#   bash internal/python/syntax/grammar/regenerate.sh          # regenerate
#   bash internal/python/syntax/grammar/regenerate.sh --check  # exit 1 if the
#                                                              # committed files differ
#
# The CLI comes from npm (`tree-sitter-cli@0.25.0`, into a temporary
# directory). Its install script downloads the binary from GitHub's release
# page; where that cannot be reached, point TREE_SITTER at a tree-sitter
# 0.25.0 binary built another way (README.md says how). node must be on PATH:
# the CLI evaluates grammar.js with it.
set -euo pipefail

version=0.25.0
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
check=false
case ${1:-} in
--check) check=true ;;
"") ;;
*)
  echo "usage: $0 [--check]" >&2
  exit 2
  ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ts=${TREE_SITTER:-}
if [[ -z $ts ]]; then
  npm install --prefix "$tmp/cli" --no-save --no-audit --no-fund --loglevel=error "tree-sitter-cli@$version" >&2
  ts=$tmp/cli/node_modules/.bin/tree-sitter
fi
got=$("$ts" --version)
if [[ $got != "tree-sitter $version"* ]]; then
  echo "regenerate.sh: need tree-sitter $version, $ts is: $got" >&2
  exit 1
fi

# Generate in a copy holding only the inputs, so that nothing else of the
# directory can influence the output and a failed run changes nothing.
work=$tmp/grammar
mkdir -p "$work"
cp "$here/grammar.js" "$here/tree-sitter.json" "$work/"
(cd "$work" && "$ts" generate)

# The generator writes to src/; the files live in the package directory,
# where cgo compiles them.
outputs=(parser.c grammar.json node-types.json tree_sitter/parser.h tree_sitter/alloc.h tree_sitter/array.h)
if $check; then
  status=0
  for f in "${outputs[@]}"; do
    if ! cmp -s "$work/src/$f" "$here/$f"; then
      echo "regenerate.sh --check: $f differs from what grammar.js generates" >&2
      status=1
    fi
  done
  exit $status
fi
for f in "${outputs[@]}"; do
  mkdir -p "$(dirname "$here/$f")"
  cp "$work/src/$f" "$here/$f"
done
echo "regenerated ${outputs[*]} with $got" >&2
