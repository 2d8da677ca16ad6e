#!/usr/bin/env python3
"""fixhunks.py: draw fix hunks at random for review (issue 14's measurement).

For each repository under CORPUS it makes a scratch copy (the corpus is never
written), declares the platform's `shared` package importable there (the
pooled getters XY003 migrates to live in it, as on the platform), runs

    xylint fix --diff --unsafe-fixes --select RULE .

once per rule with a fix, splits the diffs into hunks tagged with repository
and rule, and draws hunks per rule at random with a fixed seed. It prints the
drawn hunks as Markdown (one section each, numbered, for the review) and the
number of hunks per rule and repository.

    python3 bench/precision/fixhunks.py --xylint ./xylint --corpus /work/corpus \
        --scratch /tmp/fixhunks --seed 14 > drawn.md

The quotas are the issue's: XY003 15, XY005 15, XY004 8, XY001 2 (40).
"""
import argparse
import collections
import os
import random
import shutil
import subprocess
import sys

REPOS = ["CTFd", "dispatch", "fastapi", "full-stack-fastapi-template", "generative-ai",
         "lnbits", "mealie", "polar", "prefect", "python-docs-samples", "redash"]
QUOTA = {"XY003": 15, "XY005": 15, "XY004": 8, "XY001": 2}
CONFIG = 'importable-modules = ["shared"]\n'


def hunks(diff):
    """Yields (path, hunk text) for each hunk of a unified diff."""
    path, cur = None, None
    for line in diff.splitlines(keepends=True):
        if line.startswith("--- "):
            if cur:
                yield path, "".join(cur)
            cur = None
            continue
        if line.startswith("+++ "):
            path = line[4:].strip()
            if path.startswith("b/"):
                path = path[2:]
            continue
        if line.startswith("@@"):
            if cur:
                yield path, "".join(cur)
            cur = [line]
            continue
        if cur is not None:
            cur.append(line)
    if cur:
        yield path, "".join(cur)


def scratch_copy(src, dst):
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst, symlinks=True,
                    ignore=shutil.ignore_patterns(".git", "node_modules"))
    with open(os.path.join(dst, ".xylint.toml"), "w") as f:
        f.write(CONFIG)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xylint", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--repos", default=",".join(REPOS))
    ap.add_argument("--keep", action="store_true", help="reuse existing scratch copies")
    a = ap.parse_args()
    xylint = os.path.abspath(a.xylint)
    pool = collections.defaultdict(list)
    for repo in a.repos.split(","):
        dst = os.path.join(a.scratch, repo)
        if not (a.keep and os.path.isdir(dst)):
            scratch_copy(os.path.join(a.corpus, repo), dst)
        for rule in QUOTA:
            out = subprocess.run([xylint, "fix", "--diff", "--unsafe-fixes", "--select", rule, "."],
                                 cwd=dst, capture_output=True, text=True).stdout
            for path, h in hunks(out):
                pool[rule].append((repo, path, h))
    rng = random.Random(a.seed)
    n = 0
    counts = collections.Counter()
    for rule, q in QUOTA.items():
        for repo, _, _ in pool[rule]:
            counts[rule, repo] += 1
        drawn = rng.sample(pool[rule], min(q, len(pool[rule])))
        for repo, path, h in drawn:
            n += 1
            print(f"## {n}. {rule} {repo} {path}\n\n```diff\n{h}```\n")
    print("## Hunks per rule and repository\n")
    for rule in QUOTA:
        per = ", ".join(f"{r} {counts[rule, r]}" for r in a.repos.split(",") if counts[rule, r])
        print(f"- {rule}: {len(pool[rule])} ({per})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
