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
dir=$1
runs=${2:-5}
[[ -d $dir ]] || { echo "bench: $dir is not a directory" >&2; exit 2; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
work=$root/.bench # gitignored
mkdir -p "$work"
dir=$(cd "$dir" && pwd)

if [[ ! -x /usr/bin/time ]]; then
  echo "bench: installing Debian's time (for peak RSS)" >&2
  apt-get update -qq && apt-get install -y -qq --no-install-recommends time >/dev/null
fi

lock_sum=$(sha256sum "$bench/package-lock.json" | cut -d' ' -f1)
stamp=$bench/node_modules/.xylint-lock-sha256
if [[ ! -x $bench/node_modules/.bin/ast-grep || ! -f $stamp || $(<"$stamp") != "$lock_sum" ]]; then
  npm ci --prefix "$bench" --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi
astgrep=$bench/node_modules/.bin/ast-grep

(cd "$root" && GOTOOLCHAIN=local go build -o "$work/xylint" ./cmd/xylint)
xylint=$work/xylint
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

# run NAME: one timed run; appends "seconds rss_kb cpu_seconds" to $work/NAME.times.
run() {
  local name=$1 t0 t1 status=0
  local -a cmd
  cmd_of "$name"
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$work/$name.rss" "${cmd[@]}" >"$work/$name.out" 2>"$work/$name.err" </dev/null || status=$?
  t1=$EPOCHREALTIME
  # xylint: 0 clean, 1 findings; ast-grep: 0, or 1 for error-severity matches.
  if ((status > 1)); then
    echo "bench: $name failed with exit status $status:" >&2
    head -20 "$work/$name.err" >&2
    exit 1
  fi
  # seconds rss_kb cpu_seconds (user + system)
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}') $(tail -1 "$work/$name.rss" | awk '{printf "%d %.2f", $1, $2 + $3}')" >>"$work/$name.times"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for name in "${names[@]}"; do
  : >"$work/$name.times"
  run "$name" # warm-up: page cache, first-run effects
  : >"$work/$name.times"
done
for ((i = 0; i < runs; i++)); do
  for ((j = 0; j < ${#names[@]}; j++)); do
    run "${names[(i + j) % ${#names[@]}]}"
  done
done

median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) printf "%.3f", a[(NR+1)/2]; else printf "%.3f", (a[NR/2]+a[NR/2+1])/2 }'; }
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
  med[$name]=$(cut -d' ' -f1 "$work/$name.times" | median)
  min=$(cut -d' ' -f1 "$work/$name.times" | sort -n | head -1)
  rss=$(cut -d' ' -f2 "$work/$name.times" | sort -n | tail -1)
  cpu=$(cut -d' ' -f3 "$work/$name.times" | median)
  printf '%-30s %9s %9s %10s %12s %9s\n' "${labels[$k]}" "${med[$name]}" "$min" "$cpu" "$((rss / 1024))" "$(findings "$name")"
done
awk -v a="${med[xylint-2]}" -v b="${med[ast-grep]}" -v c="${med[xylint-all]}" -v f="${med[xylint-fix]}" 'BEGIN{
  printf "wall-time ratio xylint(XY004,XY005) / ast-grep: %.2fx\n", a/b
  printf "wall-time ratio xylint(all rules) / ast-grep:   %.2fx\n", c/b
  printf "wall-time ratio xylint fix / xylint check:      %.2fx\n", f/c }'
