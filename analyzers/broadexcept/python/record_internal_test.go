package python

import "testing"

// Every way helper takes a call for recording the exception leaves one of
// recordStrings in the file, which decides whether helper looks at calls
// at all.
func TestRecordStrings(t *testing.T) {
	for src, want := range map[string]bool{
		"import traceback\ndef f():\n    traceback.print_exc()\n":              true,
		"from traceback import format_exc as fe\ndef f():\n    fe()\n":         true,
		"import sentry_sdk\ndef f():\n    sentry_sdk.capture_exception()\n":    true,
		"def f(span):\n    span.record_exception(e)\n":                         true,
		"def f(c):\n    c.report_exc_info()\n":                                 true,
		"import newrelic.agent\ndef f():\n    newrelic.agent.notice_error()\n": true,
		"def f(log):\n    log.error('x', exc_info=True)\n":                     true,
		"def f(log):\n    log.error('x', _exc_info=1)\n":                       true,
		"def f(log):\n    log.exception('x')\n":                                true,
		"def f(log):\n    log.error('x')\n    raise SystemExit(1)\n":           false,
		"": false,
	} {
		if got := recordStrings.Any([]byte(src)); got != want {
			t.Errorf("recordStrings.Any(%q) = %v, want %v", src, got, want)
		}
	}
}
