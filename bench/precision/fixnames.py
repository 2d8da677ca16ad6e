#!/usr/bin/env python3
"""fixnames.py: names a fix leaves unbound (what py_compile does not see).

fixcompiles.sh compiles every file the fixes changed; a file that compiles
can still fail when it is imported, with a NameError at module level. For
every .py file that differs between CORPUS/REPO and SCRATCH/REPO (the
scratch copies fixcompiles.sh leaves, fixed), this reports

  - UNBOUND: names the fixed file uses as globals that no statement of its
    module binds, and that were not already so in the original (Python's
    symtable; a file with `import *` is skipped);
  - CONDITIONAL-ALIAS: a module-level `X = Y.getLogger(...)` the fix added
    whose Y no unconditional top-level import or assignment before it binds
    (an alias imported only under an `if`, a `try` or in a function).

    sh bench/precision/fixcompiles.sh /tmp/xylint /work/corpus /tmp/fixcompiles
    python3 bench/precision/fixnames.py /work/corpus /tmp/fixcompiles

Exits 1 when it reports something.
"""
import ast
import builtins
import os
import sys
import symtable

REPOS = ["CTFd", "dispatch", "fastapi", "full-stack-fastapi-template", "generative-ai",
         "lnbits", "mealie", "polar", "prefect", "python-docs-samples", "redash"]
IMPLICIT = set(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__", "__builtins__",
                                 "__path__", "__package__", "__loader__", "__annotations__"}


def unbound(src, name):
    """Globals used somewhere in src that no statement of the module binds."""
    try:
        table = symtable.symtable(src, name, "exec")
    except SyntaxError:
        return set()
    if "import *" in src:
        return set()
    bound = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
    out = set()

    def walk(t):
        for s in t.get_symbols():
            used = s.is_global() or (t.get_type() == "module" and s.is_referenced())
            if used and s.get_name() not in bound and s.get_name() not in IMPLICIT:
                out.add(s.get_name())
        for c in t.get_children():
            walk(c)
    walk(table)
    return out


def conditional_aliases(tree):
    """(line, alias) of top-level `X = alias.getLogger(...)` whose alias no
    earlier unconditional top-level statement binds."""
    bound, out = set(), []
    for n in tree.body:
        if (isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
                and isinstance(n.value.func, ast.Attribute) and n.value.func.attr == "getLogger"
                and isinstance(n.value.func.value, ast.Name)
                and n.value.func.value.id not in bound):
            out.append((n.lineno, n.value.func.value.id))
        if isinstance(n, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in n.names)
        elif isinstance(n, ast.Assign):
            bound.update(t.id for t in n.targets if isinstance(t, ast.Name))
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(n.name)
    return out


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def check(before, after, rel):
    found = []
    new = unbound(after, rel) - unbound(before, rel)
    if new:
        found.append(f"UNBOUND {rel}: {', '.join(sorted(new))}")
    try:
        old = {a for _, a in conditional_aliases(ast.parse(before))}
        for line, alias in conditional_aliases(ast.parse(after)):
            if alias not in old:
                found.append(f"CONDITIONAL-ALIAS {rel}:{line}: {alias}")
    except SyntaxError:
        pass
    return found


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    corpus, scratch = sys.argv[1], sys.argv[2]
    repos = sys.argv[3:] or REPOS
    total = files = 0
    for repo in repos:
        root = os.path.join(scratch, repo)
        for dirpath, _, names in os.walk(root):
            for n in names:
                if not n.endswith(".py"):
                    continue
                fixed = os.path.join(dirpath, n)
                rel = os.path.relpath(fixed, scratch)
                orig = os.path.join(corpus, rel)
                if not os.path.isfile(orig):
                    continue
                before, after = read(orig), read(fixed)
                if before == after:
                    continue
                files += 1
                for line in check(before, after, rel):
                    total += 1
                    print(line)
    print(f"{files} fixed files, {total} names left unbound")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
