package python

import (
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Outside service code a hidden failure costs less. A swallow in a service
// leaves a long-running process in a wrong state for every request after
// it, and the failure never reaches monitoring: an error. In a command-line
// program, a one-off script or an example (the role model,
// internal/python/roles; tests are excluded) the failure costs the run it
// happens in: the output lacks something, the run did less than it says,
// and whoever runs it is not told — a warning, not an error. What a
// service reports as a warning (a fallback value, a log line without the
// error, a debug log, False for every error) is a note there, except an
// exit with status 0, which is the program's own way to hide a failure
// from whoever runs it. A swallow that falls back (returns a value, or
// lets the function go on the way after a try that would have returned:
// a plain prompt when the fancy one fails) is a note there too: it loses
// no work, unlike a bare `pass`; in service and library code the second
// kind is a warning (fallbackAfter), as a fallback value is. (A swallow around a best-effort action is
// a note in every role: levels.go.) Service code and
// library code (no entry point is known to reach it) keep their levels.

// outside says how a finding is reported in a command-line program, a
// script or an example.
type outside uint8

const (
	keepLevel     outside = iota // the same as in a service (an exit with status 0, an HTTP error)
	lowerSwallow                 // a swallow: a warning
	lowerOptional                // a swallow around a best-effort action: a note
	lowerWarning                 // a warning: a note
	lowerFallback                // a swallow with a fallback (a value returned, the path after the try): a note
	// lowerFallbackAfter is lowerFallback when the fallback is the code
	// after the try, which gets the answer another way (fallbackAfter):
	// a note there too, and a warning in service and library code — the
	// failure is hidden, but the function still answers, as when the
	// handler returns a default.
	lowerFallbackAfter
)

// outside decides the shape of a reported handler for level.
func (c *checker) outside(h handler, v verdict, f handling) outside {
	switch {
	case v.severity == lint.Error && c.bestEffortTry(h.clause.Parent()):
		return lowerOptional
	case v.severity == lint.Error && fallbackAfter(h):
		return lowerFallbackAfter
	case v.severity == lint.Error && fallbackPath(h):
		return lowerFallback
	case v.severity == lint.Error:
		return lowerSwallow
	case v.severity == lint.Warning && !f.exitsZero && f.http == "":
		return lowerWarning
	}
	return keepLevel
}

// outsideSuppress is outside for `with contextlib.suppress(Exception):`.
func (c *checker) outsideSuppress(with syntax.Node) outside {
	if body := with.ChildByField(syntax.FieldBody); !body.IsZero() && c.optionalAction(body) {
		return lowerOptional
	}
	return lowerSwallow
}

// bestEffortTry: the try's body is a best-effort action (optionalAction:
// telemetry, a cleanup method, a delete).
func (c *checker) bestEffortTry(try syntax.Node) bool {
	if !try.Is(syntax.KindTryStatement) {
		return false
	}
	return c.optionalAction(try.ChildByField(syntax.FieldBody))
}

// level is the severity and message of a finding in code of role.
func (o outside) level(role roles.Role, sev lint.Severity, msg string) (lint.Severity, string) {
	if role != roles.CLI && role != roles.Script && role != roles.Example {
		if o == lowerFallbackAfter && sev == lint.Error {
			return lint.Warning, msg + "; a warning, not an error: the function goes on after the try to another way to its answer, so the failure is hidden but the caller still gets one"
		}
		return sev, msg
	}
	where := role.Describe() + ", not service code"
	switch o {
	case lowerSwallow:
		return lint.Warning, msg + "; a warning in " + where + ": whoever runs it is not told, but the failure costs one run, not a service's requests"
	case lowerOptional:
		return lint.Note, msg + "; a note in " + where + ": a best-effort action (telemetry, a cleanup, a delete) whose failure costs the run nothing it needs"
	case lowerFallback, lowerFallbackAfter:
		return lint.Note, msg + "; a note in " + where + ": it falls back (a value returned, or the way after the try), and the failure costs one run at most"
	case lowerWarning:
		return lint.Note, msg + "; a note in " + where + ": the failure costs one run, not a service's requests"
	}
	return sev, msg
}
