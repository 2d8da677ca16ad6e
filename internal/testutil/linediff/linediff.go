// Package linediff says where two texts first differ, for test failures
// that compare whole reports.
package linediff

import (
	"fmt"
	"strings"
)

// First is the first line at which got and want differ ("" when they are
// equal), with its number.
func First(got, want []string) string {
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return fmt.Sprintf("line %d:\ngot  %s\nwant %s", i+1, g, w)
		}
	}
	return ""
}

// Text is First for two texts, line by line.
func Text(got, want string) string {
	return First(strings.Split(got, "\n"), strings.Split(want, "\n"))
}
