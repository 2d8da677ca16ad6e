#!/usr/bin/env bash
# bench/cache.sh DIR [RUNS]: what the cache gives `xylint check` on DIR
# (issue 12's figures; polar's server/, ≥ 1,500 Python files, is the corpus
# they are stated on).
#
# xylint is built once (go build -o). Five commands run in interleaved
# rounds, the starting one rotating each round, after one untimed warm-up
# round (page cache, a filled cache for the warm ones):
#   cold, no cache     check --no-cache DIR: today's full run
#   cold, filling      check DIR with an empty cache it fills (a new
#                      --cache-dir each run)
#   warm               check DIR again, nothing changed
#   ten files, warm    check of ten named files of DIR (every 10th in sorted
#                      order), the whole project as context, warm cache: the
#                      pre-commit case
#   ten files, cold    the same without the cache
# Every run writes JSON to a file; the cache is in $work/cache-* (--cache-dir:
# DIR may be read-only). Printed: median and fastest wall time, median CPU
# time (user + system; less sensitive than wall time to other work on the
# machine), peak RSS (largest of the runs), the findings, and the ratios of
# the medians to the cold run without the cache. The warm reports are
# compared with the cold one: the script fails when they differ.
# This is a measurement, not a test: nothing here fails on a slow run.
set -euo pipefail

usage() { echo "usage: bench/cache.sh DIR [RUNS]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
runs=${2:-5}
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "$1"
prefix=cache-

bench_build
export NO_COLOR=1
unset XYLINT_CACHE_DIR

mapfile -t all < <(cd "$dir" && find . -name '*.py' -type f -not -path '*/.*' | sort)
((${#all[@]} >= 10)) || { echo "bench: fewer than ten Python files in $dir" >&2; exit 2; }
ten=()
for ((k = 0; k < 10; k++)); do ten+=("${all[k * ${#all[@]} / 10]}"); done

warm=$work/cache-warm
names=(cold filling warm ten-warm ten-cold)
labels=("cold, no cache" "cold, filling the cache" "warm, nothing changed" "ten files, warm" "ten files, no cache")
# cmd_of NAME: sets the array cmd to NAME's command line (run in DIR).
cmd_of() {
  case $1 in
  cold) cmd=("$xylint" check --no-cache --format json .) ;;
  filling)
    rm -rf "$work/cache-fill"
    cmd=("$xylint" check --cache-dir "$work/cache-fill" --format json .)
    ;;
  warm) cmd=("$xylint" check --cache-dir "$warm" --format json .) ;;
  ten-warm) cmd=("$xylint" check --cache-dir "$warm" --format json "${ten[@]}") ;;
  ten-cold) cmd=("$xylint" check --no-cache --format json "${ten[@]}") ;;
  esac
}

rm -rf "$warm"
bench_rounds "$runs"
cmp -s "$work/cache-cold.out" "$work/cache-warm.out" || { echo "bench: the warm report differs from the cold one" >&2; exit 1; }
cmp -s "$work/cache-cold.out" "$work/cache-filling.out" || { echo "bench: the filling run's report differs from the cold one" >&2; exit 1; }
cmp -s "$work/cache-ten-cold.out" "$work/cache-ten-warm.out" || { echo "bench: the ten files' warm report differs from the cold one" >&2; exit 1; }

findings() { python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["diagnostics"]))' "$work/cache-$1.out" 2>/dev/null || echo "?"; }

size=$(cd "$dir" && printf '%s\0' "${all[@]}" | du -ch --apparent-size --files0-from=- 2>/dev/null | tail -1 | cut -f1)
echo "dir: $dir (${#all[@]} .py files, $size), $runs runs, $(nproc) cores, cache $(du -sh "$warm" | cut -f1)"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the cores skews wall times)"
printf '%-26s %9s %9s %10s %12s %9s %9s\n' command "median s" "min s" "median cpu" "peak RSS MB" findings "x cold"
declare -A med
for k in "${!names[@]}"; do
  name=${names[$k]}
  bench_stats "$name"
  med[$name]=$wall
  ratio=$(awk -v a="$wall" -v b="${med[cold]}" 'BEGIN{printf "%.3f", a/b}')
  printf '%-26s %9s %9s %10s %12s %9s %9s\n' "${labels[$k]}" "$wall" "$min" "$cpu" "$rss_mb" "$(findings "$name")" "$ratio"
done
