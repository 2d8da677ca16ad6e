package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestPlatformFixCORSAuthShutdown runs `xylint fix --unsafe-fixes` on a copy
// of the sample platform and checks what XY001 wildcard-cors, XY002
// unauthenticated-route and XY006 missing-shutdown leave: only findings
// without a fix; every changed file compiles with python3; a second fix
// changes nothing.
func TestPlatformFixCORSAuthShutdown(t *testing.T) {
	dir := platformCopy(t)
	bin := xylintBinary(t)
	// run returns the command's standard output, then its standard error
	// (for check, the JSON report alone).
	run := func(args ...string) (string, int) {
		out, errOut, code := runXylint(t, bin, dir, args...)
		if args[0] == "check" {
			return out, code
		}
		return out + errOut, code
	}
	rules := map[string]bool{"XY001": true, "XY002": true, "XY006": true}

	before := fixable(t, run, rules)
	if before["XY001"] == 0 || before["XY002"] == 0 {
		t.Fatalf("the platform has no XY001/XY002 finding with a fix before fixing (%v): the test would prove nothing", before)
	}
	out, code := run("fix", "--unsafe-fixes", ".")
	if code == 2 {
		t.Fatalf("xylint fix --unsafe-fixes: exit 2 (a fix failed or a file could not be written):\n%s", out)
	}
	for _, want := range []string{"XY001 [wildcard-cors]", "XY002 [unauthenticated-route]", "XY006 [missing-shutdown]"} {
		line := lineWith(out, want)
		if line == "" || strings.Contains(line, "fixed 0 ") {
			t.Errorf("fix summary for %s: %q, want fixes applied\n%s", want, line, out)
		}
	}
	if after := fixable(t, run, rules); len(after) > 0 {
		t.Errorf("findings with a fix left after fixing: %v", after)
	}

	// Every changed Python file compiles.
	if len(changedPython(t, dir)) == 0 {
		t.Fatal("fix changed no file")
	}

	// Idempotence: a second run has nothing to do.
	if out, code := run("fix", "--unsafe-fixes", "--diff", "."); code != 0 || strings.Contains(out, "+++ ") {
		t.Errorf("a second fix would change files (exit %d):\n%s", code, out)
	}
}

// fixable counts, per rule of rules, the findings `check` reports with a
// fix.
func fixable(t *testing.T, run func(...string) (string, int), rules map[string]bool) map[string]int {
	t.Helper()
	out, _ := run("check", "--format", "json", ".")
	var report struct {
		Diagnostics []struct {
			Code string          `json:"code"`
			Fix  json.RawMessage `json:"fix"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("decoding the JSON report: %v\n%s", err, out)
	}
	n := map[string]int{}
	for _, d := range report.Diagnostics {
		if rules[d.Code] && len(d.Fix) > 0 && string(d.Fix) != "null" {
			n[d.Code]++
		}
	}
	return n
}

func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}
