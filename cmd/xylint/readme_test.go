package main

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeRuleTable: the README's table of rules (code | name | finds)
// lists the rules `xylint rules` lists, in its order, with the same names —
// the pseudo-rules (XY000, XY1xx) aside, which the README describes in its
// own sections.
func TestReadmeRuleTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var inReadme []string
	table := false
	for _, line := range strings.Split(string(readme), "\n") {
		switch {
		case strings.HasPrefix(line, "| code | name |"):
			table = true
		case table && strings.HasPrefix(line, "| XY"):
			cells := strings.Split(line, "|")
			inReadme = append(inReadme, strings.TrimSpace(cells[1])+" "+strings.TrimSpace(cells[2]))
		case table && !strings.HasPrefix(line, "|"):
			table = false
		}
	}
	r := xylint(t, t.TempDir(), "rules")
	if r.code != 0 {
		t.Fatalf("xylint rules: exit %d: %s", r.code, r.stderr)
	}
	var listed []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] == "XY000" || strings.HasPrefix(f[0], "XY1") {
			continue
		}
		listed = append(listed, f[0]+" "+f[1])
	}
	if strings.Join(inReadme, "\n") != strings.Join(listed, "\n") {
		t.Errorf("README's rule table:\n%s\n`xylint rules`:\n%s", strings.Join(inReadme, "\n"), strings.Join(listed, "\n"))
	}
}
