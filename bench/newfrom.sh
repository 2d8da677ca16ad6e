#!/usr/bin/env bash
# bench/newfrom.sh DIR [RUNS] [REV]: time `xylint check --new-from-rev REV`
# against a full `xylint check` of DIR (a directory in a git work tree), both
# with a warm cache, and both with --no-cache, in interleaved rounds after an
# untimed round that warms the page cache and xylint's cache.
#
# REV defaults to HEAD~1. Use a throwaway clone for DIR, never a corpus:
#   git clone -q --shared --no-checkout /work/.mirror/polarsource+polar/repo /tmp/polar
#   git -C /tmp/polar sparse-checkout set server && git -C /tmp/polar checkout -q
#   bash bench/newfrom.sh /tmp/polar/server 7
# Printed: median and fastest wall time, median CPU time (user + system),
# peak RSS, the number of findings, and the ratios of the medians. A
# measurement, not a test: nothing fails on a slow run.
set -euo pipefail

usage() { echo "usage: bench/newfrom.sh DIR [RUNS] [REV]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 3 ]] || usage
runs=${2:-5}
rev=${3:-HEAD~1}
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "$1"
bench_build
prefix=newfrom-
cachedir=$work/newfrom-cache
rm -rf "$cachedir"

names=(full-warm newfrom-warm full-cold newfrom-cold)
# cmd_of NAME: sets the array cmd to NAME's command line (run in DIR).
cmd_of() {
  local common=("$xylint" check --fail-on never --format json)
  case $1 in
  full-warm) cmd=("${common[@]}" --cache-dir "$cachedir" .) ;;
  newfrom-warm) cmd=("${common[@]}" --cache-dir "$cachedir" --new-from-rev "$rev" .) ;;
  full-cold) cmd=("${common[@]}" --no-cache .) ;;
  newfrom-cold) cmd=("${common[@]}" --no-cache --new-from-rev "$rev" .) ;;
  esac
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
bench_rounds "$runs"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A med
printf '%-14s %9s %9s %10s %12s %9s\n' command "median s" "min s" "median cpu" "peak RSS MB" findings
for n in "${names[@]}"; do
  bench_stats "$n"
  med[$n]=$wall
  found=$(grep -c '"code":' "$work/$prefix$n.out" || true)
  printf '%-14s %9s %9s %10s %12d %9s\n' "$n" "$wall" "$min" "$cpu" "$rss_mb" "$found"
done
awk -v a="${med[newfrom-warm]}" -v b="${med[full-warm]}" -v c="${med[newfrom-cold]}" -v d="${med[full-cold]}" 'BEGIN{
  printf "wall-time ratio --new-from-rev / full, warm cache: %.2fx\n", a/b
  printf "wall-time ratio --new-from-rev / full, no cache:   %.2fx\n", c/d }'
