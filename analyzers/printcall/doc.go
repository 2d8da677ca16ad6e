/*
Package printcall defines XY005 print-call: output written with print
instead of the logging system.

# What it does

Finds calls that write diagnostic output to standard output or standard
error instead of going through a logger.

Python: calls to the builtin `print` and to `pprint.pprint` / `pprint.pp`,
resolved through imports (`from pprint import pprint as pp`, `import
builtins; builtins.print(...)`). Not reported: a `print` that is shadowed by
a definition, a parameter or an import (`from rich import print`); `print(...,
file=f)` where `f` is anything other than `sys.stdout`, `sys.stderr` or
`None` (that writes to a file, not to the log stream); the same for
`pprint`'s `stream=`. A `print` under `if __name__ == "__main__":` is not
reported by default (see `allow-in-main`); a function called from there is.
Python 2's `print x` statement, which the parser accepts, is reported too
(`print >>f, x` is not). Names are resolved with Python's scoping: a
`print` rebound at module level after a call does not hide that call, and
a class attribute named `print` does not shadow the builtin inside methods.

Go: `fmt.Print`, `fmt.Printf`, `fmt.Println`, the `print` and `println`
builtins, and the standard library's `log.Print*`, `log.Fatal*` and
`log.Panic*` in non-main packages and in HTTP handlers. Resolved with type
information: `fmt.Fprint(w, ...)` to a writer other than `os.Stdout` or
`os.Stderr` is not a print, and a logrus logger imported as `log` is not the
standard `log` package.

# Why is this bad?

On Cloud Run, stdout lines become log entries without severity, trace or
structured fields: they cannot be filtered by level, correlated with a
request or silenced in production. print also bypasses the handlers,
formatters and sampling that the platform's logging configuration sets up.

# Example

	def charge(order):
	    print("charging", order.id)

In Go (outside package main, or in a request handler):

	fmt.Printf("charging %s\n", order.ID)

# Use instead

	logger = logging.getLogger(__name__)

	def charge(order):
	    logger.info("charging %s", order.id)

In Go:

	slog.Info("charging", "order", order.ID)

# Fix safety

Safe (Python). `print(...)` becomes a call on the module logger:

  - the logger is the module's own (`logger`, `log`, `_logger`, `LOGGER`,
    `_log` or `LOG` bound once at module level to `logging.getLogger(...)`),
    else the shared logger named by `logger-import`, imported, else a new
    `logger = logging.getLogger(__name__)` after the imports (with
    `import logging`, placed in the import block, sorted when it is);
  - `logger.info`, or `logger.warning` for `file=sys.stderr`: standard error
    carries a program's diagnostics, not all of which are errors, and
    warning keeps them visible at the default level;
  - several arguments become lazy %-formatting: plain string literals are
    inlined (`%` doubled), every other argument is a `%s` placeholder —
    `print("total:", n)` becomes `logger.info("total: %s", n)`; a single
    argument keeps its form (`print(f"x={x}")` becomes
    `logger.info(f"x={x}")`: f-strings are not rewritten; `print(x)` becomes
    `logger.info("%s", x)`);
  - `sep=` a plain string literal is used as the separator, `end="\n"` and
    `flush=True/False` are dropped; another `sep` or `end`, `*args`,
    `**kwargs`, or comments inside the call: no fix;
  - `pprint.pprint(x, ...)` / `pprint.pp(x, ...)` become
    `logger.info("%s", pprint.pformat(x, ...))`, keeping the formatting
    arguments (`pp`'s `sort_dicts=False` made explicit);
  - no fix where the logger cannot be used (the name `logger` is taken in
    the file, or a module-level print runs before the place the logger would
    be defined) and for Python 2 `print` statements.

The output goes to the log stream instead of stdout, which is the point of
the rule; where no logging is configured, messages below WARNING are no
longer shown (for command-line scripts, exclude them or keep
`allow-in-main`).

In Go, a call with one operand becomes `slog.Info(x)` (`slog.Warn` for
`os.Stderr`; a non-string operand goes through `fmt.Sprint`), and a
Printf-style call `slog.Info(fmt.Sprintf(...))`, with a trailing `\n`
dropped from a literal format; `log/slog` is imported and `fmt`/`log`
removed when nothing else uses them. Several operands (whose spacing
differs), `args...`, `log.Fatal*`/`log.Panic*` (which exit or panic) and
builtins with non-string operands are reported without a fix.

# Options

  - `exclude` (list of path globs): files where prints are allowed. Globs
    use gitignore syntax and match the file's path or any tail of it.
    Default: test files (`test_*.py`, `*_test.py`, `conftest.py`, `tests/`).
  - `allow-in-main` (bool): do not report prints under
    `if __name__ == "__main__":`. Default: true, because such blocks are
    command-line entry points where printing to the terminal is the intended
    output, not service logging.
  - `logger-import` (string, "module:name"): a shared logger the fix
    imports in modules that have none, e.g.
    `"shared.logging_config:logger"`. Default: none (the fix defines a
    module logger).
  - Go: none; `_test.go` files are not checked, and in package main only
    the request path (handlers and what they call) is.

# Suppression

`# noqa: XY005`, `# noqa: print-call`, Ruff's `# noqa: T201` / `# noqa: T203`;
in Go `//nolint:xylint`, `//nolint:XY005` or `//xylint:ignore XY005 reason`.
*/
package printcall
