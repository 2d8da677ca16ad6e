package broadexcept

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY004 broad-except's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:     "XY004",
	Name:     "broad-except",
	Summary:  "broad exception handler that hides errors",
	Doc:      lint.ExtractDoc(doc),
	Severity: lint.Warning,
	Levels: []lint.LevelDoc{
		{Level: lint.Error, When: "the handler swallows the exception: its body is only pass, ..., continue, break, a constant return, or prints that leave the exception out; and with contextlib.suppress(Exception) (Python)"},
		{Level: lint.Warning, When: "the error is lost to whoever could fix it: a fallback value returned, a server error response without a log (raise HTTPException(500, detail=str(e)), return JSONResponse({\"error\": str(e)}, status_code=500)), an exit with status 0, a log only at debug level, a log that leaves the exception out (logger.error(\"sync failed\")), a bare return False (a failure looks like a no); every Go finding (a discarded error, an empty if err != nil block, a dropped recover())"},
		{Level: lint.Note, When: "the error is recorded without its traceback: logged at info or above with its message (logger.warning(\"sync failed: %s\", e)), printed, echoed or shown with it (print(f\"failed: {e}\"), st.error), returned to the caller as a value outside a web handler (return {\"error\": str(e)}), turned into a client error (4xx), or a command-line exit non-zero that says nothing (sys.exit(1) alone); and a fallback around code that fails only on its input (int(), json.loads, a hash digest of json.dumps(...), response.json() on a body in hand, imports) or a swallow around cleanup only (close(), os.remove()); and a failure the code expects and answers: a wait with an explicit timeout that goes on (page.wait_for_load_state(timeout=5000)), a probe of a context (get_run_logger() outside a run, also with a pass handler when an else clause or a default gives the answer no), a queue drain's broad handler after except queue.Empty, a fallback the function's docstring documents (\"None if hashing failed\"), a read of a telemetry module's own state, a failure recorded with its text in a report (report_entries.append(...)), a result returned that says it failed (Result(error=\"connection_error\"))"},
	},
	FixSafety: lint.Unsafe,
	Aliases:   []string{"BLE001", "E722"},
	Options:   OptionsSpec,
}
