#!/usr/bin/env bash
# Compares the syntax trees xylint's parser gives every .py file under DIRs
# at revision BASE (for example the last commit built against the upstream
# tree-sitter-python module) and in the work tree: the proof that a change of
# the grammar changes nothing but what it means to. It builds
# corpuscheck/main.go at both (copied into a temporary worktree of BASE),
# hashes every file's tree twice and prints the counts, the files whose
# trees differ and, for the first few, a diff of their nodes.
#
#   bash internal/python/syntax/grammar/corpus-check.sh BASE DIR...
set -euo pipefail

if (($# < 2)); then
  echo "usage: $0 BASE-REVISION DIR..." >&2
  exit 2
fi
base=$1
shift
root=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
tool=internal/python/syntax/grammar/corpuscheck
tmp=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$tmp/base" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

git -C "$root" worktree add --detach -q "$tmp/base" "$base"
mkdir -p "$tmp/base/$tool"
cp "$root/$tool/main.go" "$tmp/base/$tool/"
(cd "$tmp/base" && go build -o "$tmp/old" "./$tool")
(cd "$root" && go build -o "$tmp/new" "./$tool")

"$tmp/old" "$@" | sort -t $'\t' -k4 >"$tmp/old.txt"
"$tmp/new" "$@" | sort -t $'\t' -k4 >"$tmp/new.txt"

files=$(wc -l <"$tmp/old.txt")
join -t $'\t' -1 4 -2 4 -o 0,1.1,2.1,1.3,2.3 "$tmp/old.txt" "$tmp/new.txt" >"$tmp/joined.txt"
differ=$(awk -F'\t' '$2 != $3' "$tmp/joined.txt" | wc -l)
err_old=$(awk -F'\t' '$4 > 0' "$tmp/joined.txt" | wc -l)
err_new=$(awk -F'\t' '$5 > 0' "$tmp/joined.txt" | wc -l)
echo "files: $files (both sides: $(wc -l <"$tmp/joined.txt"))"
echo "identical trees: $((files - differ)), different: $differ"
echo "files with ERROR/MISSING nodes: $err_old at $base, $err_new now"
if ((differ > 0)); then
  echo "differing files (errors at $base -> now):"
  awk -F'\t' '$2 != $3 {print "  " $1 " (" $4 " -> " $5 ")"}' "$tmp/joined.txt"
  awk -F'\t' '$2 != $3 {print $1}' "$tmp/joined.txt" | head -5 | while read -r f; do
    echo "--- $f"
    diff <("$tmp/old" -dump "$f" | cut -f2) <("$tmp/new" -dump "$f" | cut -f2) | head -40 || true
  done
fi
