# shellcheck shell=bash
# shellcheck disable=SC2034,SC2154 # sets variables for, and reads names/cmd_of of, the script that sources it
# bench/lib.sh: the harness bench/run.sh, bench/cache.sh and bench/newfrom.sh
# share; sourced, not run. A script defines `usage`, calls bench_setup DIR,
# sets the arrays `names` (and `labels`, one per name), defines
# `cmd_of NAME` (sets the array `cmd`: NAME's command line, run in DIR), then
# calls bench_rounds RUNS and reads the figures with bench_stats NAME.
# Figures: wall time around the process (bash's EPOCHREALTIME), CPU time
# (user + system) and peak RSS from /usr/bin/time.

# bench_setup DIR: sets bench (this folder), root (the repository), work
# (.bench, gitignored, created), dir (DIR made absolute); makes sure
# /usr/bin/time exists (Debian's time, installed with apt as root).
bench_setup() {
  [[ -d $1 ]] || { echo "bench: $1 is not a directory" >&2; exit 2; }
  bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  root=$(dirname "$bench")
  work=$root/.bench
  mkdir -p "$work"
  dir=$(cd "$1" && pwd)
  if [[ ! -x /usr/bin/time ]]; then
    echo "bench: installing Debian's time (for peak RSS)" >&2
    apt-get update -qq && apt-get install -y -qq --no-install-recommends time >/dev/null
  fi
}

# bench_build: builds xylint once into $work/xylint and sets xylint.
bench_build() {
  (cd "$root" && GOTOOLCHAIN=local go build -o "$work/xylint" ./cmd/xylint)
  xylint=$work/xylint
}

# bench_run NAME: one timed run of NAME's command in DIR; appends
# "wall_seconds rss_kb cpu_seconds" to $work/$prefix$NAME.times. Exit status
# 0 or 1 (findings) is a run; anything else stops the script.
bench_run() {
  local name=$1 t0 t1 status=0 f=$work/${prefix:-}$1
  local -a cmd
  cmd_of "$name"
  t0=$EPOCHREALTIME
  (cd "$dir" && /usr/bin/time -f '%M %U %S' -o "$f.rss" "${cmd[@]}" >"$f.out" 2>"$f.err" </dev/null) || status=$?
  t1=$EPOCHREALTIME
  if ((status > 1)); then
    echo "bench: $name failed with exit status $status:" >&2
    head -20 "$f.err" >&2
    exit 1
  fi
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}') $(tail -1 "$f.rss" | awk '{printf "%d %.2f", $1, $2 + $3}')" >>"$f.times"
}

# bench_rounds RUNS: one untimed round (page cache, first-run effects, a
# cache to warm), then RUNS interleaved rounds, the first command of each
# round rotating. Sets load_before.
bench_rounds() {
  local i j name
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  for name in "${names[@]}"; do
    : >"$work/${prefix:-}$name.times"
    bench_run "$name"
    : >"$work/${prefix:-}$name.times"
  done
  for ((i = 0; i < $1; i++)); do
    for ((j = 0; j < ${#names[@]}; j++)); do
      bench_run "${names[(i + j) % ${#names[@]}]}"
    done
  done
}

median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) printf "%.3f", a[(NR+1)/2]; else printf "%.3f", (a[NR/2]+a[NR/2+1])/2 }'; }

# bench_stats NAME: sets wall (median wall seconds), min, cpu (median) and
# rss_mb (largest) of NAME's runs.
bench_stats() {
  local f=$work/${prefix:-}$1.times
  wall=$(cut -d' ' -f1 "$f" | median)
  min=$(cut -d' ' -f1 "$f" | sort -n | head -1)
  rss_mb=$(($(cut -d' ' -f2 "$f" | sort -n | tail -1) / 1024))
  cpu=$(cut -d' ' -f3 "$f" | median)
}
