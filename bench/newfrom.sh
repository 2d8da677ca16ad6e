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
dir=$1
runs=${2:-5}
rev=${3:-HEAD~1}
[[ -d $dir ]] || { echo "bench: $dir is not a directory" >&2; exit 2; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage
git -C "$dir" rev-parse --verify --quiet "$rev^{commit}" >/dev/null || { echo "bench: $rev is not a commit of $dir's repository" >&2; exit 2; }

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
work=$root/.bench # gitignored
mkdir -p "$work"
dir=$(cd "$dir" && pwd)
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

bin=$work/xylint
(cd "$root" && go build -o "$bin" ./cmd/xylint)
cachedir=$work/newfrom-cache
rm -rf "$cachedir"

names=(full-warm newfrom-warm full-cold newfrom-cold)
declare -A cmds=(
  [full-warm]="check --fail-on never --format json --cache-dir $cachedir ."
  [newfrom-warm]="check --fail-on never --format json --cache-dir $cachedir --new-from-rev $rev ."
  [full-cold]="check --fail-on never --format json --no-cache ."
  [newfrom-cold]="check --fail-on never --format json --no-cache --new-from-rev $rev ."
)

one() { # name: run it once, append "wall user+sys rss" to its times
  local name=$1 start end status=0
  read -r -a args <<<"${cmds[$name]}"
  start=$EPOCHREALTIME
  (cd "$dir" && /usr/bin/time -f '%M %U %S' -o "$work/$name.rss" "$bin" "${args[@]}" >"$work/$name.out" 2>"$work/$name.err" </dev/null) || status=$?
  end=$EPOCHREALTIME
  if ((status != 0)); then
    echo "bench: $name exited $status:" >&2
    cat "$work/$name.err" >&2
    exit 1
  fi
  read -r rss user sys <"$work/$name.rss"
  awk -v s="$start" -v e="$end" -v u="$user" -v y="$sys" -v r="$rss" 'BEGIN{printf "%.3f %.2f %d\n", e-s, u+y, r}' >>"$work/$name.times"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for n in "${names[@]}"; do rm -f "$work/$n.times"; one "$n"; rm -f "$work/$n.times"; done # warm-up
for ((i = 0; i < runs; i++)); do
  for ((k = 0; k < ${#names[@]}; k++)); do
    one "${names[$(((i + k) % ${#names[@]}))]}"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) printf "%.3f", a[(NR+1)/2]; else printf "%.3f", (a[NR/2]+a[NR/2+1])/2 }'; }
declare -A med
printf '%-14s %9s %9s %10s %12s %9s\n' command "median s" "min s" "median cpu" "peak RSS MB" findings
for n in "${names[@]}"; do
  med[$n]=$(cut -d' ' -f1 "$work/$n.times" | median)
  min=$(cut -d' ' -f1 "$work/$n.times" | sort -n | head -1)
  cpu=$(cut -d' ' -f2 "$work/$n.times" | median)
  rss=$(cut -d' ' -f3 "$work/$n.times" | sort -n | tail -1)
  found=$(grep -c '"code":' "$work/$n.out" || true)
  printf '%-14s %9s %9s %10s %12d %9s\n' "$n" "${med[$n]}" "$min" "$cpu" $((rss / 1024)) "$found"
done
awk -v a="${med[newfrom-warm]}" -v b="${med[full-warm]}" -v c="${med[newfrom-cold]}" -v d="${med[full-cold]}" 'BEGIN{
  printf "wall-time ratio --new-from-rev / full, warm cache: %.2fx\n", a/b
  printf "wall-time ratio --new-from-rev / full, no cache:   %.2fx\n", c/d }'
