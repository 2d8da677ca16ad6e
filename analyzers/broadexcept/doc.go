/*
Package broadexcept defines XY004 broad-except: handlers that catch every
exception and hide it.

# What it does

Python: finds bare `except:`, `except Exception` and `except BaseException`
(also `builtins.Exception`, inside a tuple such as `(ValueError, Exception)`,
and in `except*` groups), unless the handler re-raises (`raise`, `raise e`,
`raise X from e`) or logs the exception with its traceback
(`logger.exception(...)`, or a logging call with a truthy `exc_info=` through
the `logging` module, a `logging.getLogger(...)` result or a variable whose
name says it is a logger). Handlers that swallow the exception — whose body
is only `pass`, `...`, `continue`, `break`, `return` of a constant or
nothing, or only prints — are reported with error severity and the message
says so.

A re-raise on any path of the handler counts (also inside an if/else): the
rule does not prove that every path re-raises, as Ruff's BLE001 does not.
Raises and log calls inside functions or classes defined in the handler do
not count, nor does a bare `raise` in an except clause nested in the
handler (it re-raises the inner exception). `raise X(...)` without `from e`
is reported: the original traceback then rarely reaches a log.
`traceback.print_exc()` does not count as logging, but such a handler is
not called a swallow either. Returning a non-empty tuple such as
`("", 500)` is an error response, not a swallow.

Go: the Go form of a swallowed exception: an error explicitly discarded
(`_ = f()`, `_, _ = g()`) with nothing else handling it, an
`if err != nil {}` with an empty body, and a `recover()` whose value is
dropped (no re-panic, no log). Generated files (`// Code generated ... DO
NOT EDIT.`) are skipped.

# Why is this bad?

A broad handler turns every failure — a typo, a timeout, a quota error, a
KeyboardInterrupt — into the same silent path. The service keeps running in
a wrong state, the error never reaches monitoring, and the first sign of the
problem is a customer's report. Catching `Exception` is acceptable at a
boundary that records the traceback and re-raises or returns an error
response; swallowing it is not.

# Example

	try:
	    payload = json.loads(body)
	except Exception:
	    pass

In Go:

	_ = tx.Commit()
	if err != nil {
	}

# Use instead

	try:
	    payload = json.loads(body)
	except json.JSONDecodeError:
	    logger.warning("invalid JSON body")
	    raise

In Go:

	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}

# Fix safety

Unsafe. When every call in the `try` body has known exception types (a table
maintained with the rule: `json.loads` raises `json.JSONDecodeError`, `int()`
raises `ValueError`, `open()` raises `OSError`, `httpx` calls raise
`httpx.HTTPError`, Google Cloud client calls raise
`google.api_core.exceptions.GoogleAPIError`, ...) the fix narrows the handler
to them; otherwise it adds `logger.exception(...)` to a handler that
swallows. Both change which errors propagate or what is logged. A bare
`except:` whose handler cleans up and re-raises is never rewritten.

Go: no fix.

# Options

  - `logger-names` (list of strings): extra variable names treated as
    loggers. Default: names containing `log` (`logger`, `log`, `_logger`,
    `LOGGER`, `app_logger`, ...).

  - Go: none. `v, _ := f()` is not reported (it keeps a value: errcheck's
    territory); `bytes.Buffer` and `strings.Builder` writes, documented
    never to fail, are exempt.

# Suppression

`# noqa: XY004`, `# noqa: broad-except`, Ruff's `# noqa: BLE001` and
`# noqa: E722`; in Go `//nolint:XY004` or `//xylint:ignore XY004 reason`.
*/
package broadexcept
