// Package pyident checks the syntax of Python names without a parser:
// identifiers and dotted module names, as options name them ("module:name",
// "shared.auth.verify_api_key") and as directories name packages. It has no
// dependencies, so option validation shared with the Go analyzers can use
// it.
package pyident

import "strings"

// IsIdentifier reports whether s is a Python identifier (ASCII letters,
// digits and "_", not starting with a digit; any non-ASCII letter is
// accepted as Python's Unicode identifiers are not checked in detail).
func IsIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}

// IsDotted reports whether s is a dotted module name: identifiers joined
// by dots ("shared.logging_config").
func IsDotted(s string) bool {
	for {
		part, rest, more := strings.Cut(s, ".")
		if !IsIdentifier(part) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}
