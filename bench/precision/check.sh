#!/usr/bin/env bash
# check.sh XYLINT OUTDIR CORPUS [REPO...]: runs `XYLINT check --format json`
# on each repository under CORPUS (all of them when none is named), from
# CORPUS so that paths start with the repository's name, each repository
# its own project (--project-root), and writes
# OUTDIR/<repo>.json (the report) and OUTDIR/<repo>.err (stderr, exit status).
# Exit status 1 (findings) is expected; 2 is recorded in the .err file.
set -u
xylint=$(realpath "$1") out=$(realpath -m "$2") corpus=$3
shift 3
mkdir -p "$out"
cd "$corpus" || exit 2
repos=("$@")
# The corpus is read-only: no analysis cache in it (binaries from before
# the cache have no such flag).
nocache=()
"$xylint" check --help 2>&1 | grep -q -- --no-cache && nocache=(--no-cache)
[ ${#repos[@]} -gt 0 ] || repos=(*/)
for r in "${repos[@]}"; do
	r=${r%/}
	# Each repository is its own project, as in a clone of it (the corpus
	# copies have no .git; without this the corpus directory would be the
	# project, walked as every repository's context).
	root=()
	"$xylint" check --help 2>&1 | grep -q -- --project-root && root=(--project-root "$r")
	nice "$xylint" check "${nocache[@]}" "${root[@]}" --format json -o "$out/$r.json" "$r" 2>"$out/$r.err"
	echo "exit $?" >>"$out/$r.err"
done
