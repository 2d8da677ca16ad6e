package printcall

import "regexp"

var (
	errorWords   = regexp.MustCompile(`(?i)^\W*(error\b|failed|failure|fail\b|could ?not|couldn't|unable to|cannot|can't|exception)`)
	warningWords = regexp.MustCompile(`(?i)^\W*(warning|warn\b|deprecat)|will be removed|is deprecated`)
)

// WordLevel is the level a printed message's own words give it, for the
// Python and the Go fix alike: "error" for a message that says it is one
// ("Error: ...", "Failed to ...", "Could not ..."), "warning" for a
// warning or a deprecation ("Warning: ...", "... will be removed"), else
// "".
func WordLevel(text string) string {
	switch {
	case errorWords.MatchString(text):
		return "error"
	case warningWords.MatchString(text):
		return "warning"
	}
	return ""
}
