#!/usr/bin/env python3
"""Draw findings at random from `xylint check --format json` reports, for
judging by hand, and tabulate the judgements (docs/precision.md).

    sample.py draw [-n 100] --seed S [--cap 12] [--rules XY002,XY004] REPORTS_DIR [REPO...]
    sample.py table JUDGEMENTS.tsv
    sample.py diff [-n N] [--seed S] [--appeared] [--changed] BEFORE_DIR AFTER_DIR [REPO...]

REPORTS_DIR holds one report per repository, <repo>.json (written by
check.sh), whose paths start with the repository's name.

draw: every finding of the named repositories (every report when none is
named) is put in a stable order (repository, path, line, column, rule), then
shuffled with random.Random(seed); findings are taken in that order, at most
--cap from one repository so that one large repository cannot dominate, until
-n are drawn (--rules keeps only the findings of those rules before the
shuffle). The same reports and seed give the same draw. Each line is
tab-separated: repo, path:line, rule, level, message.

table: reads the draw with a verdict and a reason appended to each line
(right | loud | wrong; lines starting with # are ignored) and prints the
tables of docs/precision.md: overall, per rule, per level, and for the
service repositories only (SERVICE_REPOS).

diff: the findings in BEFORE_DIR's reports that are not in AFTER_DIR's
(matched by path, line and rule; a finding whose level or message changed is
counted as changed, not gone) and those that appeared; with -n, a random
sample (seed) of the disappeared ones is printed for reading.
"""
import argparse
import collections
import json
import os
import random
import sys

# Repositories that run services (web apps, APIs, workers) as opposed to
# collections of samples; "services only" in the tables counts these.
SERVICE_REPOS = {
    "polar",
    "dispatch",
    "prefect",
    "mealie",
    "CTFd",
    "redash",
    "lnbits",
    "exposure-notifications-verification-server",
    "microservices-demo",
    "full-stack-fastapi-template",
}

VERDICTS = ("right", "loud", "wrong")


def load(reports_dir, repos):
    """Findings of the reports in reports_dir, as (repo, finding) pairs."""
    names = repos or sorted(
        f[: -len(".json")] for f in os.listdir(reports_dir) if f.endswith(".json")
    )
    out = []
    for repo in names:
        path = os.path.join(reports_dir, repo + ".json")
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        for d in report.get("diagnostics") or []:
            out.append((repo, d))
    return out


def key(repo, d):
    start = d["range"]["start"]
    return (repo, d["path"], start["line"], start.get("column", 0), d["code"])


def row(repo, d):
    line = d["range"]["start"]["line"]
    msg = " ".join(d["message"].split())
    return f"{repo}\t{d['path']}:{line}\t{d['code']}\t{d['severity']}\t{msg}"


def draw(args):
    findings = sorted(load(args.reports, args.repos), key=lambda rd: key(*rd))
    if args.rules:
        rules = set(args.rules.split(","))
        findings = [(r, d) for r, d in findings if d["code"] in rules]
    rng = random.Random(args.seed)
    rng.shuffle(findings)
    taken = collections.Counter()
    out = []
    for repo, d in findings:
        if len(out) == args.n:
            break
        if taken[repo] >= args.cap:
            continue
        taken[repo] += 1
        out.append((repo, d))
    print(f"# seed {args.seed}, n {args.n}, cap {args.cap} per repository; "
          f"{len(findings)} findings in {len({r for r, _ in findings})} reports")
    for repo, d in out:
        print(row(repo, d))


def read_judgements(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 6 or cols[5] not in VERDICTS:
                sys.exit(f"{path}:{n}: want repo, path:line, rule, level, message, "
                         f"verdict ({'|'.join(VERDICTS)}), reason")
            rows.append(cols)
    return rows


def tally(rows):
    c = collections.Counter(r[5] for r in rows)
    total = len(rows)
    right, loud, wrong = (c[v] for v in VERDICTS)
    pct = (lambda k: f"{100 * k / total:.0f}%") if total else (lambda k: "-")
    return f"| {total} | {right} ({pct(right)}) | {loud} | {wrong} | {pct(right + loud)} |"


def table(args):
    rows = read_judgements(args.judgements)
    head = ("| | findings | right at its level | right but too loud | wrong | right at all |\n"
            "| --- | --- | --- | --- | --- | --- |")
    print(head)
    print(f"| all | {tally(rows)[2:]}")
    svc = [r for r in rows if r[0] in SERVICE_REPOS]
    print(f"| service repositories only | {tally(svc)[2:]}")
    for rule in sorted({r[2] for r in rows}):
        print(f"| {rule} | {tally([r for r in rows if r[2] == rule])[2:]}")
    for level in ("error", "warning", "note"):
        sel = [r for r in rows if r[3] == level]
        if sel:
            print(f"| level {level} | {tally(sel)[2:]}")
    print()
    print("| repository | " + " | ".join(VERDICTS) + " |")
    print("| --- | --- | --- | --- |")
    for repo in sorted({r[0] for r in rows}):
        c = collections.Counter(r[5] for r in rows if r[0] == repo)
        print(f"| {repo} | " + " | ".join(str(c[v]) for v in VERDICTS) + " |")


def diff(args):
    before = {key(r, d)[:3] + (d["code"],): (r, d) for r, d in load(args.before, args.repos)}
    after = {key(r, d)[:3] + (d["code"],): (r, d) for r, d in load(args.after, args.repos)}
    gone = sorted(k for k in before if k not in after)
    new = sorted(k for k in after if k not in before)
    changed = sorted(k for k in before if k in after and (
        before[k][1]["severity"] != after[k][1]["severity"]))
    by = lambda ks, src: collections.Counter((k[0], src[k][1]["code"]) for k in ks)
    print(f"# before {len(before)}, after {len(after)}: {len(gone)} disappeared, "
          f"{len(new)} appeared, {len(changed)} changed level")
    for title, ks, src in (("disappeared", gone, before), ("appeared", new, after),
                           ("changed level", changed, after)):
        for (repo, code), n in sorted(by(ks, src).items()):
            print(f"# {title}\t{repo}\t{code}\t{n}")
    if args.n:
        rng = random.Random(args.seed)
        pick = gone if len(gone) <= args.n else sorted(rng.sample(gone, args.n))
        print(f"# disappeared, {'all' if pick is gone else f'{args.n} drawn with seed {args.seed}'}")
        for k in pick:
            print("gone\t" + row(*before[k]))
    if args.appeared:
        for k in new:
            print("new\t" + row(*after[k]))
    if args.changed:
        for k in changed:
            b = before[k][1]["severity"]
            print(f"changed from {b}\t" + row(*after[k]))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("reports")
    d.add_argument("repos", nargs="*")
    d.add_argument("-n", type=int, default=100)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--cap", type=int, default=12)
    d.add_argument("--rules", help="only these rules (comma-separated codes)")
    d.set_defaults(func=draw)
    t = sub.add_parser("table")
    t.add_argument("judgements")
    t.set_defaults(func=table)
    f = sub.add_parser("diff")
    f.add_argument("before")
    f.add_argument("after")
    f.add_argument("repos", nargs="*")
    f.add_argument("-n", type=int, default=0)
    f.add_argument("--seed", type=int, default=1)
    f.add_argument("--appeared", action="store_true")
    f.add_argument("--changed", action="store_true")
    f.set_defaults(func=diff)
    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
