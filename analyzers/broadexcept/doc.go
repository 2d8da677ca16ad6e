/*
Package broadexcept defines XY004 broad-except: handlers that catch every
exception and hide it.

# What it does

Python: finds bare `except:`, `except Exception` and `except BaseException`
(also `builtins.Exception`, inside a tuple such as `(ValueError, Exception)`
or a Python 3.14 list such as `except ValueError, Exception:` (PEP 758; never
read as Python 2's `except ValueError as Exception`), and in `except*`
groups), unless the handler re-raises (`raise`, `raise e`,
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

Unsafe (Python). Two fixes, tried in this order:

  - Narrowing: when every call in the `try` body is in the rule's table
    (analyzers/broadexcept/python/exceptions.go) and the body has no `raise`
    of its own, the broad type becomes what those calls raise, with the
    imports it needs: `json.loads` → `json.JSONDecodeError`, `int()` /
    `float()` → `ValueError`, `open()` and a file's methods → `OSError`,
    any subscript (dict or list indexing) → `LookupError`, `httpx` functions
    and the methods of httpx clients and responses → `httpx.HTTPError` (and
    `json.JSONDecodeError` for `.json()`), `requests` →
    `requests.RequestException`, Google Cloud client constructors
    (`*.Client()`) and the methods of clients and what they return →
    `google.api_core.exceptions.GoogleAPIError`, and calls that raise
    nothing a handler is written for (`len`, `str`, `isinstance`, logging
    calls, ...). A type covered by another in the list is dropped
    (`ValueError` covers `json.JSONDecodeError`). In a tuple only the broad
    member is replaced; a bare `except:` gets the types as well.
  - Otherwise, a handler that swallows gets
    `logger.exception("ignored exception in f()")`, replacing its lone
    `pass` or as its first statement, with the module logger found or added
    as print-call's fix does (`logger-import` names a shared one).

Handlers that do something else (return an error response, log without the
traceback) get no fix. Narrowing lets errors the body did not expect (a
`TypeError`, a bug) propagate, and logging adds log records: both change
behaviour. A bare `except:` whose handler cleans up and re-raises is not
reported, so never rewritten (`except BaseException:` would be its only
equivalent).

Go: no fix.

# Options

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
