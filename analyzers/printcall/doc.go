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
`pprint`'s `stream=`; a print wrapper's own call, which hands on only its
function's `*args` / `**kwargs` (`def print_as_log(*args, **kwargs): ...
return print(*args, **kwargs)`: it behaves as print by contract, and its
callers' prints are the lines that matter); a prompt — a print in a
function that reads the answer with `input()` or `getpass.getpass()`, or
under an `if` that asks `isatty()` (CTFd's `if sys.stdin.isatty():
print("Please backup your database"); input("Run database migrations
(Y/N)")`): a conversation with whoever runs it at a terminal, which a
logger would break. A print is reported where it is a service's (or
library code's) log line, not where it is a program's output: by default
not in a command-line program (an `if __name__ == "__main__":` block and
what it calls, click/typer/fire commands, argparse mains, the rest of a
file that is a program and what its module-level code calls), a function
whose printed output the project's tests read (a test that calls it and
reads pytest's `capsys`/`capfd` with `.readouterr()`, or calls it under
`contextlib.redirect_stdout`: a sample snippet's result) and what only it
calls, a program run by itself (a file whose top level loops or calls the
project's functions and that nothing imports: a start-up wait script, a
setup script) and what its top level calls, a one-off script (`scripts/`, `tools/`, `bin/`, database migrations —
Alembic revisions and Django migrations wherever they are, and an Alembic
environment's `migrations/` or `alembic/` directory —, load tests,
exported notebooks), a
test or an example (`examples/`, and a documentation sample: a file with
`# [START name]` ... `# [END name]` regions or `# <INGREDIENT name>`,
where no service reaches the code) — the role model's roles (docs/roles.md;
`allow-in-roles`, and `roles` in `[tool.xylint]` to correct a file's
role). A function that a route (or a hook, a dependency, a Cloud Function,
a worker's task) and a program or a test's capture both reach is service
code, and reported.
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

	@app.post("/charge")
	def charge(order: Order):
	    print("charging", order.id)

is reported ("`print` call in service code (reached from route handler
`charge` (POST /charge)); use the module logger"); the same print in a
command-line program is its output and is not:

	def main():
	    args = argparse.ArgumentParser().parse_args()
	    print("charged", charge_all(args.day))

In Go (outside package main, or in a request handler):

	fmt.Printf("charging %s\n", order.ID)

# Use instead

	logger = logging.getLogger(__name__)

	def charge(order):
	    logger.info("charging %s", order.id)

In Go:

	slog.Info("charging", "order", order.ID)

# Fix safety

Safe (Python). `print(...)` becomes a call on the module logger where the
print is stray diagnostics, not the program's output:

  - no fix where what the print writes is the program's output or the
    logger would not show it. In a file with no module logger, no
    configured `logger-import` and no logging set up
    (`logging.basicConfig`, `dictConfig`, `fileConfig`,
    `structlog.configure`, a `setup_logging()` call) — where
    `logger.info` would drop what it printed, the root logger's default
    level being WARNING — no fix for a script (an `if __name__ ==
    "__main__":` block, argparse/click/typer/..., `sys.argv`, a
    module-level call of one of its own functions; a module that imports a
    web framework is a service, not a script), a sample (a file under a
    directory named or ending in samples/snippets/examples/demo/tutorial/
    notebooks/quickstart, or under docs/, scripts/, bin/; a file named
    snippets.py, *_sample.py, quickstart.py, ...: their tests read what
    they print), a database migration (an Alembic revision or env.py, a
    Django migration; in a `migrations/` or `alembic/` directory a
    numbered file, env.py or a file under `versions/`), an ingredient of generated samples
    (`# <INGREDIENT ...>`), a print at module level (the module's
    output on import), or a print in library code (no service entry point
    reaches it, the role model says: a notebook's or a sample's helper,
    whose print may be what the function shows its caller). Anywhere: a `# [START name]` ...
    `# [END name]` documentation sample region (published as it stands);
    a print that is a log sink (`print(json.dumps(entry))`, a print in a
    `*log*` function, a handler's `emit`, a Handler/Formatter class, a
    function whose name says it writes output: `_write_output_line`); a
    print in a function decorated as a command (`@x.command()`,
    `@x.group()`, `@x.callback()`); generated code (a "Code generated" /
    "DO NOT EDIT" / "@generated" / "Generated by" header, `*_pb2.py`)
    and vendored code (`vendor/`, `third_party/`, `_vendor/`, ...); a
    new logger whose definition would land inside a sample region. The
    finding stays;
  - no `logger.info` where the program shows no INFO record, whatever the
    print's role: without set-up the root logger's level is WARNING and
    logging's last resort writes WARNING and above only, so the record
    would be dropped where the print was seen (App Engine, Cloud Run and
    Cloud Functions show stdout). The program shows INFO when a file of
    the print's root (the directory its module name is relative to: a
    service's directory, the top of its package) or of a root above it
    (the tree the service's directory sits in) calls
    `logging.basicConfig(level=...)` with a level below WARNING or one
    it computes (basicConfig without a level leaves WARNING),
    `logging.config.dictConfig` or `fileConfig`, `setup_logging()` /
    `configure_logging()` (google.cloud.logging's attaches its handler
    to the root logger at INFO), gives the root logger both a handler and a
    level below WARNING, or is Django settings with `LOGGING = {...}`.
    A migration's set-up (Alembic's env.py) is the migration command's,
    not the service's; uvicorn's and gunicorn's logging configure their
    own loggers, not the root, and Flask's handler is `app.logger`'s:
    none of them counts. The shared logger of `logger-import` is the
    platform's, set up by it: converted. A conversion at WARNING, ERROR or
    `exception` stays (shown without set-up). The scope is the files'
    roots, not what the entry module imports: a set-up elsewhere in the
    same root that the service never imports still counts;
  - the logger is the module's own (`logger`, `log`, `_logger`, `LOGGER`,
    `_log` or `LOG` bound once at module level to `logging.getLogger(...)`),
    else the shared logger named by `logger-import`, imported, else a new
    `logger = logging.getLogger(__name__)` after the imports (with
    `import logging`, placed in the import block, sorted when it is);
  - the level follows the context: in an `except` handler
    `logger.exception` when the message shows the caught exception (the
    record then carries its traceback too), `logger.warning` when the
    message calls itself a warning, else `logger.error`; a message
    that says it is an error ("Error: ...", "Failed to ...", "Could not
    ...") `error`, a warning ("Warning: ...", a deprecation: "... will be
    removed", "... is deprecated") `warning`; `file=sys.stderr`
    `warning` (standard error carries a program's diagnostics, not all of
    which are errors, and warning keeps them visible at the default
    level); else `info`;
  - the message is formatted lazily, by logging: plain string literals are
    inlined (`%` doubled when there are arguments), f-strings and
    `"...".format(...)` on a plain literal become a %-format string and
    arguments (`{x!r}` → `%r`, `{x:.2f}` → `%.2f`; `{}`, `{0}` and
    `{name}` fields), `"fmt" % (a, b)` becomes `("fmt", a, b)`, every other
    argument is a `%s` placeholder — `print("total:", n)` becomes
    `logger.info("total: %s", n)`, `print(f"order {o.id}")`
    `logger.info("order %s", o.id)`; an implicit concatenation of
    literals and f-strings converts as one; the terminal's layout (leading
    indentation, a trailing `\n`) is dropped from the message. A field
    with no %-equivalent
    (alignment `{x:>10}`, `{x=}`) keeps the f-string as it is; `.format`
    with an argument used twice that is not a plain name, or one unused,
    is a `%s` of the whole call;
  - a comment on the line above that described the print says what the
    code does now: `# Print out the result` → `# Log the result`,
    `# Prints ...` → `# Logs ...` (one that already says "log", as in
    `# Print the event to the log`, is left alone);
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
the rule. Where the program sets no logging up, a print that would become
`logger.info` keeps its finding without a fix: set logging up first (or
configure `logger-import`), then fix.

In Go, a call with one operand becomes `slog.Info(x)` (a non-string
operand goes through `fmt.Sprint`) — except an error value, which becomes
an attribute under a constant message that names the function, at
`slog.Error`: `fmt.Println(err)` in `Sync` → `slog.Error("error in Sync",
"err", err)` (not `slog.Error(fmt.Sprint(err))`, a record whose message is
the error's text, with no attribute to find it by; "error" in a function
literal). The level follows the context, as in
Python: in the body of an `if err != nil` (an error-typed value compared
with nil) `slog.Error`, or `slog.Warn` when the message calls itself a
warning ("Warning: Failed to load ..."); a message that says it is an
error ("Error: ...", "Failed to ...", "Could not ...") `slog.Error`, a
warning `slog.Warn`; `os.Stderr` `slog.Warn`; else `slog.Info`. A
Printf-style call with a literal format becomes a constant message and
key/value attributes — `fmt.Printf("Hitting endpoint %s\n", url)` →
`slog.Info("Hitting endpoint", "url", url)`, `"... got %d for user
'%s'."` → `"... got for user.", "status_code", resp.StatusCode,
"user_id", userID` — when every verb is a plain `%v`, `%s`, `%d`, `%q`
or `%t` (no width, precision, flag or index, whose formatting an
attribute would lose), stands apart (not inside a path or word:
`gs://%s/%s`; no text between two verbs that means nothing without them:
`%q -> %q`), and every argument names its key (a variable or field of two
letters or more, snake_case; a getter without its Get, `GetBucket()` →
`"bucket"`; a conversion's receiver, `err.Error()` → `"err"`,
`t.AsTime()`; not slog's own `msg`, `level`, `time` or `source`); the verbs leave the message
with the separators, quotes and brackets next to them, and a word they
completed when the message goes on ("file at %s: %v. Using" → "file.
Using"; "order from %s" keeps "from"). Otherwise `slog.Info(fmt.Sprintf(...))`, with a trailing `\n`
dropped from a literal format. `log/slog` is imported and `fmt`/`log`
removed when nothing else uses them. Several operands (whose spacing
differs), `args...`, `log.Fatal*`/`log.Panic*` (which exit or panic) and
builtins with non-string operands are reported without a fix.

# Levels

  - warning: a print in service code (the message names the entry point
    that reaches it: "in service code (reached from route handler `item`
    (GET /items/{id}))") or in library code no entry point is known to
    reach ("`print` call; use the module logger"): on Cloud Run each line
    becomes a log entry without severity, trace or fields.
  - note, without a fix: a print right before the program exits — the
    statements after it in its block, past more prints of the same
    message, are `raise SystemExit(...)` or a call of `sys.exit`,
    `os._exit`, `exit` or `quit` (`print("LEGACY_PATH is no longer
    supported"); raise SystemExit(1)` in a settings module): its last
    words are seen either way, and logging may not be set up yet.
  - not reported: a print in a command-line program, a script, a test or
    an example (allow-in-roles): it is the program's output. A
    documentation sample's code (a file with `# [START name]` regions)
    that no service reaches is an example: a snippet prints what the page
    shows. A Cloud Run sample's route in such a file, and what it calls,
    is service code and stays a warning. A file whose top level does the
    work (a `while` loop that calls something, a call of a project
    function) and that nothing of the project imports is a program run by
    itself (`python ping.py`): its prints are its output. So is a file
    whose `__main__` block runs its own Prefect flow or tasks once
    (`smoke_test_flow()`, not `flow.serve()`) and that no service's file
    imports: a smoke-test program, not a worker's code. A module only
    documentation samples, examples and tests import (a tutorial's
    set-up and clean-up helpers, `setup_cleanup.py`) is the samples', and
    a file under a documentation snippets directory (`snippets/`,
    `snippets-adk/`: python-docs-samples' ADK agent samples, which print
    on import) is an example, region tags or not. Nor, in any
    role, the last resort of logging: a print in an `except` whose `try`
    writes a log record (`try: logger.exception(...)` / `except
    Exception: print(..., file=sys.stderr)`) runs only when logging
    itself failed, and there is no logger left to use. Nor a print in a
    Prefect flow or task whose prints Prefect records as log lines:
    `@flow(log_prints=True)`, `@task(log_prints=True)`, or a `@task` (not
    `log_prints=False`) in a file whose flow says `log_prints=True` (a task
    inherits the setting of the flow that runs it).
  - Go: fmt.Print*, print and println in service code (a non-main
    package, or a main package's request handlers and what they call) are
    warnings; `log.Print*` is a note ("log.Println writes an unstructured
    log line (logging without level or fields, so a note)"): the line is in
    the log already, with a timestamp; `log.Fatal*` and `log.Panic*` are
    warnings outside main ("exits the process from library code") and in a
    request handler ("exits the server on one request"), and not reported
    in a main package's start-up code (`log.Fatal(http.ListenAndServe(...))`
    in `main` is the program's exit). Outside main, in a function nothing
    of its package runs (no handler, gRPC method, init, main, function
    literal or callback reaches it — XY003's notion of a snippet function),
    `log.Fatal*` and `log.Panic*` are notes: a documentation sample's
    function, called from another package's `main`, fails that way on
    purpose; once a handler of the package calls it, a warning.
  - Go, not reported: a file that imports `testing` without being a
    `_test.go` file is test support (Go's convention: helpers several
    packages' tests share, such as a `TestMain`'s database instance or a
    harness taking a `testing.TB`; production code does not import
    `testing`), and what it prints is a test run's output, as in a
    `_test.go` file. Nor a print (`fmt.Print*`, `print`, `println`) in a
    documentation sample's function that nothing of its package runs:
    outside main, in a file with `// [START name]` regions (golang-samples'
    snippets, called from their tests with a writer or from another
    package's `main`), where no handler, gRPC method, init, main, function
    literal or callback of the package reaches it — it prints what the
    page shows, the sample's output, as Python's documentation samples'
    prints are. A handler of the package that reaches it makes it service
    code, a warning again; `log.Print*` there stays a note (a log line),
    and a print in a file without regions stays a warning (library code,
    as in Python).

# Options

  - `exclude` (list of path globs): files where prints are allowed. Globs
    use gitignore syntax and match the file's path or any tail of it.
    Default: test files (`test_*.py`, `*_test.py`, `conftest.py`, `tests/`).
    Excluded files are still read for one thing: which functions a test
    reads the printed output of (`capsys`, `redirect_stdout`).
  - `allow-in-roles` (list of roles): the roles of code whose prints are
    its output and are not reported (`service`, `library`, `cli`,
    `script`, `test`, `example`; docs/roles.md). Default: `["cli",
    "script", "test", "example"]`.
  - `allow-in-main` (bool): do not report prints under
    `if __name__ == "__main__":`, whatever `allow-in-roles` says. Default:
    true, because such blocks are command-line entry points where printing
    to the terminal is the intended output, not service logging.
  - `logger-import` (string, "module:name"): a shared logger the fix
    imports in modules that have none, e.g.
    `"shared.logging_config:logger"`. Default: none (the fix defines a
    module logger).
  - Go: none; `_test.go` files and other files that import `testing`
    (test support) are not checked, and in package main only the request
    path (handlers and what they call) is.

# Suppression

`# noqa: XY005`, `# noqa: print-call`, Ruff's `# noqa: T201` / `# noqa: T203`;
in Go `//nolint:xylint`, `//nolint:XY005` or `//xylint:ignore XY005 reason`.

The project's own lint configuration counts too: where its Ruff
configuration (the nearest .ruff.toml, ruff.toml or pyproject.toml
`[tool.ruff]` from the file up) turns T201 off — `per-file-ignores` or
`extend-per-file-ignores` (top level or under `lint`) whose pattern matches
the file, or `ignore` / `extend-ignore` — with T201, T20, T2, T or ALL,
or its flake8 configuration (.flake8, setup.cfg, tox.ini) has
`per-file-ignores` with such a code for it (flake8-print's T201), the
project has decided prints are fine there: XY005 reports nothing in the
file, as Ruff would not, and so makes no fix. Not only no fix: a finding
the project's configuration already answers is noise in every run, and a
reviewer who reads it would point at that configuration. Patterns match as
Ruff's do (the file's name, or the path joined to the configuration's
directory; `*` crosses directories; `{a,b}`; `!` negates); an `extend`
chain is not followed. The rule still runs in the file, so the entry points
it declares still give the rest of the project its roles
(config.FileConfig.IgnoredByTools, internal/python/pystyle).
*/
package printcall
