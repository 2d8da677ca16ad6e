#!/usr/bin/env bash
# The action's check (and review) step. Every input comes from the
# environment (INPUT_*, set by action.yml from `with:`), never from text
# pasted into the script: a value is data, not code.
#
#   XYLINT_BIN               the xylint binary (build.sh)
#   INPUT_PATHS              paths relative to INPUT_WORKING_DIRECTORY
#   INPUT_ARGS               more arguments, split on whitespace
#   INPUT_ONLY_NEW_ISSUES    true, false or auto
#   INPUT_FAIL_ON            error, warning, note or never
#   INPUT_SARIF_FILE         the SARIF report, relative to the workspace ("" none)
#   INPUT_SUGGESTIONS        true: post a review on pull_request events
#   BASE_SHA                 the pull request's (or merge group's) base commit
#
# Outputs (GITHUB_OUTPUT): errors, warnings, notes, sarif-file, exit-code.
# Exit status: xylint check's (0 clean, 1 findings at or above fail-on, 2
# errors).
set -euo pipefail

bin=${XYLINT_BIN:?XYLINT_BIN is the xylint binary}
out=${GITHUB_OUTPUT:?not running in GitHub Actions: GITHUB_OUTPUT is not set}
tmp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
event=${GITHUB_EVENT_NAME:-}

fail() {
  echo "::error title=xylint::$*"
  echo "exit-code=2" >>"$out"
  exit 2
}

case ${INPUT_FAIL_ON:=warning} in
  error | warning | note | never) ;;
  *) fail "fail-on must be error, warning, note or never, not '$INPUT_FAIL_ON'" ;;
esac
mode=${INPUT_ONLY_NEW_ISSUES:-auto}
case $mode in
  auto) case $event in pull_request | pull_request_target | merge_group) mode=true ;; *) mode=false ;; esac ;;
  true | false) ;;
  *) fail "only-new-issues must be true, false or auto, not '$mode'" ;;
esac

# The SARIF path is relative to where the step starts (the workspace).
sarif=${INPUT_SARIF_FILE:-}
if [[ -n $sarif ]]; then
  [[ $sarif == /* ]] || sarif=$PWD/$sarif
  [[ $sarif != *,* ]] || fail "sarif-file must not contain a comma: $sarif"
  mkdir -p "$(dirname "$sarif")"
fi

# xylint runs at the repository's root, so that every path it reports —
# annotations, SARIF, review comments — is the path GitHub knows.
wd=${INPUT_WORKING_DIRECTORY:-.}
cd "$wd" 2>/dev/null || fail "working-directory '$wd' does not exist"
here=$(pwd -P)
top=$(git rev-parse --show-toplevel 2>/dev/null || echo "$here")
top=$(cd "$top" && pwd -P)
prefix=${here#"$top"}
prefix=${prefix#/}
cd "$top"

paths=()
read -r -d '' -a words < <(printf '%s\0' "${INPUT_PATHS:-.}") || true
for p in ${words[@]+"${words[@]}"}; do
  [[ -n $prefix ]] && p=$prefix/$p
  paths+=("$p")
done
((${#paths[@]})) || paths=("${prefix:-.}")
args=()
read -r -d '' -a args < <(printf '%s\0' "${INPUT_ARGS:-}") || true

# only-new-issues: the findings new against the merge base (xylint check
# --new-from-rev computes the merge base's findings from its git objects
# and matches them by fingerprint: what the pull request opened elsewhere
# is reported, old findings in the files it touched are not). A shallow
# checkout lacks the merge base: fetch the base and enough history, deeper
# each time.
since=()
if [[ $mode == true ]]; then
  base=${BASE_SHA:-}
  head=$(git rev-parse HEAD 2>/dev/null || true)
  merge_base() { git merge-base "$base" "$head" 2>/dev/null; }
  if [[ -z $base || -z $head ]]; then
    echo "::warning title=xylint::only-new-issues: this ${event:-run} names no base commit (or this is not a git checkout): every finding is reported, not only new ones"
  else
    mb=$(merge_base || true)
    for depth in 50 500; do
      [[ -z $mb ]] || break
      git fetch --no-tags --quiet --depth="$depth" origin "$base" "$head" 2>/dev/null || true
      mb=$(merge_base || true)
    done
    if [[ -z $mb ]] && [[ -f $(git rev-parse --git-dir)/shallow ]]; then
      git fetch --no-tags --quiet --unshallow origin 2>/dev/null || true
      mb=$(merge_base || true)
    fi
    if [[ -z $mb ]]; then
      echo "::warning title=xylint::only-new-issues: the merge base of ${head:0:12} and the base ${base:0:12} could not be found (not fetchable from origin): every finding is reported, not only new ones. actions/checkout with fetch-depth: 0 avoids this."
    else
      since=(--new-from-rev "$mb")
      echo "xylint: reporting the findings that are new against ${mb:0:12}, the merge base with ${base:0:12}"
    fi
  fi
fi

report=$tmp/xylint-report.json
formats="github,json:$report"
[[ -z $sarif ]] || formats+=",sarif:$sarif"

set +e
"$bin" check --format "$formats" --fail-on "$INPUT_FAIL_ON" ${since[@]+"${since[@]}"} ${args[@]+"${args[@]}"} -- "${paths[@]}"
code=$?
set -e

# The counts per level, from the JSON report's summary.by_severity.
count() {
  [[ -f $report ]] || { echo 0; return; }
  awk -v level="\"$1\"" '
    /"by_severity": \{/ { inside = 1; next }
    inside && /\}/ { inside = 0 }
    inside && index($0, level ":") { gsub(/[^0-9]/, "", $0); n = $0 }
    END { print n + 0 }' "$report"
}
{
  echo "errors=$(count error)"
  echo "warnings=$(count warning)"
  echo "notes=$(count note)"
  if [[ -n $sarif && -f $sarif ]]; then echo "sarif-file=$sarif"; else echo "sarif-file="; fi
  echo "exit-code=$code"
} >>"$out"

if [[ ${INPUT_SUGGESTIONS:-false} == true ]]; then
  if [[ $event == pull_request ]]; then
    "$bin" review --fail-on never ${since[@]+"${since[@]}"} ${args[@]+"${args[@]}"} -- "${paths[@]}" ||
      echo "::warning title=xylint review::the review could not be posted (see the log above); the findings are in the annotations and the job summary"
  else
    echo "xylint: suggestions are posted on pull_request events only (this is ${event:-not an event})"
  fi
fi

exit "$code"
