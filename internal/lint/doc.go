package lint

import "strings"

// ExtractDoc returns the package documentation of a rule's doc.go, whose
// source is embedded with //go:embed so that the rule's documentation and
// its Doc field cannot drift (as golang.org/x/tools/go/analysis/passes do).
// The doc is the text of the first /* ... */ comment, with common leading
// indentation removed.
func ExtractDoc(goSource string) string {
	start := strings.Index(goSource, "/*")
	end := strings.Index(goSource, "*/")
	if start < 0 || end < start {
		panic("lint.ExtractDoc: doc.go has no /* */ package comment")
	}
	return strings.TrimSpace(goSource[start+2:end]) + "\n"
}
