/*
Package broadexcept defines XY004 broad-except: handlers that catch every
exception and hide it.

# What it does

Python: finds bare `except:`, `except Exception` and `except BaseException`
(also `builtins.Exception`, inside a tuple such as `(ValueError, Exception)`
or a Python 3.14 list such as `except ValueError, Exception:` (PEP 758; never
read as Python 2's `except ValueError as Exception`), and in `except*`
groups), and `contextlib.suppress(Exception)` (or `BaseException`, also
imported as `from contextlib import suppress`, also among other types),
which is such a handler whose body is `pass`. A handler is not reported
when the exception is not hidden:

  - it goes on: re-raised (`raise`, `raise e`, `raise X from e`), or
    raised as another exception's context (`raise RuntimeError(f"upload
    failed: {e}")`, `raise type(e)(msg)`: every traceback shows the
    original under "During handling of the above exception"), or handed
    over as an object — passed to a call (`future.set_exception(e)`,
    `self.handle_exception(e)`), stored (`self.error = e`,
    `results.append((job, e))`) or returned (`return None, e`);
  - its traceback is recorded: `logger.exception(...)` and a truthy
    `exc_info=` on any call (logging, structlog, a log method held in a
    variable), loguru's `logger.opt(exception=e)`, logfire's
    `logfire.exception(...)` and `_exc_info=True`,
    `traceback.print_exc()` / `print_exception()`, `traceback.format_exc()`
    used at all (logged, printed, kept in a report), rich's
    `console.print_exception()`, and error trackers: `capture_exception`
    (Sentry, under any receiver), `report_exception` (Cloud Error
    Reporting), `report_exc_info` (Rollbar), `notice_error` (New Relic),
    `record_exception` (an OpenTelemetry span), and a logging handler's
    `self.handleError(record)` (logging.Handler's own failure path: it
    prints the traceback to stderr, or re-raises);
  - a command-line program reports it and exits non-zero: `sys.exit(1)`,
    `exit(1)`, `os._exit(1)`, `raise SystemExit(1)`, `typer.Exit(code=1)`
    (click's `Exit`; code 0 is the default), `click.Abort` and the other
    click exceptions (a raise), `ctx.fail(...)` / `ctx.abort()` /
    `ctx.exit(1)` on a click or typer Context, `parser.error(...)` on an
    argparse parser, a parameter named for exiting that the caller hands
    over (`exit_fn(f"cannot validate: {e}")` with `exit_fn=exit_with_error`)
    — with a message (`sys.exit("cannot start: ...")`) or
    after anything that says something (a print, an echo, a log, any call
    given the exception's text such as `print_color(f"Error: {e}")`).

The same holds through a function of the project, in any file, that the
handler calls: one that always exits non-zero after saying something
(`exit_with_error(f"flow run failed: {exc}")`, defined as `print(message);
raise SystemExit(code)` with `code=1` by default) or that records the
current exception (`report_error()` calling
`sentry_sdk.capture_exception()`); one that exits without a word makes
the finding a note.

A re-raise, a record or a hand-over on any path of the handler counts
(also inside an if/else), as in Ruff's BLE001: a handler that re-raises on
some path is a deliberate filter. A new exception raised, or an exit, only
on some paths (inside an if, a loop, a try) does not count. Nothing inside
functions, classes or lambdas defined in the handler counts, nor a bare
`raise` in an except clause nested in the handler (it re-raises the inner
exception), nor `raise X from None` without a word of why (it drops the
original, whose cause is then lost to whoever debugs X); with a comment in
the handler (`# from None: the library's errors may quote the key`) it is
the author's decision and counts as raising.

What remains is reported at the level its cost deserves (the message
says which case it is):

  - error: the handler swallows the exception: its body is only `pass`,
    `...`, `continue`, `break`, a `return` of nothing or of a constant, and
    `contextlib.suppress(Exception)`;
  - warning: the error is lost to whoever could fix it: the handler returns
    a fallback value, turns it into a server error response without
    logging it (`raise HTTPException(500, detail=str(e))`, Flask's
    `abort(500)`, werkzeug's and Django's HTTP errors, a fixed error value
    a web handler returns), exits with status 0 (`sys.exit(0)`, `raise
    typer.Exit()`), logs it only at debug level (`logger.debug(e)`) with
    no fallback, logs that something failed without the exception
    (`logger.error("sync failed")`) or prints it (`print("Failed to
    disable foreign key checks. Continuing.")`: the failure is announced,
    not what it was), or only answers `return False` (a failure looks like
    an ordinary "no": `is_reachable()`, `exists()`) or `return True` (a
    `broken` property: any failure, a bug included, gives that answer).
    Also a warning, not an error, a swallow around a write of bookkeeping
    only — a write method (`set`, `update`, `save`, `put`, ...) given a
    dict or keywords whose keys all record how something went (`status`,
    `state`, `progress`, `log_tail`, `last_...`, `..._at`, `..._count`):
    `run_ref.set({"status": s, "finished_at": now}, merge=True)` after the
    work; the record goes stale and nobody is told, but the work it
    describes is done (a status beside data, `{"status": "paid", "amount":
    total}`, stays an error) — and a swallow that answers None (`return
    None`, `return`) in a function whose name says None is one of its
    answers (`try_get_current_user`, `maybe_...`, `optional_...`,
    `safe_...`, `..._or_none`): optional by design, but a failure of its
    own (a database error) looks the same as nothing found; and a swallow
    in a `try` that would have returned (its body ends in a `return`,
    directly or in a `with`), after which the function gets its answer
    another way — the statement it goes on with, after the `try` or after
    the `if` or `with` the `try` ends, is neither the end of the function,
    a loop's next round, a `raise`, nor a `return` of nothing or of a
    constant: `try: return open(path).read()` / `except Exception: pass`
    / `return secrets.token_hex(32)` falls back, as a handler that
    returns a default does;
  - note: the error is recorded, but without its traceback: logged at info
    or above with its message (`logger.warning("sync failed: %s", e)`,
    structlog's `log.error("sync failed", error=str(e))`, Cloud Logging's
    `logger.log_text(...)`, `warnings.warn(f"...{e}")`, also through a
    variable made from it: `msg = "failed: " + str(e); logger.error(msg)`;
    or a warning that something failed with the error itself at debug level),
    printed or echoed with its message (`print(f"failed: {e}")`,
    `click.echo(...)`, `console.print(...)`, Streamlit's `st.error(...)`),
    returned to the caller as a value outside a web handler (`return
    {"status": "error", "message": str(e)}`, `return f"Error: {e}"`, or
    `error = str(e)` that the function then returns: an agent's tool, a
    query runner), or a fixed text that says it failed (`return "unknown
    error"`: whoever gets it sees the failure, its cause is lost), shown to
    the user with its message (a toast or a flashed message: `await
    add_toast(request, f"Refund failed: {e}")`, Flask's `flash(...)`,
    Django's `messages.error(...)`, any function or method whose name says
    toast or flash: they see that it failed and why, the logs get
    nothing), turned into a client error response (4xx:
    `HTTPException(status_code=400)`, `abort(404)`, `return jsonify(...),
    400`, `return JSONResponse(..., status_code=401)`, aiohttp's `return
    web.json_response(..., status=400)`, `make_response(body, 400)`: right
    when the request is at fault), returned to the client with its message
    (a web handler returns it, or a response carries it: `return
    {"error": str(e)}` from a route, `error = str(e)` then `return
    SendResult(sent=False, error=error)`: they see that it failed and why,
    the logs get nothing; as a server error, `return JSONResponse({"error":
    str(e)}, status_code=500)` or `return str(e), 500`, it is a warning:
    the service failed and its logs and error reporting say nothing), logged at debug level with a fallback (`logger.debug(...,
    e)` and then `annotation = empty` or `return default`: an expected
    failure with an answer), or a command-line program
    that exits non-zero without saying why (`sys.exit(1)` alone). Also a
    note, whatever an `except Exception` handler does (not a bare `except:`
    or `BaseException`, which also catch cancellation and exits): a `try` body that can fail only on
    its input — parsing and conversion (`int()`, `json.loads`,
    `datetime.fromisoformat`, subscripts, string and dict methods,
    `urlparse`; digests and encodings of data in hand:
    `hashlib.md5(json.dumps(args, default=str).encode()).hexdigest()`,
    `base64.b64encode(...)`; `.json()` of an HTTP response already
    received, `response.json()` / `exc.response.json()` on an error body
    that may not be JSON — not `await resp.json()`, which reads it) or only imports (an optional dependency) — which makes the
    handler a fallback to narrow, and a `try` body that only cleans up
    (`close()`, `cancel()`, `os.remove()`, `shutil.rmtree()`) under a
    handler that swallows: best-effort cleanup; and a `try` body that only
    logs, and computes what it logs (a logging callback such as dbt's
    event callback: `if event.level == "error": logger.error(...)`): a log
    line that fails goes unseen, nothing else fails with it. In every
    role, a swallow (not by a bare `except:` or `BaseException`) around a
    best-effort action — telemetry (one or two calls whose names say
    analytics, telemetry, track, metric, usage, posthog, segment, statsd,
    heartbeat, sentry, or a function of a telemetry module such as
    `prefect._internal.analytics.try_mark_milestone`; or any swallow in a
    function whose name says it emits telemetry: `emit_sdk_event`,
    `track_usage`, `capture_event`, `send_metrics`) or a cleanup (a
    `delete...`, `close`, `cancel`, `terminate`, `kill`, `shutdown`,
    `cleanup`, `release`, `unlink` ... call, with the imports, assignments
    and ifs that prepare it: `storage.Client().bucket(b).blob(n).delete()`),
    also as `with suppress(Exception):` — whose failure costs the program
    nothing it needs. And any handler whose
    comment says the error is let go on purpose (`pass  # Silently ignore
    tracking errors`, "best effort", "intentional", "not critical", "must
    never fail", "never let ... impact", "must not raise", "don't raise",
    "avoid raising", "that's fine", a linter's own suppression such as `#
    noqa: BLE001`), or that the failure is an outcome the code expects and
    answers: a fallback ("fall back to the plain prompts", "default to
    ..."), a skip ("skip malformed entries"), a failure it names as
    possible ("may raise", "may not exist", "no longer exists", "not
    available", "either the task failed or the timeout was reached",
    "timeout", "transient", "retries") or the condition the handler
    answers ("if we can't persist, ...", "if evaluation fails"). The
    author decided where a reviewer reads it; the message quotes the
    comment. Comments in the handler count (on its except line or in its
    body), and the comment block right above the `try` (or the `with
    suppress(...)`) when it also talks about a failure (fail, error,
    exception, raise, crash, best effort, missing, exist ...): "Diagnostics
    are best effort. A failure here must never skip the exit below" above
    a watchdog's `with suppress(Exception):`. A comment above that only
    describes the code ("deliberately ignores the surface id", "stays in
    GCS by design") is no reason; comments on
    consecutive lines are read as one block, and a block with a TODO or
    FIXME is not a decision, whatever else it says. "This should not
    happen" or a comment on what the code does is no reason either. Also a
    note, with the reason in the message, when the failure is one the code
    expects and has an answer for (not under a bare `except:` or
    `BaseException`): a `try` of one or two statements around a wait with
    an explicit timeout (`await page.wait_for_load_state(timeout=5000)`,
    `poll_until_done(job, timeout_seconds=30)`: a call named wait..., poll...,
    ..._wait, wait_for... given a `timeout`, `timeout_ms`, `timeout_s`,
    `timeout_seconds` keyword) whose handler goes on (`pass`, `continue`, a
    default) — the timeout running out is the author's choice, and no fix
    adds a traceback per expiry; a probe of a context — the `try` is one
    `return get_run_logger()` or `loop = asyncio.get_running_loop()`, a call
    with no arguments named get_run_..., get_running_..., get_current_...,
    current_..., active_..., that raises outside its context, and the
    handler is the answer without it (`return get_logger(...)`), or is
    `pass` when that answer needs no statement: the `try` has an `else:`
    that alone uses what the probe gave (`logger = get_run_logger()` /
    `except Exception: pass` / `else: logger.warning(...)`), or the name
    holds a default assigned before the `try` (`logger = None`); a `pass`
    with neither is an error, since the code after it runs as if the
    probe had answered; a drain of a queue whose ordinary end an earlier
    clause answers — the `try` only takes from a queue without blocking
    (`while True: drained.append(q.get_nowait())`), appends and computes,
    `except queue.Empty:` (or `asyncio.QueueEmpty`) comes first, and the
    broad handler only answers (`return`, `pass`): what it catches besides
    is the queue's own failure, and a best-effort poller stops there (with
    work beside the drain, or without the Empty clause, it stays an
    error); a
    fallback the function's docstring documents ("A hash string or None if
    hashing failed", "falls back to pickle when JSON fails": a value, None,
    empty, default, nothing, False or a fallback, then if/when/on, then a
    failure, within a sentence) when the handler is on that path (it
    returns a value, or the `try` returns and the code after it is the
    next way to the answer); a swallow in a telemetry module (a path part
    analytics, telemetry, tracking, metrics, ...) around a read of the
    telemetry's own state (`json.loads(path.read_text())` of its
    milestones file: reads and decodes only) that passes or returns a
    default; a failure recorded with the error's text into a collection
    of failures (`self.report_entries.append(Entry(exception=f"{e}"))`,
    `errors.append(str(e))`: a name with report, errors, fail, issues,
    problems, warnings, skipped, invalid, rejected) — whoever reads the
    report sees what failed and why; and a result returned that says it
    failed (`return UrlInfo(url, error="connection_error")`,
    `Result(success=False)`: a keyword error, err, error_code,
    error_message, failure, failure_reason given a fixed text, or success
    or ok given False), outside a web handler. A wait with a timeout among
    more work, a call given arguments, a docstring that names no failure
    ("Falls back to desktop-only when there's no TTY") and a collection
    that is not one of failures keep their levels. A note does not fail a
    run unless `--fail-on note`.

"Includes the exception" means the exception's name (`e`, `str(e)`,
`f"{e}"`, `e.args`), a variable the handler made from it, or
`sys.exc_info()` appears in the call's arguments; a bare `except:` or an
`except Exception:` without a name can only include it through
`sys.exc_info()`. Test files (`test_*.py`, `*_test.py`, `conftest.py`,
`tests/`) are left alone by default (the `exclude` option).

These levels are a service's. Outside service code a hidden failure
costs less, and the level follows the role of the code (docs/roles.md:
the entry points that reach it, its path, its content). A swallow in a
service leaves a long-running process in a wrong state for every request
after it, and the failure never reaches monitoring; in a command-line
program, a one-off script (`scripts/`, migrations, load tests, notebooks)
or an example, it costs the run it happens in — the output lacks
something or the run did less than it says, and whoever runs it is not
told. There:

  - a swallow (and `contextlib.suppress(Exception)`) is a warning, not an
    error ("a warning in a command-line program, not service code: whoever
    runs it is not told, but the failure costs one run, not a service's
    requests"); one that falls back — returns a value (`return ""` when
    git fails), or ends a `try` whose body returns, so that the code after
    it is the other way to the answer (a plain prompt when the fancy one
    fails) — is a note ("it falls back ..., and the failure costs one run
    at most"): it loses no work, unlike a bare `pass` after work;
  - what a service reports as a warning (a fallback value, a log line
    without the error, a debug log, `return False`) is a note ("the failure
    costs one run, not a service's requests"); except an exit with status
    0, a command-line program's own way to hide a failure from whoever runs
    it, which stays a warning.

Code that a service and a command-line program both reach is service
code; library code (no entry point of the checked tree is known to reach
it) keeps a service's levels, since a service may import it.

Go: the Go form of a swallowed exception: an error explicitly discarded
(`_ = f()`, `_, _ = g()`) with nothing else handling it, an
`if err != nil {}` with an empty body, and a `recover()` whose value is
dropped (no re-panic, no log) — unless its branch turns the panic into an
error the caller gets (`retErr = fmt.Errorf(...)` on a named result). Generated files (`// Code generated ... DO
NOT EDIT.`) are skipped. A method that is handed an error through a
parameter of type `error` records it on its receiver, and what it returns
is that error again: `_ = scope.Err(err)` and `_ = db.AddError(err)`
(gorm), `_ = c.Error(err)` (gin) are not reported — decided by the types
(a method, an error-typed parameter given an error value), not by names.
Functions are: `_ = fmt.Errorf("...: %w", err)` or `_ = errors.Join(a, b)`
only wrap what they are given, and dropping the result drops the error.

# Why is this bad?

A broad handler turns every failure — a typo, a timeout, a quota error, a
KeyboardInterrupt — into the same silent path. The service keeps running in
a wrong state, the error never reaches monitoring, and the first sign of the
problem is a customer's report. Catching `Exception` is acceptable at a
boundary that records the traceback and re-raises or returns an error
response; swallowing it is not.

# Example

An error:

	try:
	    cache.refresh(key)
	except Exception:
	    pass

	with contextlib.suppress(Exception):
	    cache.invalidate(key)

A warning (the client sees an error, the logs see nothing):

	try:
	    order = await fetch_order(order_id)
	except Exception as e:
	    raise HTTPException(status_code=500, detail=str(e))

A note (recorded, without the traceback):

	try:
	    send_welcome_email(user)
	except Exception as e:
	    logger.warning("welcome email failed: %s", e)

A note (a fallback around parsing: narrow it to `ValueError`):

	try:
	    port = int(os.environ["PORT"])
	except Exception:
	    port = 8080

Not reported (a command-line program that reports and exits non-zero):

	try:
	    migrate(config)
	except Exception as e:
	    typer.echo(f"migration failed: {e}", err=True)
	    raise typer.Exit(code=1)

In Go:

	_ = tx.Commit()
	if err != nil {
	}

# Use instead

	try:
	    cache.refresh(key)
	except Exception:
	    logger.exception("cache refresh failed")

	try:
	    send_welcome_email(user)
	except Exception:
	    logger.exception("welcome email failed")  # or exc_info=True

In Go:

	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}

# Fix safety

Unsafe (Python). No fix in generated code (a "Code generated" / "DO NOT
EDIT" / "Generated by" header, `*_pb2.py`) or vendored code (`vendor/`,
`third_party/`, ...), nor in tests (excluded by default), nor where the
handler's comments say the choice is deliberate — the catch-all is kept
"on purpose", "intentional", "by design", a linter's own suppression of it
(`# noqa: BLE001`, `E722`, `S110`; `pylint: disable=broad-exception-caught`),
or the traceback is withheld ("no traceback", "without the traceback",
"traceback omitted", "sensitive", "do not log"): a fix would undo what the
author decided. No fix either where the handler turns any error into a
value — it returns a dict with an error key (`return {"error": str(e)}`,
`{"status": "error", ...}`), a tuple carrying the exception's text, or the
error's text: catching everything is its job (an agent's tool, a batch
step), and narrowing would let the rest crash its caller. Nor for a
best-effort swallow (the handler only passes, continues, breaks or returns
a default) around an optional action: a `try` whose one or two calls made
for their effect are telemetry (`analytics.track`, metrics, usage,
Sentry, ..., or a function of a telemetry module), a cleanup method (`close`, `stop`, ...) or a delete (`#
Job may not exist`), with the imports, assignments and ifs that prepare
them — a failure there is what the author chose to ignore. Nor in a
command-line program, script or example where the swallow falls back (a
value returned, or the way after the try: the plain prompt when the
picker fails): a traceback logged there reaches whoever runs it (logging's
last resort prints it) for a failure the program already answers. Nor,
when it cannot be narrowed, for a fallback around code that fails only on
its input (a parse, an optional key: `args["user-agent"]` that most queries
lack): the finding asks to narrow it, and a traceback logged for every
ordinary miss is no fix. Otherwise three fixes, tried in this
order:

  - Narrowing: when every call in the `try` body is in the rule's table
    (analyzers/broadexcept/python/exceptions.go) and the body has no `raise`
    of its own, the broad type becomes what those calls raise, with the
    imports it needs. The table covers every exception a call or operation
    there raises for bad input, not only the expected one:

    | in the body | narrowed to |
    | --- | --- |
    | a subscript `d[k]`, `xs[i]` | `LookupError`, `TypeError` (the value is not subscriptable: JSON of another shape, None) |
    | `int()`, `float()` | `ValueError`, `TypeError`, `OverflowError` (`int()` of an infinite float or Decimal, `float()` of a huge int) |
    | arithmetic `a * b`, `a / b`, `+`, `-`, `//`, `%`, `**` (not on a string literal) | `ArithmeticError` (`ZeroDivisionError`, `OverflowError`, Decimal's signals), `TypeError` (an operand of the wrong type) |
    | `set()`, `list()`, `tuple()`, `sorted()` | `TypeError` |
    | `dict()` | `TypeError`, `ValueError` |
    | `json.loads` | `json.JSONDecodeError` (`ValueError` covers it) |
    | `json.load` | `json.JSONDecodeError`, `OSError` |
    | `open()`, a file's methods, `os.remove`/`rename`/`makedirs`/..., `shutil` copies and moves | `OSError` |
    | `uuid.UUID` | `ValueError` (text that is no UUID), `TypeError` (`UUID(None)`), `AttributeError` (`UUID(5)`, `UUID({})`: a number or dict has no `.replace`) |
    | `datetime.strptime`/`fromisoformat`, `base64` decoding | `ValueError` |
    | `decimal.Decimal` | `ArithmeticError` (`InvalidOperation` for text that is no number; what is done with the value next raises `decimal.Overflow`, `DivisionByZero`), `TypeError` (`Decimal(None)`), `ValueError` (`Decimal([])`) |
    | `yaml.safe_load`, `yaml.load` | `yaml.YAMLError` |
    | `httpx` functions, clients and responses | `httpx.HTTPError` (and `json.JSONDecodeError` for `.json()`) |
    | `requests` | `requests.RequestException` |
    | Google Cloud client constructors (`*.Client()`), their methods and what they return | `google.api_core.exceptions.GoogleAPIError` and `google.auth.exceptions.GoogleAuthError` (credentials that cannot be found or refreshed) |
    | an `import` | `ImportError` |
    | a queue's `get_nowait()`, `get(block=False)`, `get(False)`, `get(timeout=...)` / `put_nowait()`, ... (a name bound to `queue.Queue()`, `LifoQueue`, `PriorityQueue`, `SimpleQueue`, `multiprocessing.Queue()`) | `queue.Empty` / `queue.Full` |
    | an `asyncio.Queue()`'s `get_nowait()` / `put_nowait()` | `asyncio.QueueEmpty` / `asyncio.QueueFull` |
    | `len`, `str`, `isinstance`, `range`, `zip`, logging calls, `os.getenv`, ... | nothing a handler is written for |

    A body that sets an attribute (`httpx.Client.send = patched`: a patch
    of code that may change) is not narrowed. A type covered by another in
    the list is dropped. In a tuple only the
    broad member is replaced; a bare `except:` gets the types as well. A
    handler that follows a more specific one of the same `try` (`except
    KeyError: ... except Exception:`) is the fallback for everything else
    and is never narrowed.

  - Otherwise, a best-effort swallow around a body that only computes
    values (assignments, calls that fill a collection — `append`, `add`,
    `update` —, and the ifs, loops and withs around them; no other call
    made for its effect — optional parsing, a probe filling in a field,
    which keep their defaults when it fails) gets no fix: logging an ERROR
    traceback there is noise.

  - Otherwise, around a queue operation that does not block for ever
    (`get_nowait()`, `get(block=False)`, `get(timeout=...)`, `put_nowait()`,
    ...): it ends by raising `queue.Empty`/`Full` when the queue is empty or
    full — a drain loop `while True: q.get_nowait()` ends that way on every
    call —, so the handler is the queue's ordinary way out. Narrowed (above)
    when the queue's type is known and nothing else in the body raises;
    otherwise no fix: neither of the records below, an ERROR traceback for
    every drained queue.

  - Otherwise, in a module-level probe of a dependency — a `try` outside
    any function whose body imports, calls `importlib.import_module`,
    `importlib.metadata.version`, `pkg_resources.get_distribution`, ... or
    reads a `__version__` (an Airflow DAG file that registers
    `TaskReschedule` only where the installed Airflow has it) — no record
    is added: the failure is the answer for the versions without it, on
    every import of the module (every parse of a DAG file). A body that
    only imports is still narrowed to `ImportError`. Nor where the author
    says the failure is expected (the handler's comments, the comment lines
    right above the `try`, the docstring of the function, its class or its
    module: below) — for either
    of the two records below.

  - Otherwise, in a polling or retry loop — the handler runs in a `while`
    loop, or in a `for` loop whose body sleeps (attempts with a back-off),
    up to its function — no fix: the two fixes below add a traceback on
    every round, and while the failure lasts (a status polled every few
    seconds while a backend is down) the log fills with the same
    traceback. A fix that keeps one record would need state the handler
    does not have (a first-failure flag); the author's record stays as it
    is. A loop over items that neither sleeps nor repeats (`for row in
    rows`) is not one: each failure is its own.

  - Otherwise, a handler that already reports the exception without its
    traceback — one `logger.error(...)` whose message includes it — gets
    the traceback on that record instead of a second one:
    `logger.error(f"failed: {e}")` → `logger.exception(f"failed: {e}")`.
    Not a `logger.warning(...)`: the author rated the failure as expected
    (a fallback follows), and a traceback there is noise; nor when the
    handler answers with a client error (4xx): the request was at fault.

  - Otherwise, a handler that swallows gets
    `logger.exception("ignored exception in f()")`, replacing its lone
    `pass` or as its first statement, with the module logger found or added
    as print-call's fix does (`logger-import` names a shared one) — except
    on an expected-failure path: a handler whose only statements return
    None, a constant or an empty container, or `continue`/`break`, or a
    lone `pass` followed right after the `try` by such a statement (a cache
    lookup that misses, optional input that does not parse). The fallback
    is the function's contract there, and an ERROR traceback on every miss
    would be noise: no fix. Nor for a `try` whose body only releases
    something (`await ws.close()`, `os.remove(tmp)`): it fails when the
    thing is already gone, which is why the failure is swallowed; nor
    around a body that only logs (logger.exception would log where logging
    just failed). Nor where the author says the failure is expected or let
    go on purpose — in the handler's comments (the words that make its
    level a note), in the comment lines right above the `try`, or in the
    docstring of the function around it ("Falls back to desktop-only when
    there's no TTY or InquirerPy is missing"; "Don't fail the deployment
    if the work pool update fails"), or in a sentence of the docstring of
    its class or module that says the code lets failures go ("Exits
    silently on failure.", "a failed upload is ignored", "swallows all
    errors" — a sentence merely using a word such as "ignore" or
    "swallow" does not count there: such docstrings describe much more than
    one handler): the fallback is the function's
    contract, and an ERROR traceback on its ordinary path is noise. Nor
    where the handler prints (`print("Failed to disable foreign key
    checks. Continuing.")`): it already reports the failure, a
    logger.exception beside it would be a second record, and turning the
    print into the log call would take the message from the program's
    output — print-call's (XY005) decision, made with the role model, not
    this rule's. Nor for a best-effort swallow in telemetry: a file whose
    path names it (a directory or file called `analytics`, `telemetry`,
    `tracking`, `tracker`, `metrics`, `posthog`, `sentry`, `usage_stats`,
    alone or between underscores: `dev/cli/analytics.py`,
    `_analytics_send.py`, `_internal/analytics/`) or, as for the optional
    actions above, a `try` that only calls a function of such a module
    (`try_mark_milestone`, imported from `prefect._internal.analytics`):
    a usage ping must never disturb the program, and an ERROR traceback
    when it fails is what a maintainer refuses.

Handlers that do something else (return an error response, log several
records) get no fix, nor does `contextlib.suppress(Exception)`. Narrowing lets errors the body did not expect (a
bug) propagate, and logging adds log records: both change
behaviour. A bare `except:` whose handler cleans up and re-raises is not
reported, so never rewritten (`except BaseException:` would be its only
equivalent).

Go: no fix.

# Options

  - `exclude` (list of globs, gitignore syntax): files the rule leaves
    alone. Default: test files, `["test_*.py", "*_test.py",
    "conftest.py", "tests/"]`.
  - `logger-names` (list of strings): extra variable names treated as
    loggers. Default: names containing `log` (`logger`, `log`, `_logger`,
    `LOGGER`, `app_logger`, ...).
  - `logger-import` (string, "module:name"): a shared logger the fix
    imports in modules that have none, as print-call's option.
  - Go: none. `v, _ := f()` is not reported (it keeps a value: errcheck's
    territory); `bytes.Buffer` and `strings.Builder` writes, documented
    never to fail, are exempt.

# Suppression

`# noqa: XY004`, `# noqa: broad-except`, Ruff's `# noqa: BLE001` and
`# noqa: E722`; in Go `//nolint:XY004` or `//xylint:ignore XY004 reason`.
*/
package broadexcept
