#!/usr/bin/env bash
# bench/run.sh DIR [RUNS]: time `xylint check` against ast-grep on DIR.
#
# xylint is built once (go build -o); ast-grep is the pinned npm package
# (bench/package.json, installed with npm ci). Four commands run in
# interleaved rounds, the starting one rotating each round, after one
# untimed warm-up round that fills the page cache:
#   xylint --select XY004,XY005   the rules ast-grep has equivalents for
#   ast-grep scan                 bench/ast-grep/rules: print-call, broad-except
#   xylint (all rules)            everything DIR's configuration enables
#   xylint fix --diff             all rules' fixes, unsafe ones too, verified
# Both tools write JSON (to a file), use every core, and see the same files
# (`--no-ignore hidden` makes ast-grep enter dot-folders, as xylint does).
# Printed: median and fastest wall time, median CPU time (user + system: less
# sensitive than wall time to other work on the machine), peak RSS (largest
# of the runs), findings (for fix: files changed), and the ratios of the
# medians: xylint / ast-grep, and fix / check.
# This is a measurement, not a test: nothing here fails on a slow run.
set -euo pipefail

usage() { echo "usage: bench/run.sh DIR [RUNS]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
runs=${2:-5}
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "$1"

lock_sum=$(sha256sum "$bench/package-lock.json" | cut -d' ' -f1)
stamp=$bench/node_modules/.xylint-lock-sha256
if [[ ! -x $bench/node_modules/.bin/ast-grep || ! -f $stamp || $(<"$stamp") != "$lock_sum" ]]; then
  npm ci --prefix "$bench" --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi
astgrep=$bench/node_modules/.bin/ast-grep

bench_build
export NO_COLOR=1

names=(xylint-2 ast-grep xylint-all xylint-fix)
labels=("xylint --select XY004,XY005" "ast-grep scan (2 rules)" "xylint, all rules" "xylint fix --diff, all")
# cmd_of NAME: sets the array cmd to NAME's command line.
cmd_of() {
  # shellcheck disable=SC2054 # the comma belongs to --select's value
  case $1 in
  xylint-2) cmd=("$xylint" check --no-cache --select XY004,XY005 --format json "$dir") ;;
  ast-grep) cmd=("$astgrep" scan -c "$bench/ast-grep/sgconfig.yml" --no-ignore hidden --json=stream "$dir") ;;
  xylint-all) cmd=("$xylint" check --no-cache --format json "$dir") ;;
  xylint-fix) cmd=("$xylint" fix --no-cache --diff --unsafe-fixes "$dir") ;;
  esac
}

bench_rounds "$runs"

findings() {
  case $1 in
  ast-grep) grep -c . "$work/$1.out" || true ;;
  xylint-fix) echo "$(grep -c '^+++ ' "$work/$1.out" || true) files" ;;
  *) python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d.get("diagnostics", d) if isinstance(d, dict) else d))' "$work/$1.out" 2>/dev/null || echo "?" ;;
  esac
}

files=$(find "$dir" -name '*.py' -type f | wc -l)
size=$(find "$dir" -name '*.py' -type f -print0 | du -ch --apparent-size --files0-from=- 2>/dev/null | tail -1 | cut -f1)
echo "dir: $dir ($files .py files, $size), $runs runs, $(nproc) cores, $("$astgrep" --version)"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the cores skews the ratio)"
printf '%-30s %9s %9s %10s %12s %9s\n' command "median s" "min s" "median cpu" "peak RSS MB" findings
declare -A med
for k in "${!names[@]}"; do
  name=${names[$k]}
  bench_stats "$name"
  med[$name]=$wall
  printf '%-30s %9s %9s %10s %12s %9s\n' "${labels[$k]}" "$wall" "$min" "$cpu" "$rss_mb" "$(findings "$name")"
done
awk -v a="${med[xylint-2]}" -v b="${med[ast-grep]}" -v c="${med[xylint-all]}" -v f="${med[xylint-fix]}" 'BEGIN{
  printf "wall-time ratio xylint(XY004,XY005) / ast-grep: %.2fx\n", a/b
  printf "wall-time ratio xylint(all rules) / ast-grep:   %.2fx\n", c/b
  printf "wall-time ratio xylint fix / xylint check:      %.2fx\n", f/c }'
