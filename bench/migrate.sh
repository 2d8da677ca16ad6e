#!/usr/bin/env bash
# xylint migrate's benchmark, on the generated 35-service platform (~230
# client sites, bench/migrate/gen):
#
#   1. `xylint migrate plan` through the fake GitHub over HTTP, as a user
#      runs it (archive download, extraction, analysis, the report with
#      every diff), `plan --local` on the same files, and `xylint fix --diff`
#      over them, in interleaved rounds (target: plan <= 2x fix --diff);
#   2. a full run and a no-op re-run against the fake with write pacing off
#      (BenchmarkCampaign35): requests per new PR (target <= 6) and the
#      re-run's requests (target <= 5).
#
#   bash bench/migrate.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
work=$(mktemp -d)
fakepid=
cleanup() {
  if [[ -n $fakepid ]]; then kill "$fakepid" 2>/dev/null || true; wait "$fakepid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/xylint" ./cmd/xylint
go build -o "$work/fakegh" ./bench/migrate/fakegh
go run ./bench/migrate/gen "$work/platform" 35
printf 'repos = ["xynergy/platform"]\nrules = ["XY003"]\n' > "$work/clients.toml"

# The fake serves until its standard input closes.
mkfifo "$work/fakein"
"$work/fakegh" 35 < "$work/fakein" > "$work/fakeurl" 2> "$work/fakelog" &
fakepid=$!
exec 3> "$work/fakein"
for _ in $(seq 100); do [[ -s $work/fakeurl ]] && break; sleep 0.1; done
url=$(head -1 "$work/fakeurl")

now() { date +%s.%N; }
plan=() local=() fix=()
for i in $(seq "$rounds"); do
  t0=$(now)
  env -u GITHUB_TOKEN -u GH_TOKEN "$work/xylint" migrate plan --campaign "$work/clients.toml" --github-url "$url" > "$work/plan.out"
  t1=$(now)
  "$work/xylint" migrate plan --campaign "$work/clients.toml" --local "$work/platform" > /dev/null
  t2=$(now)
  "$work/xylint" fix --diff --select XY003 "$work/platform" > "$work/fix.out" 2>/dev/null || true
  t3=$(now)
  plan+=("$(echo "$t1 - $t0" | bc)") local+=("$(echo "$t2 - $t1" | bc)") fix+=("$(echo "$t3 - $t2" | bc)")
done
exec 3>&-
wait "$fakepid" 2>/dev/null || true
fakepid=
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p=$(median "${plan[@]}") l=$(median "${local[@]}") f=$(median "${fix[@]}")
grep -E '^clients:|^GitHub requests' "$work/plan.out"
echo "fake GitHub: $(cat "$work/fakelog")"
echo "medians of ${rounds} interleaved rounds: migrate plan (fake GitHub) ${p}s, plan --local ${l}s, fix --diff ${f}s"
echo "plan (fake GitHub) / fix --diff: $(echo "scale=2; $p / $f" | bc)x (target <= 2x)"
echo "plan --local / fix --diff:       $(echo "scale=2; $l / $f" | bc)x"
go test -run XXX -bench Campaign35 -benchtime 3x ./internal/migrate | grep Benchmark
