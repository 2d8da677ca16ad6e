#!/usr/bin/env bash
# xylint migrate's benchmark: on the generated 35-service platform (~220
# client sites), `xylint migrate plan --local` against `xylint fix --diff`
# over the same files (target: plan <= 2x fix), in interleaved rounds; then
# a full run and a no-op re-run against the fake GitHub with write pacing
# off, reporting requests per new PR (target <= 6) and the re-run's
# requests (target <= 5).
#
#   bash bench/migrate.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/xylint" ./cmd/xylint
go run ./bench/migrate/gen "$work/platform" 35
printf 'repos = ["xynergy/platform"]\nrules = ["XY003"]\n' > "$work/campaign.toml"

now() { date +%s.%N; }
plan=() fix=()
for i in $(seq "$rounds"); do
  t0=$(now); "$work/xylint" migrate plan --campaign "$work/campaign.toml" --local "$work/platform" > /dev/null; t1=$(now)
  "$work/xylint" fix --diff --select XY003 "$work/platform" > /dev/null 2>&1 || true; t2=$(now)
  plan+=("$(echo "$t1 - $t0" | bc)") fix+=("$(echo "$t2 - $t1" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${plan[@]}") f=$(median "${fix[@]}")
echo "migrate plan --local: median ${p}s; fix --diff: median ${f}s (${rounds} interleaved rounds)"
echo "plan / fix: $(echo "scale=2; $p / $f" | bc)x (target <= 2x)"
go test -run XXX -bench Campaign35 -benchtime 3x ./internal/migrate | grep Benchmark
